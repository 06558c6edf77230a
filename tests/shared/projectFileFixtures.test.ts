/**
 * Files written by earlier versions of the format must open forever. The
 * expectations here are written out by hand, not derived from the encoder,
 * so a change in how files are read cannot silently follow a change in how
 * they are written.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { decodeProjectFile, encodeProjectFile } from "../../shared/projectFile";

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../fixtures/projects/${name}`, import.meta.url)));

describe("format version 1 fixture", () => {
  it("opens, with every record as written", async () => {
    const result = await decodeProjectFile(fixture("format-v1.spanwise"), "format-v1.spanwise");
    if (!result.ok) throw new Error(result.problems.join("\n"));
    const { snapshot, info } = result;
    expect(info).toEqual({ formatVersion: 1, appVersion: "0.1.0", createdAt: 1767225610000 });
    expect(snapshot.project).toMatchObject({ id: "8f0e1c2a-0000-4000-8000-000000000001", name: "Format 1 fixture", extra: { futureSetting: { keep: true } } });
    expect(snapshot.project.labels.map((l) => l.id)).toEqual(["actor", "event", "date", "quote"]);
    expect(snapshot.documents.map((d) => [d.doc.id, d.doc.title, d.doc.length])).toEqual([
      ["doc-a", "Mayor's statement", 73],
      ["doc-b", "قرار", 43],
    ]);

    const textOf = (id: string) => snapshot.documents.find((d) => d.doc.id === id)!.text;
    const spans = snapshot.spans.map((s) => [s.id, s.annotator, s.label, s.deleted, textOf(s.docId).slice(s.start, s.end)]);
    expect(spans).toEqual([
      ["span-1", "ana", "date", false, "On 3 May"],
      ["span-2", "ana", "actor", false, "the mayor 🏛️"],
      ["span-3", "bob", "quote", false, "mayor 🏛️ said: «We will rebuild.»"],
      ["span-4", "bob", "event", true, "Café owners cheered 👏🏽"],
      ["span-5", "ana", "actor", false, "الوزير"],
      ["span-6", "bob", "actor", false, "𝕏"],
    ]);
    // In memory, offsets are UTF-16: "the mayor 🏛️" is code points [9, 21) in the file.
    expect(snapshot.spans[1]).toMatchObject({ start: 9, end: 22 });
    expect(snapshot.spans[4]!.extra).toEqual({ confidence: 0.9 });
    expect(new TextDecoder().decode(snapshot.unknownMembers["relations.jsonl"])).toBe('{"id":"rel-1","from":"span-2","to":"span-3","type":"said"}\n');
  });

  it("survives being saved again by this version", async () => {
    const first = await decodeProjectFile(fixture("format-v1.spanwise"), "format-v1.spanwise");
    if (!first.ok) throw new Error(first.problems.join("\n"));
    const again = await decodeProjectFile(await encodeProjectFile(first.snapshot, { appVersion: "test" }), "again.spanwise");
    expect(again.ok && again.snapshot).toEqual(first.snapshot);
  });
});
