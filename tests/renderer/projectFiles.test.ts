/**
 * The app's side of project files, over a real Dexie on fake-indexeddb (an
 * in-memory IndexedDB): what is stored from a file and read back for saving
 * is the file's project, and merging through the store gives what the pure
 * merge gives, once and again.
 */
import "fake-indexeddb/auto";
import fc from "fast-check";
import { beforeEach, describe, expect, it } from "vitest";
import { canonicalContent, mergeSnapshots } from "../../shared/merge";
import { decodeProjectFile, encodeProjectFile, type ProjectSnapshot } from "../../shared/projectFile";
import { mergeIntoProject, openAsNewProject, projectFileBytes, readSnapshot } from "../../renderer/store/projectFiles";
import { sidesArb, snapshotSpecArb } from "../shared/projectFileArbitraries";
import { buildSnapshot } from "../shared/projectFileBuilders";
import { freshStore } from "./storeHelpers";

const RUNS = { numRuns: 60 };

/** A snapshot in a fixed order (documents by creation then id, spans by document then id), for comparing. */
function ordered(snapshot: ProjectSnapshot): ProjectSnapshot {
  const documents = [...snapshot.documents].sort((a, b) => a.doc.createdAt - b.doc.createdAt || (a.doc.id < b.doc.id ? -1 : 1));
  const position = new Map(documents.map((d, i) => [d.doc.id, i]));
  const spans = [...snapshot.spans].sort((a, b) => position.get(a.docId)! - position.get(b.docId)! || (a.id < b.id ? -1 : 1));
  return { ...snapshot, documents, spans };
}

/** What a file says, decoded, as the app would get it from "Open project". */
async function throughFile(snapshot: ProjectSnapshot): Promise<ProjectSnapshot> {
  const decoded = await decodeProjectFile(await encodeProjectFile(snapshot, { appVersion: "test" }), "test.spanwise");
  if (!decoded.ok) throw new Error(decoded.problems.join("\n"));
  return decoded.snapshot;
}

beforeEach(freshStore);

describe("project files through the store", () => {
  it("a project opened into a fresh profile and saved again is the same project (property)", async () => {
    await fc.assert(
      fc.asyncProperty(snapshotSpecArb, async (spec) => {
        await freshStore();
        const original = await throughFile(await buildSnapshot(spec));
        const opened = await openAsNewProject(original);
        expect(opened).toEqual({ projectId: original.project.id, name: original.project.name, renamed: 0 });
        expect(ordered(await readSnapshot(opened.projectId))).toStrictEqual(ordered(original));
        // Saving writes a file that decodes to the same project again.
        const saved = await decodeProjectFile(await projectFileBytes(opened.projectId), "saved.spanwise");
        expect(saved.ok && ordered(saved.snapshot)).toStrictEqual(ordered(original));
      }),
      RUNS,
    );
  });

  it("merging through the store equals the pure merge, and merging again changes nothing (property)", async () => {
    await fc.assert(
      fc.asyncProperty(sidesArb(2), async (specs) => {
        await freshStore();
        const [a, b] = await Promise.all(specs.map(async (s) => throughFile(await buildSnapshot(s))));
        await openAsNewProject(a!);
        const report = await mergeIntoProject(a!.project.id, b!);
        const expected = mergeSnapshots(a!, b!);
        expect(report).toEqual(expected.report);
        const stored = await readSnapshot(a!.project.id);
        expect(canonicalContent(stored)).toBe(canonicalContent(expected.snapshot));
        const again = await mergeIntoProject(a!.project.id, b!);
        expect(again).toMatchObject({ documentsAdded: 0, spansAdded: 0, tombstonesAdded: 0, spansChanged: 0, spansRemoved: 0, labelsAdded: 0 });
        expect(ordered(await readSnapshot(a!.project.id))).toStrictEqual(ordered(stored));
      }),
      RUNS,
    );
  });

  it("opening a file whose project is already here makes a copy with its own document ids, and leaves the original untouched", async () => {
    const original = await throughFile(
      await buildSnapshot({
        projectId: "p1",
        name: "Geneva",
        documents: [{ id: "d1", text: "Amara Okafor met Jonas Lindqvist." }],
        spans: [{ id: "s1", docId: "d1", at: "Amara Okafor" }],
      }),
    );
    await openAsNewProject(original);
    const copy = await openAsNewProject(original);
    expect(copy.projectId).not.toBe("p1");
    expect(copy.name).toBe("Geneva (copy)");
    // The document's id is taken here; the span's needs no change (spans are stored under their document).
    expect(copy.renamed).toBe(1);
    const [first, second] = [await readSnapshot("p1"), await readSnapshot(copy.projectId)];
    expect(first.spans.map((s) => [s.id, s.docId])).toEqual([["s1", "d1"]]);
    expect(second.spans.map((s) => [s.id, s.docId])).toEqual([["s1", `d1@${copy.projectId}`]]);
    expect(second.documents[0]!.text).toBe("Amara Okafor met Jonas Lindqvist.");
    // Merging the original's file into the copy matches the copy's records again: nothing new.
    const report = await mergeIntoProject(copy.projectId, original);
    expect(report).toMatchObject({ documentsAdded: 0, spansAdded: 0, spansChanged: 0 });
    expect(await readSnapshot("p1")).toStrictEqual(first);
  });

  it("a merge that fails part-way writes nothing", async () => {
    const base = await throughFile(await buildSnapshot({ projectId: "p1", documents: [{ id: "d1", text: "One text." }], spans: [{ id: "s1", docId: "d1", at: "One" }] }));
    await openAsNewProject(base);
    const before = await readSnapshot("p1");
    // A span of a document the file does not have: the merge refuses it inside the transaction.
    const broken: ProjectSnapshot = { ...base, documents: [], spans: [{ ...base.spans[0]!, id: "s2", docId: "nowhere" }] };
    await expect(mergeIntoProject("p1", broken)).rejects.toThrow(/not in its project/);
    expect(await readSnapshot("p1")).toStrictEqual(before);
  });
});
