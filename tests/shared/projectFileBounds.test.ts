/**
 * Bounded work on any project file (issue 19 §7): a small file cannot make
 * Spanwise unpack, hold or copy far more than it looks; forbidden JSON keys
 * are refused in every member; the total is bounded by the machine's memory.
 */
import { concatBytes } from "../../shared/bytes";
import { createHash } from "node:crypto";
import { crc32, deflateRawSync, constants } from "node:zlib";
import { Zip, ZipPassThrough, unzipSync, type ZipInputFile } from "fflate";
import { describe, expect, it } from "vitest";
import { runCli } from "../../cli/run";
import { nodeInflate } from "../../cli/nodeIo";
import { decodeProjectFile, encodeProjectFile, limitsForMemory, type ProjectFileLimits } from "../../shared/projectFile";
import type { RawInflate } from "../../shared/projectFile/zipRead";
import { memoryIo } from "../cli/memoryIo";
import { T0, buildSnapshot, jsonl, rawProjectFile, validMembers } from "./projectFileBuilders";

const FILE = "colleague.spanwise";
const MiB = 1024 * 1024;

/**
 * A valid project file of one document and one span, plus `name`: `mib` MiB of
 * zeros as a deflated member (true CRC, SHA-256 and sizes). The member's
 * DEFLATE stream repeats one byte-aligned block of 1 MiB of zeros and ends
 * with an empty final block, so the file stays small and cheap to build.
 */
async function fileWithZeros(name: string, mib: number): Promise<Uint8Array> {
  const zeros = new Uint8Array(MiB);
  const block = deflateRawSync(zeros, { finishFlush: constants.Z_SYNC_FLUSH });
  const sha = createHash("sha256");
  let crc = 0;
  for (let i = 0; i < mib; i++) {
    sha.update(zeros);
    crc = crc32(zeros, crc);
  }
  const m = await validMembers();
  const small = await rawProjectFile({ "project.json": JSON.stringify(m.project), "documents.jsonl": jsonl(m.documents), "spans.jsonl": jsonl(m.spans) }, {
    editManifest: (manifest) => {
      (manifest.members as Record<string, unknown>)[name] = { sha256: sha.digest("hex"), bytes: mib * MiB };
    },
  });
  // Rewrite the small file's members with fflate, adding the big one as already-deflated data.
  const members = unzipSync(small);
  const chunks: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    chunks.push(chunk);
  });
  for (const [member, data] of Object.entries(members)) {
    const file = new ZipPassThrough(member);
    zip.add(file);
    file.push(data, true);
  }
  const zeroFile: ZipInputFile = {
    filename: name,
    size: mib * MiB,
    crc: crc >>> 0,
    compression: 8,
    ondata: undefined,
    terminate: () => {},
  };
  zip.add(zeroFile);
  for (let i = 0; i < mib; i++) zeroFile.ondata!(null, block, false);
  // An empty final block with fixed codes: BFINAL=1, BTYPE=01, end-of-block.
  zeroFile.ondata!(null, new Uint8Array([0x03, 0x00]), true);
  zip.end();
  return concatBytes(chunks);
}

/** nodeInflate, noting the largest output it was asked for. */
function watchedInflate(): { inflate: RawInflate; largest: () => number } {
  let largest = 0;
  return {
    inflate: (compressed, cap) => {
      largest = Math.max(largest, cap);
      return nodeInflate(compressed, cap);
    },
    largest: () => largest,
  };
}

async function problemsOf(bytes: Uint8Array, limits?: Partial<ProjectFileLimits>, inflate?: RawInflate): Promise<string[]> {
  const result = await decodeProjectFile(bytes, FILE, { ...(limits ? { limits } : {}), ...(inflate ? { inflate } : {}) });
  if (result.ok) throw new Error("expected the file to be refused");
  return result.problems;
}

describe("a member this version does not read", () => {
  it("refuses 600 MiB of zeros in a file of under a megabyte by name, size and limit, without unpacking it", async () => {
    const bytes = await fileWithZeros("extra/zeros.bin", 600);
    expect(bytes.length).toBeLessThan(MiB);
    const watched = watchedInflate();
    const problems = await problemsOf(bytes, undefined, watched.inflate);
    expect(problems).toEqual([
      `${FILE}: member "extra/zeros.bin" is too large: 600 MiB uncompressed (members this version of Spanwise does not read are kept whole in memory, at most 64 MiB together)`,
    ]);
    // Only the manifest was unpacked before the refusal.
    expect(watched.largest()).toBeLessThan(64 * 1024);
  });

  it("spanwise merge refuses such a file with the same reason and writes nothing", async () => {
    const good = await encodeProjectFile(await buildSnapshot({ documents: [{ id: "d1", text: "Ana spoke." }] }), { appVersion: "test" });
    const io = memoryIo({ "a.spanwise": good, "b.spanwise": await fileWithZeros("extra/zeros.bin", 600) });
    expect(await runCli(["merge", "a.spanwise", "b.spanwise", "-o", "merged.spanwise", "-q"], io)).toBe(1);
    expect(io.stderr).toContain('b.spanwise: member "extra/zeros.bin" is too large: 600 MiB uncompressed');
    expect(io.files.has("merged.spanwise")).toBe(false);
  });

  it("refuses several that are each small but too large together, naming the largest", async () => {
    const m = await validMembers();
    const bytes = await rawProjectFile({
      "project.json": JSON.stringify(m.project),
      "documents.jsonl": jsonl(m.documents),
      "spans.jsonl": jsonl(m.spans),
      "future/a.jsonl": "x".repeat(600),
      "future/b.jsonl": "y".repeat(500),
      "future/c.bin": "z".repeat(10),
    });
    expect(await problemsOf(bytes, { maxUnknownBytes: 1000 })).toEqual([
      `${FILE}: too large: the members it holds that this version does not read ("future/a.jsonl" 600 bytes, "future/b.jsonl" 500 bytes, "future/c.bin" 10 bytes) unpack to 1.1 KiB (members this version of Spanwise does not read are kept whole in memory, at most 1000 bytes together)`,
    ]);
  });

  it("keeps members within the limit byte for byte", async () => {
    const m = await validMembers();
    const kept = new Uint8Array([0, 1, 2, 255]);
    const bytes = await rawProjectFile({ "project.json": JSON.stringify(m.project), "documents.jsonl": jsonl(m.documents), "spans.jsonl": jsonl(m.spans), "future/blob.bin": kept });
    const result = await decodeProjectFile(bytes, FILE);
    expect(result.ok && result.snapshot.unknownMembers["future/blob.bin"]).toEqual(kept);
  });
});

