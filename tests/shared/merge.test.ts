import { describe, expect, it } from "vitest";
import { canonicalContent, mergeSnapshots } from "../../shared/merge";
import { checkSnapshot, decodeProjectFile, encodeProjectFile } from "../../shared/projectFile";
import { T0, buildSnapshot, type SnapshotSpec } from "./projectFileBuilders";

const ARTICLE = "On 3 May the mayor 🏛️ said: «We will rebuild.» Café owners cheered.";
const OTHER = "A second article, 😀 only on one side.";

const alice = (spec: Partial<SnapshotSpec> = {}) =>
  buildSnapshot({ projectId: "alice-project", name: "Alice's", documents: [{ id: "a-doc", text: ARTICLE, title: "Mayor (Alice)" }], ...spec });
const bob = (spec: Partial<SnapshotSpec> = {}) =>
  buildSnapshot({ projectId: "bob-project", name: "Bob's", documents: [{ id: "b-doc", text: ARTICLE, title: "Mayor (Bob)" }], ...spec });

describe("documents", () => {
  it("treats the same text imported by two people as one document, keeping the base's record", async () => {
    const a = await alice({ spans: [{ id: "s-a", docId: "a-doc", at: "the mayor 🏛️", annotator: "alice" }] });
    const b = await bob({ spans: [{ id: "s-b", docId: "b-doc", at: "the mayor", label: "event", annotator: "bob" }] });
    const { snapshot, report } = mergeSnapshots(a, b);
    expect(snapshot.documents.map((d) => [d.doc.id, d.doc.title])).toEqual([["a-doc", "Mayor (Alice)"]]);
    expect(snapshot.spans.map((s) => [s.id, s.docId, s.annotator, s.projectId])).toEqual([
      ["s-a", "a-doc", "alice", "alice-project"],
      ["s-b", "a-doc", "bob", "alice-project"],
    ]);
    expect(report).toMatchObject({ documentsAdded: 0, spansAdded: 1, spansChanged: 0, spansRemoved: 0, conflicts: [] });
  });

  it("adds documents the base does not have, with their spans", async () => {
    const b = await bob({
      documents: [
        { id: "b-doc", text: ARTICLE },
        { id: "b-doc-2", text: OTHER, title: "Second" },
      ],
      spans: [{ id: "s1", docId: "b-doc-2", at: "😀" }],
    });
    const { snapshot, report } = mergeSnapshots(await alice(), b);
    expect(snapshot.documents.map((d) => [d.doc.id, d.doc.projectId])).toEqual([
      ["a-doc", "alice-project"],
      ["b-doc-2", "alice-project"],
    ]);
    expect(snapshot.spans[0]).toMatchObject({ docId: "b-doc-2", projectId: "alice-project" });
    expect(report).toMatchObject({ documentsAdded: 1, spansAdded: 1 });
  });

  it("gives an incoming document a new id when the base uses its id for another text", async () => {
    const b = await bob({ documents: [{ id: "a-doc", text: OTHER }], spans: [{ id: "s1", docId: "a-doc", at: "second" }] });
    const { snapshot } = mergeSnapshots(await alice(), b);
    const added = snapshot.documents[1]!;
    expect(added.doc.id).toMatch(/^a-doc~[0-9a-f]{12}$/);
    expect(snapshot.spans[0]!.docId).toBe(added.doc.id);
    expect(await checkSnapshot(snapshot)).toEqual([]);
  });
});

