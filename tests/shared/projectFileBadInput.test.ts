/**
 * One crafted file per kind of bad input: each must be refused as a whole,
 * with a message that names the file and the problem.
 */
import { describe, expect, it } from "vitest";
import { decodeProjectFile, encodeProjectFile, type ProjectFileLimits } from "../../shared/projectFile";
import { writeZip } from "../../shared/projectFile/zipWrite";
import type { RawInflate } from "../../shared/projectFile/zipRead";
import { nodeInflate } from "../../cli/nodeIo";
import { createHash } from "node:crypto";
import { T0, buildSnapshot, jsonl, rawProjectFile, validMembers, validRawFile } from "./projectFileBuilders";

const FILE = "colleague.spanwise";

async function refusal(bytes: Uint8Array, limits?: Partial<ProjectFileLimits>, inflate?: RawInflate): Promise<string[]> {
  const result = await decodeProjectFile(bytes, FILE, { limits, ...(inflate ? { inflate } : {}) });
  if (result.ok) throw new Error("expected the file to be refused");
  for (const problem of result.problems) expect(problem.startsWith(`${FILE}: `)).toBe(true);
  return result.problems;
}

async function expectRefused(bytes: Uint8Array, message: string | RegExp, limits?: Partial<ProjectFileLimits>, inflate?: RawInflate): Promise<void> {
  const problems = await refusal(bytes, limits, inflate);
  const joined = problems.join("\n");
  if (typeof message === "string") expect(joined).toContain(message);
  else expect(joined).toMatch(message);
}

/** Sets a member's declared uncompressed size in both its local and central headers. */
function setDeclaredSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  const nameBytes = new TextEncoder().encode(name);
  for (let at = 0; at + 4 <= out.length; at++) {
    const signature = view.getUint32(at, true);
    const [nameAt, sizeAt] = signature === 0x04034b50 ? [30, 22] : signature === 0x02014b50 ? [46, 24] : [0, 0];
    if (!nameAt || view.getUint16(at + (nameAt === 30 ? 26 : 28), true) !== nameBytes.length) continue;
    if (nameBytes.every((b, i) => out[at + nameAt + i] === b)) view.setUint32(at + sizeAt, size, true);
  }
  return out;
}

function dataOffset(zip: Uint8Array, name: string): number {
  const view = new DataView(zip.buffer, zip.byteOffset);
  const nameBytes = new TextEncoder().encode(name);
  for (let at = 0; at + 30 <= zip.length; at++) {
    if (view.getUint32(at, true) !== 0x04034b50 || view.getUint16(at + 26, true) !== nameBytes.length) continue;
    if (nameBytes.every((b, i) => zip[at + 30 + i] === b)) return at + 30 + nameBytes.length + view.getUint16(at + 28, true);
  }
  throw new Error(`no member ${name}`);
}

describe("files that are not readable zips", () => {
  it("refuses a file that is not a zip at all", async () => {
    await expectRefused(new TextEncoder().encode("id,title\n1,Not a project\n"), `${FILE}: not a zip archive, so not a Spanwise project file`);
  });

  it("refuses an empty file", async () => {
    await expectRefused(new Uint8Array(0), "not a zip archive");
  });

  it("refuses a truncated file", async () => {
    const bytes = await validRawFile();
    await expectRefused(bytes.subarray(0, Math.floor(bytes.length * 0.7)), `${FILE}: truncated or damaged`);
  });

  it("refuses a file whose compressed data is corrupt", async () => {
    const text = "word ".repeat(2000);
    const bytes = await validRawFile((m) => {
      Object.assign(m.documents[0]!, { notes: text });
    });
    const at = dataOffset(bytes, "documents.jsonl");
    const broken = bytes.slice();
    for (let i = 0; i < 12; i++) broken[at + 2 + i] = broken[at + 2 + i]! ^ 0x5a;
    await expectRefused(broken, /colleague\.spanwise: damaged: member "documents\.jsonl" (cannot be decompressed|fails its CRC check|is shorter than declared)/);
  });

  it("refuses a zip that is not a project file", async () => {
    await expectRefused(writeZip([{ name: "photo.jpg", data: new Uint8Array([1, 2, 3]) }]), `${FILE}: not a Spanwise project file: it has no manifest.json`);
  });

  it("refuses a manifest of another format", async () => {
    const bytes = await validRawFile(undefined, { editManifest: (m) => void (m.format = "excalidraw") });
    await expectRefused(bytes, 'not a Spanwise project file: manifest.json gives its format as "excalidraw"');
  });

  it("refuses a manifest that is not JSON", async () => {
    await expectRefused(await validRawFile(undefined, { manifestText: "{format: spanwise" }), "manifest.json is not valid JSON");
  });
});

