/**
 * The history's queue over a real Dexie on fake-indexeddb: a tag whose write
 * waits for the next paint still comes before an undo pressed meanwhile, and
 * nothing shows as saved while it waits.
 */
import "fake-indexeddb/auto";
import { beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_LABELS, type SpanRecord } from "../../shared/model";
import { db } from "../../renderer/store/db";
import { history } from "../../renderer/store/history";
import { saveStatus } from "../../renderer/store/saveStatus";
import { freshStore, storedSpan } from "./storeHelpers";

const now = 1_700_000_000_000;
const span = (id: string): SpanRecord => ({ id, projectId: "p", docId: "d", start: 0, end: 4, label: "actor", annotator: "ana", createdAt: now, updatedAt: now, deleted: false });

beforeEach(async () => {
  await freshStore();
  history.clear();
  await db.projects.put({ id: "p", name: "T", labels: DEFAULT_LABELS.map((l) => ({ ...l })), createdAt: now, updatedAt: now });
  await db.documents.put({ id: "d", projectId: "p", title: "D", textHash: "h", length: 20, createdAt: now });
  await db.texts.put({ docId: "d", text: "Mikhail Bogdanov met" });
});

describe("history", () => {
  it("keeps the order of actions when a write waits for something first", async () => {
    let paint!: () => void;
    const painted = new Promise<void>((resolve) => (paint = resolve));
    const tagged = history.perform({ label: "Tag", docId: "d", edits: [{ before: null, after: span("s1") }] }, painted);
    // Undo pressed before the tag's write could start: it must undo the tag, not find nothing.
    const undone = history.undo();
    expect(await storedSpan("s1")).toBeUndefined();
    paint();
    await tagged;
    expect((await undone)?.label).toBe("Tag");
    expect((await storedSpan("s1"))?.deleted).toBe(true);
    expect(history.canUndo).toBe(false);
    expect(history.canRedo).toBe(true);
  });

  it("says saving from the key press on, while the write waits for the paint, until it is committed", async () => {
    let paint!: () => void;
    const painted = new Promise<void>((resolve) => (paint = resolve));
    expect(saveStatus.get().kind).toBe("saved");
    const tagged = history.perform({ label: "Tag", docId: "d", edits: [{ before: null, after: span("s2") }] }, painted);
    expect(saveStatus.get().kind).toBe("saving");
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(saveStatus.get().kind).toBe("saving");
    paint();
    await tagged;
    expect(saveStatus.get().kind).toBe("saved");
    expect((await storedSpan("s2"))?.deleted).toBe(false);
  });
});
