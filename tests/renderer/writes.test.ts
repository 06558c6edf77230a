/**
 * Compare-and-set writes over a real Dexie on fake-indexeddb: an action is
 * written only where each record is still at the revision it was made from
 * and its document and project exist; otherwise nothing of it is written
 * and the refusal says why. Undo and redo use the same check.
 */
import "fake-indexeddb/auto";
import { beforeEach, describe, expect, it } from "vitest";
import type { ActorRecord, LinkRecord } from "../../shared/coding/model";
import { DEFAULT_LABELS, type SpanRecord } from "../../shared/model";
import { db } from "../../renderer/store/db";
import { history } from "../../renderer/store/history";
import { saveStatus } from "../../renderer/store/saveStatus";
import { writeRecords } from "../../renderer/store/writes";
import { onStoreChanges, type StoreChanges } from "../../renderer/store/changes";
import { freshStore, storedSpan } from "./storeHelpers";

const now = 1_700_000_000_000;
const TEXT = "Mikhail Bogdanov met Ismail Haniyeh in Moscow.";
const span = (id: string, start = 0, end = 16): SpanRecord => ({ id, projectId: "p", docId: "d", start, end, label: "actor", annotator: "Ana", createdAt: now, updatedAt: now, deleted: false });
const link = (id: string): LinkRecord => ({ id, projectId: "p", docId: "d", type: "source", from: "s1", to: "s2", annotator: "Ana", createdAt: now, updatedAt: now, deleted: false });
const actor = (id: string): ActorRecord => ({ id, projectId: "p", name: "Mikhail Bogdanov", aliases: [], createdAt: now, updatedAt: now, deleted: false });

beforeEach(async () => {
  await freshStore();
  history.clear();
  await db.projects.put({ id: "p", name: "T", labels: DEFAULT_LABELS.map((l) => ({ ...l })), createdAt: now, updatedAt: now });
  await db.documents.put({ id: "d", projectId: "p", title: "D", textHash: "h", length: TEXT.length, createdAt: now });
  await db.texts.put({ docId: "d", text: TEXT });
  await db.settings.put({ key: "annotator", value: "Ana" });
});

/** Another window's edit: a new version written over the stored one. */
async function elsewhere<T extends { rev?: number }>(kind: "spans" | "links" | "actors", stored: T, change: Partial<T>): Promise<void> {
  await writeRecords({ [kind]: [{ before: stored, after: { ...stored, ...change, updatedAt: now + 5 } }] });
}

