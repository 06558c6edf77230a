import { describe, expect, it } from "vitest";
import { unzipSync } from "fflate";
import {
  CURRENT_FORMAT_VERSION,
  ProjectFileError,
  decodeProjectFile,
  encodeProjectFile,
  type ProjectSnapshot,
} from "../../shared/projectFile";
import { checkMigrationSequence, migrateContent, type FormatMigration, type RawProjectContent } from "../../shared/projectFile/migrations";
import { T0, buildSnapshot, validRawFile } from "./projectFileBuilders";

const text = "Le maire 😀 a dit « 𝔸𝔹 » à Rīga.\nSecond line.";

async function sample(): Promise<ProjectSnapshot> {
  return buildSnapshot({
    documents: [
      { id: "d1", text, title: "Article" },
      { id: "d2", text: "Plain text only.", createdAt: T0 + 5 },
    ],
    spans: [
      { id: "s1", docId: "d1", at: "maire 😀", label: "actor" },
      { id: "s2", docId: "d1", at: "😀 a dit « 𝔸𝔹", label: "event", annotator: "bob", updatedAt: T0 + 9 },
      { id: "s3", docId: "d1", at: "𝔸", label: "quote", deleted: true, updatedAt: T0 + 3 },
      { id: "s4", docId: "d2", at: "text", label: "date" },
    ],
  });
}

async function decodeOk(bytes: Uint8Array, name = "t.spanwise") {
  const result = await decodeProjectFile(bytes, name);
  if (!result.ok) throw new Error(result.problems.join("\n"));
  return result;
}

describe("project file round trip", () => {
  it("decodes what it encodes, with UTF-16 offsets in memory", async () => {
    const snapshot = await sample();
    const { snapshot: back, info } = await decodeOk(await encodeProjectFile(snapshot, { appVersion: "1.2.3" }));
    expect(back).toEqual(snapshot);
    expect(info).toEqual({ formatVersion: CURRENT_FORMAT_VERSION, appVersion: "1.2.3", createdAt: snapshot.project.updatedAt });
  });

  it("writes code point offsets and the span's text to spans.jsonl", async () => {
    const files = unzipSync(await encodeProjectFile(await sample(), { appVersion: "1" }));
    const lines = new TextDecoder().decode(files["spans.jsonl"]).trim().split("\n").map((l) => JSON.parse(l));
    const s2 = lines.find((l) => l.id === "s2");
    // "😀 a dit « 𝔸𝔹" starts at code point 9 and is 12 code points long (UTF-16: 15 units).
    expect([s2.start, s2.end, s2.text]).toEqual([9, 21, "😀 a dit « 𝔸𝔹"]);
    expect(Array.from(text).slice(s2.start, s2.end).join("")).toBe(s2.text);
  });

  it("writes the members in a fixed order with a manifest of checksums", async () => {
    const bytes = await encodeProjectFile({ ...(await sample()), unknownMembers: { "z/later.jsonl": new Uint8Array([1]), "a.bin": new Uint8Array([2]) } }, { appVersion: "1" });
    const files = unzipSync(bytes);
    expect(Object.keys(files)).toEqual(["manifest.json", "project.json", "documents.jsonl", "spans.jsonl", "a.bin", "z/later.jsonl"]);
    const manifest = JSON.parse(new TextDecoder().decode(files["manifest.json"]));
    expect(manifest).toMatchObject({ format: "spanwise-project", formatVersion: 1, appVersion: "1", counts: { documents: 2, spans: 4, deletedSpans: 1, labels: 4 } });
    expect(Object.keys(manifest.members)).toEqual(["project.json", "documents.jsonl", "spans.jsonl", "a.bin", "z/later.jsonl"]);
    expect(manifest.members["a.bin"]).toEqual({ sha256: "dbc1b4c900ffe48d575b5da5c638040125f65db0fe3e24494b76ea986457d986", bytes: 1 });
  });

  it("gives the same bytes for the same snapshot", async () => {
    const a = await encodeProjectFile(await sample(), { appVersion: "1" });
    const b = await encodeProjectFile(await sample(), { appVersion: "1" });
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const later = await encodeProjectFile(await sample(), { appVersion: "1", createdAt: T0 + 1 });
    expect(Buffer.from(a).equals(Buffer.from(later))).toBe(false);
  });

  it("keeps unknown members byte for byte and unknown fields of every record", async () => {
    const blob = new Uint8Array([0, 255, 10, 13, 80, 75]);
    const bytes = await validRawFile(
      (m) => {
        Object.assign(m.project, { colorScheme: "dark" });
        m.project = { ...m.project, labels: [{ id: "actor", name: "Actor", color: "#000", key: "1", hint: { short: "who" } }] };
        Object.assign(m.documents[0]!, { origin: { url: "https://example.org" } });
        Object.assign(m.spans[0]!, { confidence: 0.5, links: ["s9"] });
      },
      { editManifest: (manifest) => Object.assign(manifest, { generator: "spanwise 9" }) },
    );
    const first = await decodeOk(bytes);
    const { snapshot } = first;
    expect(snapshot.project.extra).toEqual({ colorScheme: "dark" });
    expect(snapshot.project.labels[0]!.extra).toEqual({ hint: { short: "who" } });
    expect(snapshot.documents[0]!.extra).toEqual({ origin: { url: "https://example.org" } });
    expect(snapshot.spans[0]!.extra).toEqual({ confidence: 0.5, links: ["s9"] });
    expect(snapshot.manifestExtra).toEqual({ generator: "spanwise 9" });

    const withMember = { ...snapshot, unknownMembers: { "relations.jsonl": blob } };
    const again = await decodeOk(await encodeProjectFile(withMember, { appVersion: "1" }));
    expect(again.snapshot).toEqual(withMember);
    expect(Array.from(again.snapshot.unknownMembers["relations.jsonl"]!)).toEqual(Array.from(blob));
  });

  it("reports progress while reading", async () => {
    const stages = new Set<string>();
    await decodeProjectFile(await encodeProjectFile(await sample(), { appVersion: "1" }), "t", { onProgress: (p) => stages.add(p.stage) });
    expect([...stages]).toEqual(["unpacking", "parsing", "spans", "documents"]);
  });
});