describe("spans on both sides", () => {
  const mayor = { id: "s1", at: "the mayor 🏛️", annotator: "alice", createdAt: T0 } as const;

  it("keeps the later edit and reports the conflict", async () => {
    const a = await alice({ spans: [{ ...mayor, docId: "a-doc", label: "actor", updatedAt: T0 + 10 }] });
    const b = await bob({ spans: [{ ...mayor, docId: "b-doc", label: "event", updatedAt: T0 + 20 }] });
    const { snapshot, report } = mergeSnapshots(a, b);
    expect(snapshot.spans).toHaveLength(1);
    expect(snapshot.spans[0]).toMatchObject({ label: "event", docId: "a-doc", updatedAt: T0 + 20 });
    expect(report.spansChanged).toBe(1);
    expect(report.conflicts).toEqual([
      {
        spanId: "s1",
        docTitle: "Mayor (Alice)",
        kept: "incoming",
        reason: "later",
        base: { label: "actor", start: 9, end: 22, text: "the mayor 🏛️", annotator: "alice", updatedAt: T0 + 10, deleted: false },
        incoming: { label: "event", start: 9, end: 22, text: "the mayor 🏛️", annotator: "alice", updatedAt: T0 + 20, deleted: false },
      },
    ]);
    const reverse = mergeSnapshots(b, a);
    expect(reverse.snapshot.spans[0]).toMatchObject({ label: "event", docId: "b-doc" });
    expect(reverse.report.conflicts[0]).toMatchObject({ kept: "base", reason: "later" });
    expect(reverse.report.spansChanged).toBe(0);
  });

  it("changes nothing when both sides have the same version", async () => {
    const a = await alice({ spans: [{ ...mayor, docId: "a-doc" }] });
    const b = await bob({ spans: [{ ...mayor, docId: "b-doc" }] });
    const { snapshot, report } = mergeSnapshots(a, b);
    expect(snapshot.spans).toEqual(a.spans);
    expect(report).toMatchObject({ spansAdded: 0, spansChanged: 0, spansRemoved: 0, conflicts: [] });
  });

  it("carries a later deletion to the other side", async () => {
    const a = await alice({ spans: [{ ...mayor, docId: "a-doc", updatedAt: T0 + 5 }] });
    const b = await bob({ spans: [{ ...mayor, docId: "b-doc", updatedAt: T0 + 9, deleted: true }] });
    const { snapshot, report } = mergeSnapshots(a, b);
    expect(snapshot.spans[0]).toMatchObject({ deleted: true, updatedAt: T0 + 9 });
    expect(report).toMatchObject({ spansRemoved: 1, spansChanged: 0 });
    expect(report.conflicts[0]).toMatchObject({ kept: "incoming", incoming: { deleted: true } });
  });

  it("keeps a span that was edited after the other side deleted it", async () => {
    const a = await alice({ spans: [{ ...mayor, docId: "a-doc", updatedAt: T0 + 5, deleted: true }] });
    const b = await bob({ spans: [{ ...mayor, docId: "b-doc", label: "quote", updatedAt: T0 + 9 }] });
    const { snapshot, report } = mergeSnapshots(a, b);
    expect(snapshot.spans[0]).toMatchObject({ deleted: false, label: "quote" });
    expect(report).toMatchObject({ spansChanged: 1, spansRemoved: 0 });
    const back = mergeSnapshots(b, a);
    expect(back.snapshot.spans[0]).toMatchObject({ deleted: false, label: "quote" });
    expect(back.report.conflicts[0]).toMatchObject({ kept: "base" });
  });

  it("carries tombstones of spans the base never had", async () => {
    const b = await bob({ spans: [{ ...mayor, docId: "b-doc", deleted: true }] });
    const { snapshot, report } = mergeSnapshots(await alice(), b);
    expect(snapshot.spans[0]).toMatchObject({ id: "s1", deleted: true });
    expect(report).toMatchObject({ spansAdded: 0, tombstonesAdded: 1 });
  });

  it("settles equal times deterministically: the deletion wins, then the greater version", async () => {
    const a = await alice({ spans: [{ ...mayor, docId: "a-doc", updatedAt: T0 + 5 }] });
    const b = await bob({ spans: [{ ...mayor, docId: "b-doc", updatedAt: T0 + 5, deleted: true }] });
    expect(mergeSnapshots(a, b).snapshot.spans[0]!.deleted).toBe(true);
    expect(mergeSnapshots(b, a).snapshot.spans[0]!.deleted).toBe(true);
    expect(mergeSnapshots(a, b).report.conflicts[0]).toMatchObject({ kept: "incoming", reason: "tie" });

    const c = await bob({ spans: [{ ...mayor, docId: "b-doc", updatedAt: T0 + 5, label: "quote" }] });
    const ac = mergeSnapshots(a, c).snapshot.spans[0]!.label;
    const ca = mergeSnapshots(c, a).snapshot.spans[0]!.label;
    expect(ac).toBe(ca);
  });
});

