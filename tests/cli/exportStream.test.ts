/**
 * `spanwise export -o FILE` streams a valid project file (cli/commands/exportStream.ts)
 * and falls back to reading it whole for anything else. These tests run both
 * ways on the real file system: the output must be byte for byte the same,
 * errors the old ones, and a refused file must leave nothing behind.
 */
import fc from "fast-check";
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CliIo } from "../../cli/io";
import { runExportPart } from "../../cli/exportPart";
import { partFileBeside, partRun } from "../../cli/exportThreads";
import { createNodeIo, openNodeProjectFile } from "../../cli/nodeIo";
import { runCli } from "../../cli/run";
import { sha256Hex } from "../../shared/hash";
import { encodeProjectFile, type ProjectSnapshot } from "../../shared/projectFile";
import { codingSpecArb, withCoding } from "../shared/coding/codingArbitraries";
import { snapshotSpecArb } from "../shared/projectFileArbitraries";
import { T0, buildSnapshot, jsonl, rawProjectFile, validMembers, validRawFile } from "../shared/projectFileBuilders";

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), "spanwise-stream-"));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

interface DiskIo extends CliIo {
  stdout: string;
  stderr: string;
  /** Whole-file reads: the decoder's path. The streaming path opens the file instead. */
  wholeReads: number;
  partsStarted: number;
}

type Mode = "whole" | "stream" | "parts";

/**
 * The real file system with standard output and error kept. "whole" is the
 * CLI as it was (no openProjectFile); "stream" streams on one thread; "parts"
 * also exports the later documents of files of two or more documents as a
 * second part, run here on the same thread (the bundled CLI runs it in a worker).
 */
function diskIo(mode: Mode | boolean, chunkBytes?: number): DiskIo {
  const streaming = mode === true || mode === "stream" || mode === "parts";
  const base = createNodeIo();
  delete base.exportParts;
  const io: DiskIo = {
    ...base,
    stdout: "",
    stderr: "",
    wholeReads: 0,
    partsStarted: 0,
    stderrIsTTY: false,
    async readFile(file) {
      io.wholeReads++;
      return base.readFile(file);
    },
    async writeStdout(text) {
      io.stdout += text;
    },
    writeStderr(text) {
      io.stderr += text;
    },
  };
  if (!streaming) delete io.openProjectFile;
  // Small chunks put line ends and the parts' boundary anywhere in a chunk, as big files do.
  else if (chunkBytes !== undefined) io.openProjectFile = async (file) => openNodeProjectFile(file, chunkBytes);
  if (mode === "parts") {
    io.exportParts = {
      minBytes: 0,
      start(file, from, annotator, output, onProgress) {
        io.partsStarted++;
        const partFile = partFileBeside(output);
        const result = runExportPart({ path: file, from, annotator, partFile }, onProgress, chunkBytes);
        // Nothing to stop on this thread: let the part end before its file is deleted.
        return partRun(result, partFile, () => result.catch(() => {}));
      },
    };
  }
  return io;
}

let runs = 0;

/** Exports `bytes` to a fresh folder streaming (in `mode`) and the old way; what each gave, and whether the streaming run read the file whole. */
async function exportBothWays(bytes: Uint8Array, extraArgs: string[] = [], mode: Mode = "stream", chunkBytes?: number) {
  const run = async (mode: Mode) => {
    const dir = path.join(folder, `run-${++runs}`);
    await mkdir(dir);
    const input = path.join(dir, "in.spanwise");
    await writeFile(input, bytes);
    const output = path.join(dir, "out.jsonl");
    const io = diskIo(mode, chunkBytes);
    const code = await runCli(["export", input, "-o", output, "-q", ...extraArgs], io);
    const out = await readFile(output).catch(() => undefined);
    // Messages name the input; the two runs read from different folders.
    return { code, out, stderr: io.stderr.split(input).join("IN"), wholeReads: io.wholeReads, partsStarted: io.partsStarted, files: (await readdir(dir)).sort() };
  };
  const streamed = await run(mode);
  const whole = await run("whole");
  return { streamed, whole };
}

/** `snapshot` with its spans grouped by document in the documents' order (as the app saves them), else as given. */
function grouped(snapshot: ProjectSnapshot): ProjectSnapshot {
  const order = new Map(snapshot.documents.map((d, i) => [d.doc.id, i]));
  const spans = snapshot.spans.map((span, i) => ({ span, i })).sort((a, b) => order.get(a.span.docId)! - order.get(b.span.docId)! || a.i - b.i);
  return { ...snapshot, spans: spans.map((s) => s.span) };
}