describe("versions and checksums", () => {
  it("refuses a file from a newer format version, saying so", async () => {
    const bytes = await validRawFile(undefined, { editManifest: (m) => void (m.formatVersion = 2) });
    await expectRefused(bytes, `${FILE}: made by a newer version of Spanwise (file format 2; this version reads format 1 and older). Update Spanwise to open it.`);
  });

  it("refuses a checksum mismatch, naming the member", async () => {
    const bytes = await validRawFile(undefined, {
      editManifest: (m) => void ((m.members as Record<string, { sha256: string }>)["spans.jsonl"]!.sha256 = "0".repeat(64)),
    });
    await expectRefused(bytes, `${FILE}: checksum mismatch: member "spans.jsonl" does not match its SHA-256 in manifest.json`);
  });

  it("refuses a member the manifest does not list, and one it lists but is missing", async () => {
    const m = await validMembers();
    const members = { "project.json": JSON.stringify(m.project), "documents.jsonl": jsonl(m.documents), "spans.jsonl": jsonl(m.spans) };
    const extra = await rawProjectFile({ ...members, "smuggled.bin": "x" }, { editManifest: (man) => void delete (man.members as Record<string, unknown>)["smuggled.bin"] });
    await expectRefused(extra, 'member "smuggled.bin" is not listed in manifest.json');
    const missing = await rawProjectFile(members, {
      editManifest: (man) => void ((man.members as Record<string, unknown>)["relations.jsonl"] = { sha256: "a".repeat(64), bytes: 3 }),
    });
    await expectRefused(missing, 'member "relations.jsonl" is listed in manifest.json but missing');
  });

  it("refuses a file without spans.jsonl", async () => {
    const m = await validMembers();
    await expectRefused(await rawProjectFile({ "project.json": JSON.stringify(m.project), "documents.jsonl": jsonl(m.documents) }), "spans.jsonl is missing");
  });

  it("refuses counts that disagree with the members", async () => {
    const bytes = await validRawFile(undefined, { editManifest: (m) => void (m.counts = { documents: 1, spans: 7 }) });
    await expectRefused(bytes, "manifest.json counts 7 spans but spans.jsonl has 1");
  });
});

describe("unsafe member paths", () => {
  it.each([
    ["../../.bashrc", 'has ".." in its path'],
    ["/etc/passwd", "has an absolute path"],
    ["notes\\..\\evil", "has a backslash in its path"],
    ["C:/Windows/evil.dll", "has a path with a drive letter"],
    ["a//b", "has an empty folder name"],
    ["x/__proto__", 'has the reserved name "__proto__"'],
  ])("refuses %s", async (name, message) => {
    const m = await validMembers();
    const bytes = await rawProjectFile({ "project.json": JSON.stringify(m.project), "documents.jsonl": jsonl(m.documents), "spans.jsonl": jsonl(m.spans), [name]: "x" });
    await expectRefused(bytes, `${FILE}: member "${name}" ${message}`);
  });

  it("refuses two members with the same name", async () => {
    const bytes = writeZip([
      { name: "manifest.json", data: new Uint8Array([123, 125]) },
      { name: "spans.jsonl", data: new Uint8Array() },
      { name: "spans.jsonl", data: new Uint8Array([1]) },
    ]);
    await expectRefused(bytes, 'two members are named "spans.jsonl"');
  });
});