describe("layers and labels", () => {
  it("keeps every annotator's spans on the same text", async () => {
    const a = await alice({ spans: [{ id: "a1", docId: "a-doc", at: "mayor", annotator: "alice" }] });
    const b = await bob({
      spans: [
        { id: "b1", docId: "b-doc", at: "mayor", annotator: "bob" },
        { id: "b2", docId: "b-doc", at: "the mayor 🏛️ said", label: "quote", annotator: "bob" },
      ],
    });
    const { snapshot } = mergeSnapshots(a, b);
    expect(snapshot.spans.map((s) => `${s.annotator}:${s.id}`)).toEqual(["alice:a1", "bob:b1", "bob:b2"]);
  });

  it("adds the labels only the incoming side has, keeping the base's definitions", async () => {
    const a = await alice();
    const b = await bob({
      labels: [
        { id: "actor", name: "Person", color: "#111111", key: "1" },
        { id: "place", name: "Place", color: "#222222", key: "5" },
      ],
    });
    const { snapshot, report } = mergeSnapshots(a, b);
    expect(snapshot.project.labels.map((l) => `${l.id}:${l.name}`)).toEqual(["actor:Actor", "event:Event", "date:Date", "quote:Quote", "place:Place"]);
    expect(report.labelsAdded).toBe(1);
    expect(snapshot.project).toMatchObject({ id: "alice-project", name: "Alice's" });
  });

  it("carries unknown members, keeping the base's when both differ", async () => {
    const a = await alice({ unknownMembers: { "relations.jsonl": new Uint8Array([1]) } });
    const b = await bob({ unknownMembers: { "relations.jsonl": new Uint8Array([2]), "actors.jsonl": new Uint8Array([3]) } });
    const { snapshot, report } = mergeSnapshots(a, b);
    expect(Object.keys(snapshot.unknownMembers).sort()).toEqual(["actors.jsonl", "relations.jsonl"]);
    expect(snapshot.unknownMembers["relations.jsonl"]).toEqual(new Uint8Array([1]));
    expect(report.notes).toEqual([
      'Both projects have "relations.jsonl" with different contents; this version of Spanwise cannot merge it, so the base\'s was kept.',
    ]);
  });
});

describe("merge and files", () => {
  it("does not change its arguments", async () => {
    const a = await alice({ spans: [{ id: "s1", docId: "a-doc", at: "mayor", updatedAt: T0 + 1 }] });
    const b = await bob({ spans: [{ id: "s1", docId: "b-doc", at: "mayor", updatedAt: T0 + 2, deleted: true }], documents: [{ id: "b-doc", text: ARTICLE }, { id: "x", text: OTHER }] });
    const before = [JSON.stringify(a), JSON.stringify(b)];
    mergeSnapshots(a, b);
    expect([JSON.stringify(a), JSON.stringify(b)]).toEqual(before);
  });

  it("merges what two project files hold into a file that opens", async () => {
    const a = await alice({ spans: [{ id: "a1", docId: "a-doc", at: "mayor", annotator: "alice" }] });
    const b = await bob({ spans: [{ id: "b1", docId: "b-doc", at: "Café", annotator: "bob", label: "event" }] });
    const open = async (snapshot: typeof a, name: string) => {
      const result = await decodeProjectFile(await encodeProjectFile(snapshot, { appVersion: "1" }), name);
      if (!result.ok) throw new Error(result.problems.join());
      return result.snapshot;
    };
    const merged = mergeSnapshots(await open(a, "a.spanwise"), await open(b, "b.spanwise")).snapshot;
    const reopened = await open(merged, "merged.spanwise");
    expect(reopened).toEqual(merged);
    expect(canonicalContent(reopened)).toBe(canonicalContent(mergeSnapshots(b, a).snapshot));
  });
});
