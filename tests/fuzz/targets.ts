/**
 * Fuzz targets: every reader of outside data, each with inputs (random, and
 * valid fixtures spoiled by tests/fuzz/mutations.ts) and the contract it must
 * keep on all of them:
 *
 * - decodeTextFile never throws; it returns the text or one sentence naming the file.
 * - decodeProjectFile never throws; it returns a whole, valid snapshot (one the
 *   encoder writes and the decoder reads back unchanged) or problems that each
 *   name the file.
 * - parseJsonlExport returns records whose every span is the slice of its text,
 *   or throws a JsonlExportError listing lines that exist; nothing else.
 * - mergeSnapshots of a decoded file with a valid project never throws and
 *   gives a project that checkSnapshot accepts.
 * - None of them changes Object.prototype.
 *
 * `check` throws (an assertion) when the contract is broken and otherwise
 * returns a short outcome ("ok", or the kind of refusal) that the runners count.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { unzipSync } from "fflate";
import { expect } from "vitest";
import { JsonlExportError, exportRecordToLine, parseJsonlExport, toExportRecord } from "../../shared/formats/jsonl";
import { mergeSnapshots } from "../../shared/merge";
import { checkSnapshot, decodeProjectFile, encodeProjectFile, type ProjectSnapshot } from "../../shared/projectFile";
import { decodeTextFile } from "../../shared/textImport";
import { annotated, docRecord } from "../shared/builders";
import { buildSnapshot, rawProjectFile } from "../shared/projectFileBuilders";
import { mutatedBytes, mutatedRecords, mutatedText } from "./mutations";

export interface FuzzTarget<T> {
  name: string;
  /** What the inputs are, for the report. */
  inputs: string;
  arbitrary: fc.Arbitrary<T>;
  check(input: T): Promise<string>;
}

const FIXTURES = path.join(import.meta.dirname, "..", "fixtures");

function fixtureFiles(folder: string, extension: string): Uint8Array[] {
  const dir = path.join(FIXTURES, folder);
  return readdirSync(dir)
    .filter((name) => name.endsWith(extension))
    .sort()
    .map((name) => new Uint8Array(readFileSync(path.join(dir, name))));
}

/** A refusal message reduced to its kind: file name, quoted parts and numbers taken out. */
export function outcomeKind(message: string): string {
  return message
    .replace(/"(?:[^"\\]|\\.)*"/g, "…")
    .replace(/«[^»]*»/g, "…")
    .replace(/\d+(\.\d+)?/g, "N")
    .replace(/\(.*$/, "")
    .trim()
    .slice(0, 60);
}

const PROTOTYPE_KEYS = Object.getOwnPropertyNames(Object.prototype).sort().join(",");

function expectPrototypeIntact(): void {
  expect(Object.getOwnPropertyNames(Object.prototype).sort().join(",")).toBe(PROTOTYPE_KEYS);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}

// ---------------------------------------------------------------- text import

const textFixtures = [...fixtureFiles("text", ".txt"), ...fixtureFiles("e2e", ".txt")];

const fileName = fc.oneof(
  fc.constantFrom("notes.txt", "C:\\Users\\ana\\report.final.txt", "dir/sub/.hidden", "<img src=x onerror=alert(1)>.txt", "\u202Etxt.exe", ""),
  fc.string({ maxLength: 30 }),
);

async function checkTextImport({ name, bytes }: { name: string; bytes: Uint8Array }): Promise<string> {
  const result = decodeTextFile(name, bytes, { maxBytes: 64 * 1024 });
  expectPrototypeIntact();
  if (!result.ok) {
    expect(result.fileName).toBe(name);
    expect(typeof result.reason).toBe("string");
    const base = name.slice(Math.max(name.lastIndexOf("/"), name.lastIndexOf("\\")) + 1);
    expect(result.reason.startsWith(`"${base}"`)).toBe(true);
    return `refused: ${outcomeKind(result.reason.slice(base.length + 2))}`;
  }
  expect(result.fileName).toBe(name);
  expect(result.text).not.toMatch(/\r/);
  expect(result.text).toMatch(/\S/u);
  expect(result.title).not.toBe("");
  expect(result.title).not.toMatch(/[/\\]/);
  // Only line endings and a byte order mark are dropped: the text never grows.
  expect(new TextEncoder().encode(result.text).length).toBeLessThanOrEqual(bytes.length);
  return "ok";
}

