/**
 * Event coding in the project file: links.jsonl, actors.jsonl, label
 * attributes, link types, span attributes and actor links, publication
 * dates. Older files stay readable; what an older Spanwise cannot read it
 * keeps; a file's broken coding is kept and reported, never refused.
 */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { validateCoding } from "../../../shared/coding/validate";
import { DEFAULT_LABELS } from "../../../shared/model";
import { DEFAULT_LIMITS, decodeProjectFile, encodeProjectFile, type ProjectSnapshot } from "../../../shared/projectFile";
import { inflateEntry, readZipDirectory } from "../../../shared/projectFile/zipRead";
import { snapshotSpecArb } from "../projectFileArbitraries";
import { T0, buildSnapshot, jsonl, rawProjectFile, validMembers } from "../projectFileBuilders";
import { codingSpecArb, withCoding } from "./codingArbitraries";

const fixture = new Uint8Array(readFileSync(new URL("../../fixtures/projects/format-v1.spanwise", import.meta.url)));

async function open(bytes: Uint8Array, name = "p.spanwise"): Promise<ProjectSnapshot> {
  const result = await decodeProjectFile(bytes, name);
  if (!result.ok) throw new Error(result.problems.join("\n"));
  return result.snapshot;
}

async function manifestOf(snapshot: ProjectSnapshot): Promise<{ members: Record<string, unknown>; counts: Record<string, number> }> {
  const bytes = await encodeProjectFile(snapshot, { appVersion: "test" });
  const directory = readZipDirectory(bytes, DEFAULT_LIMITS);
  if (!directory.ok) throw new Error(directory.problems.join());
  const inflated = inflateEntry(bytes, directory.entries.find((e) => e.name === "manifest.json")!);
  if (!inflated.ok) throw new Error(inflated.problem);
  return JSON.parse(new TextDecoder().decode(inflated.data));
}

async function refused(bytes: Uint8Array): Promise<string[]> {
  const result = await decodeProjectFile(bytes, "p.spanwise");
  if (result.ok) throw new Error("the file was accepted");
  return result.problems;
}

/** A small coded project: one document, an event and an actor span, a link, two actors. */
async function codedSnapshot(): Promise<ProjectSnapshot> {
  const snapshot = await buildSnapshot({
    documents: [{ id: "d1", text: "May 10, 2022\nHamas 😀 rejected the plan." }],
    spans: [
      { id: "a", docId: "d1", at: "Hamas", label: "actor", extra: { confidence: 0.5 } },
      { id: "e", docId: "d1", at: "rejected", label: "event" },
    ],
  });
  const labels = snapshot.project.labels.map((l) =>
    l.id === "event" ? { ...l, attributes: [{ id: "type", name: "Type", type: "choice" as const, options: [{ value: "REJECT", note: "kept" }], futureFlag: 1 }] } : l,
  );
  return {
    ...snapshot,
    project: { ...snapshot.project, labels, linkTypes: [{ id: "source", name: "Source", from: ["event"], to: ["actor"], role: "source" }] },
    documents: snapshot.documents.map((d) => ({ ...d, doc: { ...d.doc, publishedAt: "2022-05-10" } })),
    spans: snapshot.spans.map((s) => (s.id === "e" ? { ...s, attrs: { type: "REJECT" } } : { ...s, actorId: "hamas" })),
    links: [{ id: "l1", projectId: "p1", docId: "d1", type: "source", from: "e", to: "a", annotator: "ana", createdAt: T0, updatedAt: T0, deleted: false, extra: { weight: 2 } }],
    actors: [
      { id: "hamas", projectId: "p1", name: "Hamas", aliases: ["HAMAS"], kind: "armed-group", identifier: "Q38799", createdAt: T0, updatedAt: T0, deleted: false },
      { id: "old", projectId: "p1", name: "Harakat", aliases: [], notes: "merged", createdAt: T0, updatedAt: T0 + 1, deleted: false, mergedInto: "hamas", extra: { source: "import" } },
    ],
  };
}