describe("export -o streams valid files", () => {
  it("gives byte for byte the output of the full decoder, for random projects, and streams those saved grouped", async () => {
    await fc.assert(
      fc.asyncProperty(snapshotSpecArb, codingSpecArb, fc.boolean(), fc.boolean(), fc.constantFrom(undefined, "ana", "bob", "nobody"), fc.constantFrom<Mode>("stream", "parts"), fc.constantFrom(undefined, 64, 100, 1000), async (spec, coding, withLinks, group, annotator, mode, chunkBytes) => {
        let snapshot = await buildSnapshot(spec);
        if (withLinks) snapshot = withCoding(snapshot, coding);
        if (group) snapshot = grouped(snapshot);
        const bytes = await encodeProjectFile(snapshot, { appVersion: "test" });
        const { streamed, whole } = await exportBothWays(bytes, annotator === undefined ? [] : ["--annotator", annotator], mode, chunkBytes);
        expect(whole.code).toBe(0);
        expect(streamed.code).toBe(0);
        expect(streamed.out).toEqual(whole.out);
        expect(streamed.stderr).toBe(whole.stderr);
        expect(streamed.files).toEqual(["in.spanwise", "out.jsonl"]);
        const isGrouped = snapshot.spans.every((span, i) => i === 0 || indexOfDoc(snapshot, span.docId) >= indexOfDoc(snapshot, snapshot.spans[i - 1]!.docId));
        // Not grouped: the stream gives up and the file is read whole, with the same result.
        expect(streamed.wholeReads).toBe(isGrouped ? 0 : 1);
        expect(streamed.partsStarted).toBe(mode === "parts" && snapshot.documents.length >= 2 ? 1 : 0);
      }),
      { numRuns: 80 },
    );
  });

  it("streams a project with emoji, combining marks, Arabic, overlapping and deleted spans", async () => {
    const text = "Le maire 😀 a dit « 𝔸𝔹 ».\nقال الرئيس e\u0301té.";
    const snapshot = await buildSnapshot({
      documents: [
        { id: "d1", text },
        { id: "d2", text: "Second 👏🏽 text." },
      ],
      spans: [
        { id: "s1", docId: "d1", at: "maire 😀" },
        { id: "s2", docId: "d1", at: "😀 a dit", label: "quote" },
        { id: "s3", docId: "d1", at: "الرئيس", annotator: "bob" },
        { id: "s4", docId: "d1", at: "e\u0301t", deleted: true },
        { id: "s5", docId: "d2", at: "👏🏽", label: "event" },
      ],
    });
    const { streamed, whole } = await exportBothWays(await encodeProjectFile(snapshot, { appVersion: "test" }));
    expect(streamed.wholeReads).toBe(0);
    expect(streamed.out).toEqual(whole.out);
    expect(new TextDecoder().decode(streamed.out).split("\n")).toHaveLength(3);
  });

  it("reports progress while streaming", async () => {
    const input = path.join(folder, "progress.spanwise");
    await writeFile(input, await bigRawFile(() => {}));
    const io = diskIo(true);
    io.stderrIsTTY = true;
    expect(await runCli(["export", input, "-o", path.join(folder, "progress.jsonl")], io)).toBe(0);
    expect(io.wholeReads).toBe(0);
    expect(io.stderr).toContain("\rspanwise: exporting documents 3/3");
  });

  it("writes to standard output only through the full decoder", async () => {
    const bytes = await encodeProjectFile(await buildSnapshot({ documents: [{ id: "d1", text: "Ana spoke." }], spans: [{ id: "s1", docId: "d1", at: "Ana" }] }), { appVersion: "test" });
    const input = path.join(folder, "stdout.spanwise");
    await writeFile(input, bytes);
    const io = diskIo(true);
    expect(await runCli(["export", input, "-q"], io)).toBe(0);
    expect(io.wholeReads).toBe(1);
    expect(JSON.parse(io.stdout).spans[0].text).toBe("Ana");
  });
});

/** A valid file of three documents and 3,000 spans grouped by document, changed by `change` before it is zipped. */
async function bigRawFile(change: (m: { documents: Record<string, unknown>[]; spans: Record<string, unknown>[] }) => void, editManifest?: (manifest: Record<string, unknown>) => void) {
  const texts = ["Mayor 😀 Ana spoke to Bob.", "قال الرئيس e\u0301té aujourd'hui.", "Third text, plain."];
  const documents = await Promise.all(texts.map(async (text, i) => ({ id: `d${i}`, title: `Doc ${i}`, textHash: await sha256Hex(text), text, createdAt: T0 })));
  const spans: Record<string, unknown>[] = [];
  for (let i = 0; i < 3000; i++) {
    const doc = Math.floor(i / 1000);
    const codePoints = Array.from(texts[doc]!);
    const start = i % 5;
    const end = start + 1 + (i % 3);
    spans.push({ id: `s${i}`, docId: `d${doc}`, start, end, label: "actor", text: codePoints.slice(start, end).join(""), annotator: "ana", createdAt: T0, updatedAt: T0, deleted: false });
  }
  return validRawFile(
    (m) => {
      const members = { documents: documents as Record<string, unknown>[], spans };
      change(members);
      m.documents = members.documents;
      m.spans = members.spans;
    },
    editManifest ? { editManifest } : {},
  );
}

/** The minimal valid project with a links.jsonl of `links`. */
async function withLinks(links: object[]): Promise<Uint8Array> {
  const m = await validMembers();
  return rawProjectFile({ "project.json": JSON.stringify(m.project), "documents.jsonl": jsonl(m.documents), "spans.jsonl": jsonl(m.spans), "links.jsonl": jsonl(links) });
}