export const textImportTargets: FuzzTarget<{ name: string; bytes: Uint8Array }>[] = [
  {
    name: "text import: random bytes",
    inputs: "random bytes (some with a BOM or PDF/zip signature) under random file names",
    arbitrary: fc.record({
      name: fileName,
      bytes: fc
        .tuple(fc.constantFrom([], [0xef, 0xbb, 0xbf], [0xff, 0xfe], [0x25, 0x50, 0x44, 0x46, 0x2d], [0x50, 0x4b, 0x03, 0x04]), fc.uint8Array({ maxLength: 300 }))
        .map(([prefix, rest]) => new Uint8Array([...prefix, ...rest])),
    }),
    check: checkTextImport,
  },
  {
    name: "text import: random text",
    inputs: "random Unicode strings (lone surrogates and control characters included) encoded as UTF-8",
    arbitrary: fc.record({ name: fileName, bytes: fc.string({ unit: "binary", maxLength: 200 }).map((s) => new TextEncoder().encode(s)) }),
    check: checkTextImport,
  },
  {
    name: "text import: mutated fixtures",
    inputs: `${textFixtures.length} text fixtures (UTF-8, CRLF, CR, BOM, Latin-1, UTF-16) with byte edits`,
    arbitrary: fc.record({ name: fileName, bytes: fc.constantFrom(...textFixtures).chain((base) => mutatedBytes(base)) }),
    check: checkTextImport,
  },
];

// -------------------------------------------------------------- project files

const PROJECT_FILE = "incoming.spanwise";

/** A second, generated project: nested and overlapping spans, a tombstone, unknown fields. */
async function generatedProject(): Promise<ProjectSnapshot> {
  return buildSnapshot({
    projectId: "fuzz-project",
    projectExtra: { theme: "dark" },
    documents: [
      { id: "d1", text: "Mayor 😀 Ana spoke on 3 May.\nCafé e\u0301 👏🏽 done.", title: "Mayor" },
      { id: "d2", text: "قالَ الرئيسُ في 北京", title: "قرار", extra: { source: "wire" } },
    ],
    spans: [
      { id: "s1", docId: "d1", at: "Mayor 😀 Ana", label: "actor" },
      { id: "s2", docId: "d1", at: "Ana", label: "actor", annotator: "bob" },
      { id: "s3", docId: "d1", at: "Ana spoke on 3 May", label: "event" },
      { id: "s4", docId: "d1", at: "3 May", label: "date", deleted: true, updatedAt: 1_700_000_100_000 },
      { id: "s5", docId: "d2", at: "الرئيسُ", label: "actor", extra: { confidence: 0.5 } },
    ],
  });
}

export interface ProjectFixtures {
  files: Uint8Array[];
  /** The members of each file, parsed, for structure-aware edits. */
  members: Record<string, string>[];
  base: ProjectSnapshot;
}

export async function loadProjectFixtures(): Promise<ProjectFixtures> {
  const generated = await generatedProject();
  const files = [...fixtureFiles("projects", ".spanwise"), await encodeProjectFile(generated, { appVersion: "fuzz" })];
  const members = files.map((file) => {
    const out: Record<string, string> = {};
    for (const [name, data] of Object.entries(unzipSync(file))) if (name !== "manifest.json") out[name] = new TextDecoder().decode(data);
    return out;
  });
  return { files, members, base: generated };
}

async function checkProjectFile(bytes: Uint8Array, merge?: ProjectSnapshot): Promise<string> {
  const result = await decodeProjectFile(bytes, PROJECT_FILE, { limits: { maxEntryBytes: 1 << 20, maxTotalBytes: 4 << 20, maxLineBytes: 64 << 10 } });
  expectPrototypeIntact();
  if (!result.ok) {
    expect(result.problems.length).toBeGreaterThan(0);
    for (const problem of result.problems) expect(problem.startsWith(`${PROJECT_FILE}: `)).toBe(true);
    return `refused: ${outcomeKind(result.problems[0]!.slice(PROJECT_FILE.length + 2))}`;
  }
  // A whole project: valid by the writer's rules, and it survives a save and a reopen unchanged.
  expect(await checkSnapshot(result.snapshot)).toEqual([]);
  const again = await decodeProjectFile(await encodeProjectFile(result.snapshot, { appVersion: "fuzz" }), PROJECT_FILE);
  expect(again.ok && again.snapshot).toEqual(result.snapshot);
  if (merge) {
    for (const [a, b] of [
      [merge, result.snapshot],
      [result.snapshot, merge],
    ] as const) {
      const merged = mergeSnapshots(a, b);
      expect(await checkSnapshot(merged.snapshot, { verifyTextHashes: false })).toEqual([]);
    }
    expectPrototypeIntact();
    return "ok, merged";
  }
  return "ok";
}

/** A zip of `members` with a manifest whose checksums match, so the edits reach the record checks. */
function repacked(members: Record<string, string>, edited: Record<string, string>): Promise<Uint8Array> {
  return rawProjectFile({ ...members, ...edited });
}