describe("compare-and-set", () => {
  it("refuses a span edit made from an older revision, names the span, and writes nothing of the action", async () => {
    const [s1, s2] = (await writeRecords({ spans: [{ before: null, after: span("s1") }, { before: null, after: span("s2", 21, 35) }] })).spans;
    await elsewhere("spans", s1!, { label: "event" });
    const attempt = writeRecords({ spans: [{ before: s2!, after: { ...s2!, label: "date" } }, { before: s1!, after: { ...s1!, label: "quote" } }] });
    await expect(attempt).rejects.toThrow("“Mikhail Bogdanov” was changed in another window or by a merge since; the change was not saved.");
    expect((await storedSpan("s1"))?.label).toBe("event");
    // Atomic: the unmoved span of the same action was not written either.
    expect((await storedSpan("s2"))?.label).toBe("actor");
    // A refusal is not a failure to save.
    expect(saveStatus.get().kind).toBe("saved");
  });

  it("refuses a link or an actor edit made from an older revision", async () => {
    const written = await writeRecords({ links: [{ before: null, after: link("l1") }], actors: [{ before: null, after: actor("a1") }] });
    const [l1] = written.links;
    const [a1] = written.actors;
    await elsewhere("links", l1!, { type: "target" });
    await elsewhere("actors", a1!, { name: "M. Bogdanov" });
    await expect(writeRecords({ links: [{ before: l1!, after: { ...l1!, deleted: true } }] })).rejects.toThrow("A link was changed in another window or by a merge since");
    await expect(writeRecords({ actors: [{ before: a1!, after: { ...a1!, notes: "x" } }] })).rejects.toThrow("The actor “Mikhail Bogdanov” was changed");
    expect((await db.links.get("l1"))?.type).toBe("target");
    expect((await db.actors.get("a1"))?.name).toBe("M. Bogdanov");
  });

  it("refuses a new record whose id is taken, and a write into a document or project that is gone", async () => {
    await writeRecords({ spans: [{ before: null, after: span("s1") }] });
    await expect(writeRecords({ spans: [{ before: null, after: span("s1", 21, 35) }] })).rejects.toThrow(/was changed/);
    await db.documents.delete("d");
    await expect(writeRecords({ spans: [{ before: null, after: span("s9") }] })).rejects.toThrow("The document was deleted in another window; the change was not saved.");
    await db.projects.delete("p");
    await expect(writeRecords({ spans: [{ before: null, after: span("s9") }] })).rejects.toThrow("The project was deleted in another window; the change was not saved.");
    expect(await storedSpan("s9")).toBeUndefined();
  });

  it("gives every written record the transaction's revision and who wrote it", async () => {
    const heard: StoreChanges[] = [];
    const stop = onStoreChanges((c) => heard.push(c));
    const [s1] = (await writeRecords({ spans: [{ before: null, after: span("s1") }] })).spans;
    expect(s1!.updatedBy).toBeUndefined();
    await db.settings.put({ key: "annotator", value: "Ben" });
    const [again] = (await writeRecords({ spans: [{ before: s1!, after: { ...s1!, label: "event" } }] })).spans;
    expect(again!.rev).toBeGreaterThan(s1!.rev!);
    expect(await storedSpan("s1")).toMatchObject({ label: "event", updatedBy: "Ben", rev: again!.rev });
    stop();
    // Announced after commit, as written.
    expect(heard.map((c) => c.spans.map((s) => [s.id, s.label, s.rev]))).toEqual([[["s1", "actor", s1!.rev]], [["s1", "event", again!.rev]]]);
  });
});

describe("undo and redo", () => {
  it("undo writes the before only while the record is where the action left it; a refused step is dropped", async () => {
    await history.perform({ label: "Tag", docId: "d", edits: [{ before: null, after: span("s1") }] });
    const tagged = (await storedSpan("s1"))!;
    await elsewhere("spans", tagged, { label: "event" });
    await expect(history.undo()).rejects.toThrow("“Mikhail Bogdanov” was changed in another window or by a merge since; not undone.");
    expect(await storedSpan("s1")).toMatchObject({ label: "event", deleted: false });
    expect(history.canUndo).toBe(false);
  });

  it("undo then redo round-trips, and redo is refused after a change made since the undo", async () => {
    await history.perform({ label: "Tag", docId: "d", edits: [{ before: null, after: span("s1") }] });
    await history.undo();
    expect((await storedSpan("s1"))?.deleted).toBe(true);
    await history.redo();
    expect((await storedSpan("s1"))?.deleted).toBe(false);
    await history.undo();
    await elsewhere("spans", (await storedSpan("s1"))!, { deleted: false, label: "date" });
    await expect(history.redo()).rejects.toThrow("not redone");
    expect(await storedSpan("s1")).toMatchObject({ label: "date", deleted: false });
    expect(history.canRedo).toBe(false);
  });

  it("an undo after a relabel restores the label when nothing moved, with the undoer as updatedBy", async () => {
    const [s1] = (await history.perform({ label: "Tag", docId: "d", edits: [{ before: null, after: span("s1") }] })).spans;
    await db.settings.put({ key: "annotator", value: "Ben" });
    await history.perform({ label: "Change label", docId: "d", edits: [{ before: s1!, after: { ...s1!, label: "event" } }] });
    await history.undo();
    expect(await storedSpan("s1")).toMatchObject({ label: "actor", updatedBy: "Ben" });
  });
});