describe("size caps (zip bombs)", () => {
  it("refuses too many entries before reading any", async () => {
    const members = Array.from({ length: 30 }, (_, i) => ({ name: `m${i}`, data: new Uint8Array([i]) }));
    await expectRefused(writeZip(members), `${FILE}: too many entries: 30 (at most 20)`, { maxEntries: 20 });
  });

  it("refuses a member whose declared size is over the cap, before inflating it", async () => {
    const bytes = await validRawFile((m) => void Object.assign(m.documents[0]!, { padding: "a".repeat(5000) }));
    await expectRefused(bytes, /member "documents\.jsonl" is too large: \d+(\.\d)? KiB uncompressed \(at most 4 KiB per member\)/, { maxEntryBytes: 4096 });
  });

  it("refuses members that together unpack past the total cap", async () => {
    const bytes = await validRawFile((m) => void Object.assign(m.documents[0]!, { padding: "a".repeat(3000) }));
    await expectRefused(bytes, "too large: it would unpack to", { maxTotalBytes: 3500 });
  });

  it("stops inflating a member that unpacks to more than it declares", async () => {
    // The manifest agrees with the lie, so only inflating can tell.
    const honest = await validRawFile((m) => void Object.assign(m.documents[0]!, { padding: "a".repeat(100_000) }), {
      editManifest: (m) => void ((m.members as Record<string, { bytes: number }>)["documents.jsonl"]!.bytes = 2000),
    });
    await expectRefused(setDeclaredSize(honest, "documents.jsonl", 2000), 'member "documents.jsonl" unpacks to more than its declared');
  });

  it("refuses a declared size that deflate could never produce from the data", async () => {
    const zip = setDeclaredSize(writeZip([{ name: "manifest.json", data: new Uint8Array(10) }]), "manifest.json", 900_000_000);
    await expectRefused(zip, 'member "manifest.json" declares a size its data cannot have');
  });

  it("refuses an over-long line, with its line number", async () => {
    const bytes = await validRawFile((m) => {
      m.spans.push({ ...(m.spans[0] as object), id: "s2", note: "n".repeat(3000) });
    });
    await expectRefused(bytes, /spans\.jsonl line 2 is too long: [\d.]+ KiB \(at most 2 KiB\)/, { maxLineBytes: 2048 });
  });
});

describe("with Node's zlib (the command-line tool's inflater)", () => {
  it("reads a good file to the same snapshot as the built-in inflater", async () => {
    const bytes = await validRawFile((m) => void Object.assign(m.documents[0]!, { padding: "ab".repeat(50_000) }));
    const builtIn = await decodeProjectFile(bytes, FILE);
    const native = await decodeProjectFile(bytes, FILE, { inflate: nodeInflate, sha256: (b) => createHash("sha256").update(b).digest("hex") });
    expect(builtIn.ok).toBe(true);
    expect(native).toEqual(builtIn);
  });

  it("refuses a checksum mismatch with Node's SHA-256 too", async () => {
    const bytes = await validRawFile(undefined, {
      editManifest: (m) => void ((m.members as Record<string, { sha256: string }>)["spans.jsonl"]!.sha256 = "0".repeat(64)),
    });
    const result = await decodeProjectFile(bytes, FILE, { inflate: nodeInflate, sha256: (b) => createHash("sha256").update(b).digest("hex") });
    expect(result.ok ? [] : result.problems).toEqual([`${FILE}: checksum mismatch: member "spans.jsonl" does not match its SHA-256 in manifest.json (the file was changed or damaged after it was saved)`]);
  });

  it("refuses corrupt compressed data", async () => {
    const bytes = await validRawFile((m) => void Object.assign(m.documents[0]!, { notes: "word ".repeat(2000) }));
    const at = dataOffset(bytes, "documents.jsonl");
    const broken = bytes.slice();
    for (let i = 0; i < 12; i++) broken[at + 2 + i] = broken[at + 2 + i]! ^ 0x5a;
    await expectRefused(broken, /damaged: member "documents\.jsonl" (cannot be decompressed|is shorter than declared)|checksum mismatch/, undefined, nodeInflate);
  });

  it("stops at the declared size of a member that unpacks to more", async () => {
    const honest = await validRawFile((m) => void Object.assign(m.documents[0]!, { padding: "a".repeat(100_000) }), {
      editManifest: (m) => void ((m.members as Record<string, { bytes: number }>)["documents.jsonl"]!.bytes = 2000),
    });
    await expectRefused(setDeclaredSize(honest, "documents.jsonl", 2000), 'member "documents.jsonl" unpacks to more than its declared', undefined, nodeInflate);
  });
});

