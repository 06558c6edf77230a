import { describe, expect, it } from "vitest";
import { mergeSnapshots } from "../../shared/merge";
import type { DocumentRecord } from "../../shared/model";
import { decodeProjectFile, encodeProjectFile, type ProjectSnapshot } from "../../shared/projectFile";
import { T0, buildSnapshot, validRawFile } from "./projectFileBuilders";

/**
 * What a coder sets on a document (its title, where it came from, how far
 * they are with it, a publication date known without its year) travels in
 * project files and merges like the rest of their work.
 */

const ARTICLE = "Skip to main content\nCeasefire talks stall in Beirut\n\nBEIRUT, March 3 — Envoys met.";

async function withDoc(projectId: string, docId: string, fields: Partial<DocumentRecord>): Promise<ProjectSnapshot> {
  const snapshot = await buildSnapshot({ projectId, documents: [{ id: docId, text: ARTICLE, title: "000_bc1e5b86ce48cb8e" }] });
  const entry = snapshot.documents[0]!;
  entry.doc = { ...entry.doc, ...fields };
  return snapshot;
}

async function roundTrip(snapshot: ProjectSnapshot): Promise<ProjectSnapshot> {
  const result = await decodeProjectFile(await encodeProjectFile(snapshot, { appVersion: "test", createdAt: T0 }), "t.spanwise");
  if (!result.ok) throw new Error(result.problems.join("\n"));
  return result.snapshot;
}

describe("document fields in a project file", () => {
  it("keep the title, source file name, status, edit time and a partial publication date", async () => {
    const fields = { title: "Ceasefire talks stall in Beirut", source: "000_bc1e5b86ce48cb8e.txt", status: "in-progress", updatedAt: T0 + 7, publishedAt: "--03-03" } as const;
    const back = await roundTrip(await withDoc("p1", "d1", fields));
    expect(back.documents[0]!.doc).toMatchObject(fields);
    expect(back.documents[0]!.extra).toBeUndefined();
  });

  it("never writes the store's revision", async () => {
    const back = await roundTrip(await withDoc("p1", "d1", { rev: 12, status: "done" }));
    expect(back.documents[0]!.doc.rev).toBeUndefined();
    expect(back.documents[0]!.doc.status).toBe("done");
  });

  it("are optional: a file written before them opens with none set", async () => {
    const result = await decodeProjectFile(await validRawFile(), "old.spanwise");
    if (!result.ok) throw new Error(result.problems.join("\n"));
    const { doc } = result.snapshot.documents[0]!;
    expect(doc.title).toBe("Doc");
    expect([doc.source, doc.status, doc.updatedAt]).toEqual([undefined, undefined, undefined]);
  });

  it("refuse a status the app does not know, naming the field", async () => {
    const bytes = await validRawFile((m) => Object.assign(m.documents[0]!, { status: "finished" }));
    const result = await decodeProjectFile(bytes, "odd.spanwise");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.join("\n")).toMatch(/field "status" must be "new", "in-progress" or "done"/);
  });
});

describe("merging a renamed document", () => {
  const doc = (s: ProjectSnapshot) => s.documents[0]!.doc;

  it("keeps the later rename, whichever side is the base, and reports the update", async () => {
    const older = await withDoc("alice", "a-doc", { title: "Talks stall", updatedAt: T0 + 10, status: "in-progress" });
    const newer = await withDoc("bob", "b-doc", { title: "Ceasefire talks stall in Beirut", updatedAt: T0 + 20, status: "done" });
    const ab = mergeSnapshots(older, newer);
    expect(doc(ab.snapshot)).toMatchObject({ id: "a-doc", title: "Ceasefire talks stall in Beirut", status: "done", updatedAt: T0 + 20 });
    expect(ab.report.documentsUpdated).toBe(1);
    expect(ab.changes.documentUpdates.map((d) => d.doc.title)).toEqual(["Ceasefire talks stall in Beirut"]);
    const ba = mergeSnapshots(newer, older);
    expect(doc(ba.snapshot)).toMatchObject({ id: "b-doc", title: "Ceasefire talks stall in Beirut", status: "done" });
    expect(ba.report.documentsUpdated).toBe(0);
  });

  it("keeps the base's record when the incoming side never edited it", async () => {
    const renamed = await withDoc("alice", "a-doc", { title: "Ceasefire talks", updatedAt: T0 + 10 });
    const untouched = await withDoc("bob", "b-doc", {});
    expect(doc(mergeSnapshots(renamed, untouched).snapshot).title).toBe("Ceasefire talks");
    expect(doc(mergeSnapshots(untouched, renamed).snapshot).title).toBe("Ceasefire talks");
  });

  it("settles two edits at the same time the same way on both sides", async () => {
    const a = await withDoc("alice", "a-doc", { title: "Talks A", updatedAt: T0 + 10 });
    const b = await withDoc("bob", "b-doc", { title: "Talks B", updatedAt: T0 + 10 });
    expect(doc(mergeSnapshots(a, b).snapshot).title).toBe(doc(mergeSnapshots(b, a).snapshot).title);
  });

  it("changes nothing when the same file is merged again", async () => {
    const base = await withDoc("alice", "a-doc", { title: "Talks", updatedAt: T0 + 10 });
    const incoming = await withDoc("bob", "b-doc", { title: "Ceasefire talks", updatedAt: T0 + 20, publishedAt: "2024-03-03" });
    const once = mergeSnapshots(base, incoming).snapshot;
    const twice = mergeSnapshots(once, incoming);
    expect(twice.snapshot).toEqual(once);
    expect(twice.report.documentsUpdated).toBe(0);
  });

  it("takes a publication date from the other side when the later one has none, and the source file name the base lacks", async () => {
    const dated = await withDoc("alice", "a-doc", { publishedAt: "2024-03-03" });
    const renamed = await withDoc("bob", "b-doc", { title: "Ceasefire talks", updatedAt: T0 + 20, source: "000_bc1e5b86ce48cb8e.txt" });
    expect(doc(mergeSnapshots(dated, renamed).snapshot)).toMatchObject({ title: "Ceasefire talks", publishedAt: "2024-03-03", source: "000_bc1e5b86ce48cb8e.txt" });
  });
});