describe("the total, bounded by the machine's memory", () => {
  it("reads a quarter of the memory at most, and never more than the defaults", () => {
    expect(limitsForMemory(4 * 1024 * MiB)).toMatchObject({ maxTotalBytes: 1024 * MiB, maxEntryBytes: 1024 * MiB });
    expect(limitsForMemory(2 * 1024 * MiB)).toMatchObject({ maxTotalBytes: 512 * MiB, maxEntryBytes: 512 * MiB });
    expect(limitsForMemory(64 * 1024 * MiB)).toMatchObject({ maxTotalBytes: 2048 * MiB, maxEntryBytes: 1024 * MiB });
  });

  it("names the total, the limit and the largest member when a file is too large for the machine", async () => {
    const m = await validMembers();
    // Each member within the 8 KiB a 32 KiB machine allows per member; together beyond it.
    const documents = Array.from({ length: 40 }, (_, i) => ({ ...(m.documents[0] as object), id: `x${i}` }));
    const bytes = await rawProjectFile({ "project.json": JSON.stringify(m.project), "documents.jsonl": jsonl(documents), "spans.jsonl": jsonl(m.spans), "future/x.bin": "x".repeat(4096) });
    const problems = await problemsOf(bytes, limitsForMemory(32 * 1024));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^${FILE}: too large: it would unpack to \\d+(\\.\\d)? KiB \\(at most 8 KiB\\); its largest member is "documents\\.jsonl", \\d+(\\.\\d)? KiB$`));
  });
});

describe("forbidden keys, the same in every member", () => {
  const polluted = (key: string) => `{"${key}":{"polluted":true}}`;

  async function fileWith(change: (members: Record<string, string>) => void, editManifest?: (manifest: Record<string, unknown>) => void): Promise<Uint8Array> {
    const m = await validMembers();
    const members: Record<string, string> = { "project.json": JSON.stringify(m.project), "documents.jsonl": jsonl(m.documents), "spans.jsonl": jsonl(m.spans) };
    change(members);
    return rawProjectFile(members, editManifest ? { editManifest } : {});
  }

  const link = { id: "l1", type: "speaker", from: "s1", to: "s1", docId: "d1", annotator: "ana", createdAt: T0, updatedAt: T0, deleted: false };
  const actor = { id: "a1", name: "Ana", aliases: [], createdAt: T0, updatedAt: T0, deleted: false };

  it.each(["__proto__", "constructor", "prototype"])("refuses %s in the manifest, project, documents, spans, links, actors and unknown JSON members", async (key) => {
    const cases: [string, Promise<Uint8Array>][] = [
      ["manifest.json", fileWith(() => {}, (manifest) => Object.defineProperty(manifest, key, { value: { polluted: true }, enumerable: true }))],
      ["project.json", fileWith((ms) => void (ms["project.json"] = ms["project.json"]!.replace(/^\{/, `{"${key}":{"polluted":true},`)))],
      ["documents.jsonl line 1", fileWith((ms) => void (ms["documents.jsonl"] = ms["documents.jsonl"]!.replace(/^\{/, `{"${key}":1,`)))],
      ["spans.jsonl line 1", fileWith((ms) => void (ms["spans.jsonl"] = ms["spans.jsonl"]!.replace(/^\{/, `{"nested":${polluted(key)},`)))],
      ["links.jsonl line 2", fileWith((ms) => void (ms["links.jsonl"] = `${JSON.stringify(link)}\n${JSON.stringify({ ...link, id: "l2" }).replace(/^\{/, `{"${key}":2,`)}\n`))],
      ["actors.jsonl line 1", fileWith((ms) => void (ms["actors.jsonl"] = `${JSON.stringify(actor).replace(/^\{/, `{"${key}":[],`)}\n`))],
      ['member "future/notes.json"', fileWith((ms) => void (ms["future/notes.json"] = `{"a":[${polluted(key)}]}`))],
      ['member "future/history.jsonl" line 3', fileWith((ms) => void (ms["future/history.jsonl"] = `{"a":1}\nnot json\n${polluted(key)}\n`))],
    ];
    for (const [where, file] of cases) {
      const problems = await problemsOf(await file);
      expect(problems.join("\n"), where).toContain(`${where} has the forbidden key "${key}"`);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("leaves an unknown member that is not JSON as it is, whatever its bytes", async () => {
    const bytes = await fileWith((ms) => void (ms["future/data.bin"] = '{"__proto__":{"polluted":true}}'));
    const result = await decodeProjectFile(bytes, FILE);
    expect(result.ok && new TextDecoder().decode(result.snapshot.unknownMembers["future/data.bin"])).toBe('{"__proto__":{"polluted":true}}');
  });
});