describe("event coding in project files", () => {
  it("saves and opens links, actors, attributes, link types and publication dates unchanged", async () => {
    const snapshot = await codedSnapshot();
    const bytes = await encodeProjectFile(snapshot, { appVersion: "test" });
    expect(await open(bytes)).toStrictEqual(snapshot);
    // Same snapshot, same bytes.
    expect(await encodeProjectFile(snapshot, { appVersion: "test" })).toEqual(bytes);
  });

  it("round-trips random projects with coding (property)", async () => {
    await fc.assert(
      fc.asyncProperty(snapshotSpecArb, codingSpecArb, async (spec, coding) => {
        const snapshot = withCoding(await buildSnapshot(spec), coding);
        expect(await open(await encodeProjectFile(snapshot, { appVersion: "test" }))).toStrictEqual(snapshot);
      }),
      { numRuns: 100 },
    );
  });

  it("writes the members and counts FORMAT.md describes, and none for a project without coding", async () => {
    const snapshot = await codedSnapshot();
    const manifest = await manifestOf(snapshot);
    expect(Object.keys(manifest.members)).toEqual(["project.json", "documents.jsonl", "spans.jsonl", "links.jsonl", "actors.jsonl"]);
    expect(manifest.counts).toEqual({ documents: 1, spans: 2, deletedSpans: 0, labels: 4, links: 1, actors: 2 });
    const { links: _links, actors: _actors, ...plain } = snapshot;
    expect(Object.keys((await manifestOf(plain)).members)).toEqual(["project.json", "documents.jsonl", "spans.jsonl"]);
  });

  it("keeps opening the format 1 fixture, which has no coding", async () => {
    const snapshot = await open(fixture, "format-v1.spanwise");
    expect(snapshot).not.toHaveProperty("links");
    expect(snapshot).not.toHaveProperty("actors");
    expect(snapshot.spans.every((s) => s.attrs === undefined && s.actorId === undefined)).toBe(true);
    // Its unknown member stays unknown: it is not a links.jsonl.
    expect(Object.keys(snapshot.unknownMembers)).toEqual(["relations.jsonl"]);
    expect(validateCoding({ ...snapshot, labels: snapshot.project.labels, links: [], actors: [] })).toEqual([]);
  });

  it("keeps a link to a missing span and an actor merged into a missing one, for validation to report", async () => {
    const m = await validMembers();
    const bytes = await rawProjectFile({
      "project.json": JSON.stringify(m.project),
      "documents.jsonl": jsonl(m.documents),
      "spans.jsonl": jsonl(m.spans),
      "links.jsonl": jsonl([{ id: "l1", docId: "d1", type: "speaker", from: "nowhere", to: "s1", annotator: "ana", createdAt: T0, updatedAt: T0, deleted: false }]),
      "actors.jsonl": jsonl([{ id: "x", name: "X", aliases: [], createdAt: T0, updatedAt: T0, deleted: false, mergedInto: "gone" }]),
    });
    const snapshot = await open(bytes);
    expect(snapshot.links).toHaveLength(1);
    const problems = validateCoding({ labels: snapshot.project.labels, documents: snapshot.documents, spans: snapshot.spans, links: snapshot.links!, actors: snapshot.actors! });
    expect(problems.map((p) => p.kind)).toEqual(["link-missing-span", "actor-invalid"]);
  });

  it("refuses links and actors that break the file's structure, naming the line", async () => {
    const m = await validMembers();
    const file = (links: object[], actors: object[], project: object = m.project) =>
      rawProjectFile({
        "project.json": JSON.stringify(project),
        "documents.jsonl": jsonl(m.documents),
        "spans.jsonl": jsonl(m.spans),
        "links.jsonl": jsonl(links),
        "actors.jsonl": jsonl(actors),
      });
    const link = { id: "l1", docId: "d1", type: "speaker", from: "s1", to: "s1", annotator: "ana", createdAt: T0, updatedAt: T0, deleted: false };
    const actor = { id: "x", name: "X", aliases: [], createdAt: T0, updatedAt: T0, deleted: false };
    expect(await refused(await file([link, link], []))).toEqual(['p.spanwise: links.jsonl line 2: link id "l1" is used twice (also links.jsonl line 1)']);
    expect(await refused(await file([{ ...link, docId: "d9" }], []))).toEqual(['p.spanwise: links.jsonl line 1: link "l1" belongs to document "d9", which is not in the file']);
    expect(await refused(await file([{ ...link, from: 3 }], []))).toEqual(['p.spanwise: links.jsonl line 1: field "from" must be a non-empty string']);
    expect(await refused(await file([], [actor, actor]))).toEqual(['p.spanwise: actors.jsonl line 2: actor id "x" is used twice (also actors.jsonl line 1)']);
    expect(await refused(await file([], [{ ...actor, aliases: "X" }]))).toEqual(['p.spanwise: actors.jsonl line 1: field "aliases" must be a list of strings']);
    const badLabels = { ...m.project, labels: [{ ...DEFAULT_LABELS[0], attributes: [{ name: "no id", type: "text" }] }] };
    expect((await refused(await file([], [], badLabels)))[0]).toMatch(/^p\.spanwise: project\.json: label 1: field "attributes\.0\.id"/);
    const badSpan = await rawProjectFile({
      "project.json": JSON.stringify(m.project),
      "documents.jsonl": jsonl(m.documents),
      "spans.jsonl": jsonl([{ ...m.spans[0], attrs: { type: ["a"] } }]),
    });
    expect((await refused(badSpan))[0]).toMatch(/field "attrs\.type"/);
  });

  it("checks the manifest's counts of links and actors when it gives them", async () => {
    const m = await validMembers();
    const bytes = await rawProjectFile(
      { "project.json": JSON.stringify(m.project), "documents.jsonl": jsonl(m.documents), "spans.jsonl": jsonl(m.spans), "links.jsonl": "" },
      { editManifest: (manifest) => void ((manifest.counts as Record<string, number>).links = 2) },
    );
    expect(await refused(bytes)).toEqual(["p.spanwise: manifest.json counts 2 links but the file has 0"]);
  });
});