describe("encoding refuses snapshots it could not read back", () => {
  it.each([
    ["a span splitting a surrogate pair", (s: ProjectSnapshot) => void (s.spans[0]!.start = s.spans[0]!.start + 7), 'span "s1" starts inside a surrogate pair'],
    ["a span past the end of its text", (s: ProjectSnapshot) => void (s.spans[3]!.end = 999), 'span "s4" ends at 999, outside its document'],
    ["a duplicate span id", (s: ProjectSnapshot) => void (s.spans[1]!.id = "s1"), 'span id "s1" is used twice'],
    ["a span of a missing document", (s: ProjectSnapshot) => void (s.spans[1]!.docId = "nope"), 'span "s2" belongs to document "nope"'],
    ["a wrong textHash", (s: ProjectSnapshot) => void (s.documents[1]!.doc.textHash = "0".repeat(64)), 'the textHash of document "d2" does not match'],
    ["an undefined label", (s: ProjectSnapshot) => void (s.spans[0]!.label = "mood"), 'has the label "mood"'],
    ["a reserved member name", (s: ProjectSnapshot) => void (s.unknownMembers["spans.jsonl"] = new Uint8Array()), 'unknown member "spans.jsonl"'],
    ["a member path with ..", (s: ProjectSnapshot) => void (s.unknownMembers["../x"] = new Uint8Array()), 'has ".." in its path'],
  ])("%s", async (_name, breakIt, message) => {
    const snapshot = await sample();
    breakIt(snapshot);
    const attempt = encodeProjectFile(snapshot, { appVersion: "1" });
    await expect(attempt).rejects.toBeInstanceOf(ProjectFileError);
    await expect(attempt).rejects.toThrow(message);
  });
});

describe("format migrations", () => {
  const step = (from: number, to: number): FormatMigration => ({
    fromVersion: from,
    toVersion: to,
    description: `${from} to ${to}`,
    up: (c) => ({ ...c, project: { ...c.project, steps: [...((c.project.steps as number[]) ?? []), to] } }),
  });

  it("go one version at a time from version 1", () => {
    expect(checkMigrationSequence([])).toBe(1);
    expect(checkMigrationSequence([step(1, 2), step(2, 3)])).toBe(3);
    expect(() => checkMigrationSequence([step(1, 2), step(2, 4)])).toThrow("expected 2 to 3");
    expect(() => checkMigrationSequence([step(2, 3)])).toThrow("expected 1 to 2");
  });

  it("apply only the steps after the file's version, in order", () => {
    const content: RawProjectContent = { manifest: {}, project: {}, documents: [], spans: [], otherMembers: new Map() };
    const list = [step(1, 2), step(2, 3), step(3, 4)];
    expect(migrateContent(content, 1, list).project.steps).toEqual([2, 3, 4]);
    expect(migrateContent(content, 3, list).project.steps).toEqual([4]);
    expect(migrateContent(content, 4, list)).toBe(content);
  });
});

describe("decoding from a Node Buffer", () => {
  it("gives unknown members their own plain bytes", async () => {
    const snapshot = { ...(await sample()), unknownMembers: { "x.bin": new Uint8Array([1, 2, 3]) } };
    const buffer = Buffer.from(await encodeProjectFile(snapshot, { appVersion: "1" }));
    const result = await decodeOk(buffer);
    const member = result.snapshot.unknownMembers["x.bin"]!;
    expect(member.constructor).toBe(Uint8Array);
    buffer.fill(0);
    expect(Array.from(member)).toEqual([1, 2, 3]);
  });
});