describe("records", () => {
  const spanWith = (fields: object) => async () => validRawFile((m) => void Object.assign(m.spans[0]!, fields));

  it.each([
    ["a span past the end of its document", spanWith({ start: 15, end: 40, text: "x" }), 'spans.jsonl line 1: span "s1" ends at 40, past the end of document "d1" (18 characters'],
    ["a span whose text does not match", spanWith({ text: "Bob" }), 'spans.jsonl line 1: the text of span "s1" does not match its offsets: the file says "Bob", the document has "Ana" there'],
    ["UTF-16 offsets where code points belong", spanWith({ start: 9, end: 12 }), 'spans.jsonl line 1: the text of span "s1" does not match its offsets: the file says "Ana", the document has "na " there'],
    ["a span of a missing document", spanWith({ docId: "d404" }), 'spans.jsonl line 1: span "s1" belongs to document "d404", which is not in the file'],
    ["a reversed span", spanWith({ start: 11, end: 8 }), 'spans.jsonl line 1: span "s1" is empty or reversed (start 11, end 8)'],
    ["a negative offset", spanWith({ start: -1 }), 'spans.jsonl line 1: field "start" must not be negative'],
    ["a missing field", spanWith({ annotator: undefined }), 'spans.jsonl line 1: field "annotator" is missing'],
    ["a wrongly typed field", spanWith({ deleted: "no" }), 'spans.jsonl line 1: field "deleted" must be true or false'],
    ["an undefined label", spanWith({ label: "mood" }), 'spans.jsonl line 1: span "s1" has the label "mood", which project.json does not define'],
  ])("refuses %s", async (_name, make, message) => {
    await expectRefused(await make(), `${FILE}: ${message}`);
  });

  it("refuses duplicate span ids", async () => {
    const bytes = await validRawFile((m) => void m.spans.push({ ...(m.spans[0] as object) }));
    await expectRefused(bytes, 'spans.jsonl line 2: span id "s1" is used twice (also spans.jsonl line 1)');
  });

  it("refuses duplicate document ids and duplicate texts", async () => {
    const dupId = await validRawFile((m) => void m.documents.push({ ...(m.documents[0] as object) }));
    await expectRefused(dupId, 'documents.jsonl line 2: document id "d1" is used twice (also documents.jsonl line 1)');
    const dupText = await validRawFile((m) => void m.documents.push({ ...(m.documents[0] as object), id: "d2" }));
    await expectRefused(dupText, 'documents.jsonl line 2: document "d2" has the same text as document "d1"');
  });

  it("refuses a document whose textHash is not the hash of its text", async () => {
    const bytes = await validRawFile((m) => void Object.assign(m.documents[0]!, { textHash: "f".repeat(64) }));
    await expectRefused(bytes, 'documents.jsonl line 1: the textHash of document "d1" does not match its text');
  });

  it.each(["__proto__", "constructor", "prototype"])("refuses a line with a %s key, naming the line", async (key) => {
    const m = await validMembers();
    const spans = `${jsonl(m.spans)}{"id":"s2","nested":{"${key}":{"polluted":true}}}\n`;
    const bytes = await rawProjectFile({ "project.json": JSON.stringify(m.project), "documents.jsonl": jsonl(m.documents), "spans.jsonl": spans });
    await expectRefused(bytes, `${FILE}: spans.jsonl line 2 has the forbidden key "${key}"`);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("refuses a __proto__ key spelled with escapes", async () => {
    const m = await validMembers();
    const spans = `${jsonl(m.spans)}{"\\u005f_proto__":{"polluted":true}}\n`;
    const bytes = await rawProjectFile({ "project.json": JSON.stringify(m.project), "documents.jsonl": jsonl(m.documents), "spans.jsonl": spans });
    await expectRefused(bytes, 'spans.jsonl line 2 has the forbidden key "__proto__"');
  });

  it("refuses a line that is not JSON, and one that is not UTF-8", async () => {
    const m = await validMembers();
    const base = { "project.json": JSON.stringify(m.project), "documents.jsonl": jsonl(m.documents) };
    await expectRefused(await rawProjectFile({ ...base, "spans.jsonl": `${jsonl(m.spans)}\n{"id": "s2",\n` }), "spans.jsonl line 3 is not valid JSON");
    const latin1 = new Uint8Array([...new TextEncoder().encode(jsonl(m.spans)), 0x7b, 0x22, 0xe9, 0x22, 0x7d, 0x0a]);
    await expectRefused(await rawProjectFile({ ...base, "spans.jsonl": latin1 }), "spans.jsonl line 2 is not valid UTF-8");
  });

  it("lists several problems at once, up to a cap", async () => {
    const bytes = await validRawFile((m) => {
      for (let i = 2; i < 40; i++) m.spans.push({ ...(m.spans[0] as object), id: `s${i}`, text: "wrong" });
    });
    const problems = await refusal(bytes);
    expect(problems).toHaveLength(21);
    expect(problems[20]).toBe(`${FILE}: and 18 more problems`);
  });

  it("accepts a file written by the encoder with every kind of content", async () => {
    const snapshot = await buildSnapshot({
      documents: [{ id: "d", text: "x\u0301 😀\r\n\u0627\u0644" }],
      spans: [{ id: "s", docId: "d", at: "😀", updatedAt: T0 + 1 }],
    });
    const result = await decodeProjectFile(await encodeProjectFile(snapshot, { appVersion: "1" }), FILE);
    expect(result.ok).toBe(true);
  });
});