export function projectFileTargets(fixtures: ProjectFixtures): FuzzTarget<Uint8Array | Promise<Uint8Array>>[] {
  const memberEdit = fc.integer({ min: 0, max: fixtures.members.length - 1 }).chain((i) => {
    const members = fixtures.members[i]!;
    const name = fc.constantFrom(...Object.keys(members).sort());
    return name.chain((member) => {
      const text = members[member]!;
      const records = member.endsWith(".jsonl")
        ? text
            .split("\n")
            .filter((l) => l.trim() !== "")
            .map((l) => JSON.parse(l) as Record<string, unknown>)
        : [JSON.parse(text) as Record<string, unknown>];
      const edited = fc.oneof(mutatedText(text), mutatedRecords(records));
      return edited.map((content) => repacked(members, { [member]: member.endsWith(".json") ? content.trimEnd() : content }));
    });
  });
  return [
    {
      name: "project file: random bytes",
      inputs: "random bytes, some starting with a zip local header",
      arbitrary: fc
        .tuple(fc.boolean(), fc.uint8Array({ maxLength: 400 }))
        .map(([zipLike, rest]) => (zipLike ? new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...rest]) : rest)),
      check: async (bytes) => checkProjectFile(await bytes),
    },
    {
      name: "project file: mutated zips",
      inputs: `${fixtures.files.length} project files (the format-1 fixture and a generated one) with byte edits`,
      arbitrary: fc.constantFrom(...fixtures.files).chain((base) => mutatedBytes(base)),
      check: async (bytes) => checkProjectFile(await bytes),
    },
    {
      name: "project file: mutated members",
      inputs: "one member of a fixture edited as text or as JSON records, repacked with matching checksums",
      arbitrary: memberEdit,
      check: async (bytes) => checkProjectFile(await bytes),
    },
    {
      name: "merge: decoded files",
      inputs: "files as in 'mutated members', merged both ways with a valid project when they decode",
      arbitrary: memberEdit,
      check: async (bytes) => checkProjectFile(await bytes, fixtures.base),
    },
  ];
}

// -------------------------------------------------------------- JSONL export

const EXPORT_FILE = "dataset.jsonl";

function validExport(): string {
  const lines = [
    "[quote: [actor: 👨‍👩‍👧 Families] in [actor: قالَ الرئيسُ]] met [actor: e\u0301mile O'Brien] on [date: 1 May].",
    "Plain [event: talks] in [actor: 北京] 🇫🇷.",
    "No spans here.",
  ].map((markup, i) => {
    const { text, spans } = annotated(markup, { docId: `doc-${i}` });
    const withIds = spans.map((s, k) => ({ ...s, id: `doc-${i}-span-${k}` }));
    return exportRecordToLine(toExportRecord(docRecord(text, { id: `doc-${i}`, title: `Doc ${i}` }), text, withIds));
  });
  return lines.join("\n") + "\n";
}

async function checkJsonlExport(content: string): Promise<string> {
  const lineCount = content.split("\n").length;
  let records;
  try {
    records = parseJsonlExport(content, EXPORT_FILE, { maxLineLength: 4096 }).records;
  } catch (error) {
    expectPrototypeIntact();
    if (!(error instanceof JsonlExportError)) throw new Error(`parseJsonlExport threw something other than a JsonlExportError: ${String(error)}`);
    expect(error.fileName).toBe(EXPORT_FILE);
    expect(error.problems.length).toBeGreaterThan(0);
    expect(error.problems.length).toBeLessThanOrEqual(100);
    for (const problem of error.problems) {
      expect(problem.line).toBeGreaterThanOrEqual(1);
      expect(problem.line).toBeLessThanOrEqual(lineCount);
    }
    return `refused: ${outcomeKind(error.problems[0]!.message)}`;
  }
  expectPrototypeIntact();
  const ids = new Set<string>();
  for (const record of records) {
    expect(ids.has(record.id)).toBe(false);
    ids.add(record.id);
    for (const span of record.spans) {
      expect(span.start).toBeLessThanOrEqual(span.end);
      expect(record.text.slice(span.start, span.end)).toBe(span.text);
    }
  }
  return records.length === 0 ? "ok, empty" : "ok";
}

export function jsonlTargets(): FuzzTarget<string>[] {
  const valid = validExport();
  const records = valid
    .trimEnd()
    .split("\n")
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  return [
    {
      name: "JSONL export: random text",
      inputs: "random strings, and random JSON values one per line",
      arbitrary: fc.oneof(
        fc.string({ unit: "binary", maxLength: 200 }),
        fc.array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 4 }).map((values) => values.map((v) => JSON.stringify(v)).join("\n")),
      ),
      check: checkJsonlExport,
    },
    {
      name: "JSONL export: mutated export",
      inputs: "a valid three-document export (emoji, Arabic, combining marks) with text edits or record edits",
      arbitrary: fc.oneof(mutatedText(valid), mutatedRecords(records)),
      check: checkJsonlExport,
    },
  ];
}
