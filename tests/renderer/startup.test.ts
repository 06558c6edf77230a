/**
 * The first screen read before React mounts: the project the user had open,
 * its open document with exactly its text and spans, the annotator's name and
 * the hidden layers; nothing of another project, and a first start that
 * creates the project and shows no document.
 */
import "fake-indexeddb/auto";
import { beforeEach, describe, expect, it } from "vitest";
import type { SpanRecord } from "../../shared/model";
import { importTextFiles } from "../../renderer/store/documents";
import { CURRENT_PROJECT_KEY, createProject } from "../../renderer/store/projects";
import { ANNOTATOR_KEY, writeSetting } from "../../renderer/store/settings";
import { putSpans } from "../../renderer/store/spans";
import { docSettingKey as openDocumentKey } from "../../renderer/store/openProject";
import { hiddenLayersKey, loadFirstScreen } from "../../renderer/startup";
import { freshStore } from "./storeHelpers";

beforeEach(freshStore);

const file = (name: string, text: string) => ({ name, bytes: new TextEncoder().encode(text) });

const span = (id: string, projectId: string, docId: string, start: number, end: number, deleted = false): SpanRecord => ({
  id,
  projectId,
  docId,
  start,
  end,
  label: "actor",
  annotator: "ana",
  createdAt: 1,
  updatedAt: 1,
  deleted,
});

describe("the first screen", () => {
  it("on a first start creates the project and has no document, no annotator and no hidden layers", async () => {
    const first = await loadFirstScreen();
    expect(first.project.name).toBe("My project");
    expect(first.annotator).toBeNull();
    expect(first.open).toBeNull();
    expect(first.hidden).toEqual([]);
  });

  it("reopens the open project's document with its text and its spans, tombstones included", async () => {
    const other = await createProject("Other");
    const [otherDoc] = (await importTextFiles(other.id, [file("elsewhere.txt", "Someone else's text.")])).added;
    const project = await createProject("Visits");
    const { added } = await importTextFiles(project.id, [file("first.txt", "Ana met 🙂 Ben."), file("second.txt", "Carl wrote to Dana.")]);
    const [, second] = added;
    await putSpans([span("s2", project.id, second!.id, 0, 4), span("s1", project.id, second!.id, 14, 18, true), span("x", other.id, otherDoc!.id, 0, 7)]);
    await writeSetting(openDocumentKey(project.id), second!.id);
    await writeSetting(openDocumentKey(other.id), otherDoc!.id);
    await writeSetting(ANNOTATOR_KEY, "Ana");
    await writeSetting(hiddenLayersKey(project.id), ["ben"]);

    const first = await loadFirstScreen();
    expect(first.project.id).toBe(project.id);
    expect(first.annotator).toBe("Ana");
    expect(first.hidden).toEqual(["ben"]);
    expect(first.open?.doc).toEqual(second);
    expect(first.open?.text).toBe("Carl wrote to Dana.");
    expect(first.open?.spans.map((s) => [s.id, s.start, s.end, s.deleted])).toEqual([
      ["s1", 14, 18, true],
      ["s2", 0, 4, false],
    ]);
  });

  it("opens another project when the remembered one was deleted, with that project's own document", async () => {
    const kept = await createProject("Kept");
    const [keptDoc] = (await importTextFiles(kept.id, [file("kept.txt", "Still here.")])).added;
    await writeSetting(openDocumentKey(kept.id), keptDoc!.id);
    await writeSetting(CURRENT_PROJECT_KEY, "deleted-project");
    const first = await loadFirstScreen();
    expect(first.project.id).toBe(kept.id);
    expect(first.open?.text).toBe("Still here.");
  });

  it("shows no document when the remembered one is gone or belongs to another project", async () => {
    const other = await createProject("Other");
    const [otherDoc] = (await importTextFiles(other.id, [file("elsewhere.txt", "Someone else's text.")])).added;
    const project = await createProject("Visits");
    await writeSetting(openDocumentKey(project.id), otherDoc!.id);
    expect((await loadFirstScreen()).open).toBeNull();
    await writeSetting(openDocumentKey(project.id), "no-such-document");
    expect((await loadFirstScreen()).open).toBeNull();
  });
});