describe("export -o refuses a bad file as before, leaving nothing behind", () => {
  const cases: [string, () => Promise<Uint8Array>][] = [
    ["a member whose checksum does not match", () => bigRawFile(() => {}, (manifest) => {
      const members = manifest.members as Record<string, { sha256: string }>;
      members["spans.jsonl"]!.sha256 = "0".repeat(64);
    })],
    ["a bad span record deep in spans.jsonl", () => bigRawFile((m) => void (m.spans[2500]!.start = "three"))],
    ["span offsets out of range", () => bigRawFile((m) => void (m.spans[2999]!.end = 400))],
    ["span text that does not match its offsets", () => bigRawFile((m) => void (m.spans[1500]!.text = "nope"))],
    ["a repeated span id", () => bigRawFile((m) => void (m.spans[2998]!.id = "s17"))],
    ["a span of a missing document", () => bigRawFile((m) => void (m.spans[2000]!.docId = "d9"))],
    ["a repeated document id", () => bigRawFile((m) => void (m.documents[2]!.id = "d0"))],
    ["a textHash that does not match its text", () => bigRawFile((m) => void (m.documents[1]!.textHash = "a".repeat(64)))],
    ["a link of a missing document", () => withLinks([{ id: "l1", docId: "d9", type: "source", from: "s1", to: "s2", annotator: "ana", createdAt: T0, updatedAt: T0, deleted: false }])],
    ["a link record of the wrong shape", () => withLinks([{ id: "l1", docId: "d1" }])],
  ];

  it.each(cases.flatMap(([name, make]) => (["stream", "parts"] as const).map((mode) => [`${name} (${mode})`, make, mode] as const)))("%s", async (_name, make, mode) => {
    const { streamed, whole } = await exportBothWays(await make(), [], mode, 4096);
    expect(whole.code).toBe(1);
    expect(streamed.code).toBe(1);
    expect(streamed.stderr).toBe(whole.stderr);
    expect(streamed.stderr).toMatch(/^spanwise: IN: /);
    expect(streamed.files).toEqual(["in.spanwise"]);
  });

  it("leaves an existing output file untouched", async () => {
    const dir = path.join(folder, "existing");
    await mkdir(dir);
    const input = path.join(dir, "in.spanwise");
    const output = path.join(dir, "out.jsonl");
    await writeFile(input, await bigRawFile((m) => void (m.spans[2500]!.label = 7)));
    await writeFile(output, "earlier export\n");
    expect(await runCli(["export", input, "-o", output, "-q"], diskIo(true))).toBe(1);
    expect(await readFile(output, "utf8")).toBe("earlier export\n");
    expect((await readdir(dir)).sort()).toEqual(["in.spanwise", "out.jsonl"]);
  });

  it("exports spans not grouped by document, through the full decoder, as before", async () => {
    const { streamed, whole } = await exportBothWays(await bigRawFile((m) => m.spans.push(m.spans.shift()!)));
    expect(streamed.code).toBe(0);
    expect(streamed.wholeReads).toBe(1);
    expect(streamed.out).toEqual(whole.out);
    expect(streamed.files).toEqual(["in.spanwise", "out.jsonl"]);
  });

  it("streams a valid file with links", async () => {
    const { streamed, whole } = await exportBothWays(await withLinks([{ id: "l1", docId: "d1", type: "source", from: "s1", to: "s1", annotator: "ana", createdAt: T0, updatedAt: T0, deleted: false }]));
    expect(streamed.wholeReads).toBe(0);
    expect(streamed.code).toBe(0);
    expect(streamed.out).toEqual(whole.out);
  });

  it("streams the same file when nothing is wrong with it, in one part or two, in chunks of any size", async () => {
    for (const [mode, chunkBytes] of [["stream", undefined], ["parts", undefined], ["stream", 64], ["parts", 64], ["parts", 4096]] as const) {
      const { streamed, whole } = await exportBothWays(await bigRawFile(() => {}), [], mode, chunkBytes);
      expect(streamed.wholeReads).toBe(0);
      expect(streamed.partsStarted).toBe(mode === "parts" ? 1 : 0);
      expect(streamed.out).toEqual(whole.out);
      expect(streamed.files).toEqual(["in.spanwise", "out.jsonl"]);
    }
  });

  it.each([
    ["among those of the last document", 2500],
    ["just before the second part's", 1999],
  ])("exports a span of the first document %s in two parts through the full decoder, leaving no part behind", async (_where, at) => {
    const { streamed, whole } = await exportBothWays(await bigRawFile((m) => m.spans.splice(at, 0, m.spans.shift()!)), [], "parts", 4096);
    expect(streamed.wholeReads).toBe(1);
    expect(streamed.out).toEqual(whole.out);
    expect(streamed.files).toEqual(["in.spanwise", "out.jsonl"]);
  });
});

function indexOfDoc(snapshot: ProjectSnapshot, docId: string): number {
  return snapshot.documents.findIndex((d) => d.doc.id === docId);
}
