import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  JsonlExportError,
  exportRecordToLine,
  jsonlChunks,
  parseJsonlExport,
  toExportRecord,
  type ExportRecord,
  type ExportSource,
} from "../../shared/formats/jsonl";
import { liveSpans, type SpanRecord } from "../../shared/model";
import { createOffsetMap } from "../../shared/offsets";
import { TEST_DOC_ID, annotated, docRecord, spanOver, spanRecord, trickyText } from "./builders";

/** Python's `text[start:end]`, without Python. */
const pythonSlice = (text: string, start: number, end: number) => Array.from(text).slice(start, end).join("");

/** What a span should look like after export and parse. */
const asParsed = (s: SpanRecord, text: string) => ({
  id: s.id,
  start: s.start,
  end: s.end,
  label: s.label,
  text: text.slice(s.start, s.end),
  annotator: s.annotator,
  createdAt: s.createdAt,
  updatedAt: s.updatedAt,
});

/** Texts with spans over emoji, combining marks, Arabic and CJK, nested and overlapping. */
function multilingualSource(): ExportSource {
  const { text, spans } = annotated(
    "[quote: [actor: 👨‍👩‍👧 Families] in [actor: قالَ الرئيسُ]] met [actor: e\u0301mile O'Brien] in [event: [actor: 北京] 🇫🇷 talks] on [date: 1 May].",
  );
  return { doc: docRecord(text, { title: "Mixed 𝒳" }), text, spans };
}

/** A document with random spans (nested, overlapping, empty, some deleted) over random tricky text. */
const randomSource: fc.Arbitrary<ExportSource> = trickyText(60).chain((text) => {
  const map = createOffsetMap(text);
  const span = fc
    .record({
      a: fc.nat(map.codePointLength),
      b: fc.nat(map.codePointLength),
      label: fc.constantFrom("actor", "event", "date", "quote"),
      deleted: fc.boolean(),
      created: fc.integer({ min: 0, max: 4_000_000_000_000 }),
      annotator: fc.constantFrom("ana", "bo", "عائشة", ""),
    })
    .map(({ a, b, label, deleted, created, annotator }) =>
      spanRecord(map.toUtf16(Math.min(a, b)), map.toUtf16(Math.max(a, b)), { label, deleted, annotator, createdAt: created, updatedAt: created + 1000 }),
    );
  return fc
    .uniqueArray(span, { maxLength: 30, selector: (s) => s.id })
    .map((spans) => ({ doc: docRecord(text, { title: text.slice(0, 10) }), text, spans }));
});

describe("toExportRecord", () => {
  it("names the file a document came from, and keeps a publication date known without its year", () => {
    const text = "BEIRUT, March 3 — Envoys met.";
    const record = toExportRecord(docRecord(text, { title: "Envoys meet", source: "000_bc1e5b86ce48cb8e.txt", publishedAt: "--03-03", status: "done" }), text, []);
    expect(record).toMatchObject({ title: "Envoys meet", source: "000_bc1e5b86ce48cb8e.txt", published_at: "--03-03" });
    // How far the coder got is their own business, not the dataset's.
    expect(record).not.toHaveProperty("status");
  });

  it("writes code point offsets, reading order, ISO times, and leaves tombstones out", () => {
    const { text, spans } = annotated("😀 [actor: Obama] met [actor: [actor: Putin]'s aide] in 🇫🇷 [date: May].");
    const deleted = spanOver(text, "met", { id: "gone", label: "event", deleted: true });
    const record = toExportRecord(docRecord(text, { title: "Summit" }), text, [spans[2]!, deleted, spans[0]!, spans[1]!, spans[3]!]);
    const at = (id: string, label: string, start: number, end: number, spanText: string) => ({
      id,
      start,
      end,
      label,
      text: spanText,
      annotator: "ana",
      created_at: "2024-05-01T12:00:00.000Z",
      updated_at: "2024-05-01T12:00:00.000Z",
    });
    expect(record).toEqual({
      id: TEST_DOC_ID,
      title: "Summit",
      text,
      // 😀 is two UTF-16 units but one code point, so "Obama" is 3..8 in the app and 2..7 here.
      spans: [at("s1", "actor", 2, 7, "Obama"), at("s2", "actor", 12, 24, "Putin's aide"), at("s3", "actor", 12, 17, "Putin"), at("s4", "date", 31, 34, "May")],
    });
    for (const s of record.spans) expect(pythonSlice(text, s.start, s.end)).toBe(s.text);
  });

  it("refuses a span of another document, and offsets that do not fit the text", () => {
    const text = "a😀b";
    expect(() => toExportRecord(docRecord(text), text, [spanRecord(0, 1, { docId: "other" })])).toThrow(/belongs to document other/);
    expect(() => toExportRecord(docRecord(text), text, [spanRecord(0, 2)])).toThrow(/does not fit its text.*surrogate pair/);
    expect(() => toExportRecord(docRecord(text), text, [spanRecord(0, 5)])).toThrow(RangeError);
    expect(() => toExportRecord(docRecord(text), text, [spanRecord(3, 1)])).toThrow(/ends \(1\) before it starts \(3\)/);
    // A tombstone is not exported, so its offsets are not checked.
    expect(toExportRecord(docRecord(text), text, [spanRecord(0, 2, { deleted: true })]).spans).toEqual([]);
  });
});

describe("exportRecordToLine", () => {
  it("writes one line without a trailing newline, whatever the text holds", () => {
    const text = "line one\nline two\r\n\u2028\u2029 \"quoted\" \\ tab\t";
    const line = exportRecordToLine(toExportRecord(docRecord(text), text, [spanOver(text, "two")]));
    expect(line).not.toMatch(/[\n\r]/);
    expect(JSON.parse(line).text).toBe(text);
  });

  it("escapes lone surrogates so the line is well-formed UTF-8", () => {
    const text = "bad \uD800 half";
    const line = exportRecordToLine(toExportRecord(docRecord(text), text, [spanOver(text, "half")]));
    expect(line).toContain("\\ud800");
    expect(new TextDecoder("utf-8", { fatal: true }).decode(new TextEncoder().encode(line))).toBe(line);
    expect(JSON.parse(line).spans[0]).toMatchObject({ start: 6, end: 10, text: "half" });
  });
});

describe("jsonlChunks", () => {
  it("streams one line per document from an async source", async () => {
    async function* documents(): AsyncGenerator<ExportSource> {
      yield multilingualSource();
      const text = "Second document.";
      yield { doc: docRecord(text, { id: "doc-2" }), text, spans: [spanOver(text, "Second", { docId: "doc-2" })] };
    }
    const chunks: string[] = [];
    for await (const chunk of jsonlChunks(documents())) chunks.push(chunk);
    expect(chunks).toHaveLength(2);
    for (const chunk of chunks) {
      expect(chunk.endsWith("\n")).toBe(true);
      expect(chunk.slice(0, -1)).not.toContain("\n");
    }
    expect(parseJsonlExport(chunks.join(""), "out.jsonl").records.map((r) => r.id)).toEqual([TEST_DOC_ID, "doc-2"]);
  });

  it("accepts a plain iterable and yields nothing for no documents", async () => {
    const chunks: string[] = [];
    for await (const chunk of jsonlChunks([])) chunks.push(chunk);
    expect(chunks).toEqual([]);
  });
});

describe("parseJsonlExport", () => {
  const goodLine = () => exportRecordToLine(toExportRecord(multilingualSource().doc, multilingualSource().text, multilingualSource().spans));

  it("reads an export back to the same spans, with UTF-16 offsets", () => {
    const { doc, text, spans } = multilingualSource();
    const { records } = parseJsonlExport(exportRecordToLine(toExportRecord(doc, text, spans)) + "\n", "out.jsonl");
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ line: 1, id: doc.id, title: doc.title, text });
    expect(records[0]!.spans).toEqual(liveSpans(spans).map((s) => asParsed(s, text)));
  });

  it("accepts CRLF line endings, blank lines and a byte order mark", () => {
    const content = `\uFEFF${goodLine()}\r\n\r\n   \n${goodLine().replace(`"id":"${TEST_DOC_ID}"`, '"id":"doc-2"').replace(/"id":"s(\d)"/g, '"id":"t$1"')}\r\n`;
    expect(parseJsonlExport(content, "out.jsonl").records.map((r) => [r.line, r.id])).toEqual([
      [1, TEST_DOC_ID],
      [4, "doc-2"],
    ]);
  });

  it("returns no records for an empty file", () => {
    expect(parseJsonlExport("", "empty.jsonl")).toEqual({ records: [] });
  });

  /** The problems parseJsonlExport reports for `content`. */
  function problems(content: string, maxLineLength?: number): { line: number; message: string }[] {
    try {
      parseJsonlExport(content, "bad.jsonl", maxLineLength === undefined ? {} : { maxLineLength });
    } catch (error) {
      expect(error).toBeInstanceOf(JsonlExportError);
      expect((error as JsonlExportError).message).toMatch(/^"bad.jsonl" is not a valid Spanwise export:\nline \d+: /);
      return [...(error as JsonlExportError).problems];
    }
    throw new Error("expected parseJsonlExport to throw");
  }

  const record = (overrides: Partial<ExportRecord> = {}, spanOverrides: Record<string, unknown> = {}) =>
    JSON.stringify({
      id: "d1",
      title: "T",
      text: "😀 Obama said",
      spans: [{ id: "x1", start: 2, end: 7, label: "actor", text: "Obama", annotator: "ana", created_at: "2024-05-01T12:00:00.000Z", updated_at: "2024-05-01T12:00:00Z", ...spanOverrides }],
      ...overrides,
    });

  it("reports invalid JSON with its line number", () => {
    expect(problems(`${record()}\n{"id": "d2",\n`)).toEqual([{ line: 2, message: expect.stringMatching(/^the line is not valid JSON \(/) }]);
  });

  it("reports each schema problem with its line and field", () => {
    const found = problems(`${record()}\n${record({ id: "d2" }, { id: "x2", start: "2", label: "" })}\n[1]\nnull`);
    expect(found.map((p) => p.line)).toEqual([2, 2, 3, 4]);
    expect(found[0]!.message).toMatch(/^spans\[0\]\.start: .*expected number/);
    expect(found[1]!.message).toMatch(/^spans\[0\]\.label: /);
    expect(found[2]!.message).toMatch(/^the line: .*expected object/);
  });

  it.each([
    ["a fractional offset", { start: 2.5 }],
    ["a negative offset", { start: -1 }],
    ["a date that is not ISO 8601", { created_at: "1 May 2024" }],
    ["a missing id", { id: undefined }],
  ])("refuses %s", (_what, spanOverrides) => {
    expect(problems(record({}, spanOverrides))).toHaveLength(1);
  });

  it.each(["__proto__", "constructor", "prototype"])("refuses the key %s anywhere in a line", (key) => {
    const atTop = record().replace('{"id":"d1"', `{"${key}":{"polluted":true},"id":"d1"`);
    const inSpan = record().replace('"label":"actor"', `"label":"actor","${key}":1`);
    expect(problems(`${atTop}\n${inSpan}`)).toEqual([
      { line: 1, message: `the line has the forbidden key "${key}".` },
      { line: 2, message: `the line has the forbidden key "${key}".` },
    ]);
  });

  it("refuses __proto__ written with JSON escapes", () => {
    const escaped = record().replace('{"id":"d1"', '{"\\u005f_proto__":{"x":1},"id":"d1"');
    expect(problems(escaped)).toEqual([{ line: 1, message: 'the line has the forbidden key "__proto__".' }]);
    expect(({} as Record<string, unknown>)["x"]).toBeUndefined();
  });

  it("refuses a line over the length limit, naming it, without parsing it", () => {
    const long = record({ text: "😀 Obama said" + " ".repeat(500) });
    expect(problems(`${record()}\n${long}\n`, 400)).toEqual([{ line: 2, message: `the line is ${long.length} characters long, over the limit of 400.` }]);
  });

  it("refuses a span whose text differs from the code point slice", () => {
    // UTF-16 offsets written by mistake: "Obama" is at 3..8 in UTF-16 but 2..7 in code points.
    const [found] = problems(record({}, { start: 3, end: 8 }));
    expect(found).toEqual({ line: 1, message: expect.stringContaining('spans[0] (id "x1"): its text "Obama" differs from the document text at 3–8, "bama "') });
  });

  it("refuses offsets past the end of the text, and a start after the end", () => {
    expect(problems(record({}, { end: 13 }))[0]!.message).toMatch(/end 13 is past the end of the text \(12 characters\)/);
    expect(problems(record({}, { start: 7, end: 2 }))[0]!.message).toMatch(/start 7 is after end 2/);
  });

  it("refuses duplicate document and span ids", () => {
    const found = problems(`${record()}\n${record()}\n${record({ id: "d3" })}`);
    expect(found).toEqual([
      { line: 2, message: 'document id "d1" already appears on line 1.' },
      { line: 3, message: 'span id "x1" already appears on line 1.' },
    ]);
  });

  it("stops after 100 problems", () => {
    expect(problems("nope\n".repeat(500))).toHaveLength(100);
  });
});

describe("export properties over emoji, combining marks, Arabic and overlapping spans", () => {
  it("every exported span's text is Python's text[start:end]", () => {
    fc.assert(
      fc.property(randomSource, ({ doc, text, spans }) => {
        const line = exportRecordToLine(toExportRecord(doc, text, spans));
        const record = JSON.parse(line) as ExportRecord;
        expect(record.text).toBe(text);
        expect(record.spans).toHaveLength(liveSpans(spans).length);
        for (const s of record.spans) expect(Array.from(record.text).slice(s.start, s.end).join("")).toBe(s.text);
      }),
    );
  });

  it("export then parse gives back the same live spans in reading order", () => {
    fc.assert(
      fc.property(randomSource, ({ doc, text, spans }) => {
        const { records } = parseJsonlExport(exportRecordToLine(toExportRecord(doc, text, spans)), "out.jsonl");
        expect(records[0]!.spans).toEqual(liveSpans(spans).map((s) => asParsed(s, text)));
      }),
    );
  });
});

/** The python3 executable, if one runs here. */
function findPython(): string | null {
  for (const name of ["python3", "python"]) {
    const run = spawnSync(name, ["-c", "import sys; sys.exit(0 if sys.version_info[0] == 3 else 1)"]);
    if (run.status === 0) return name;
  }
  return null;
}

const python = findPython();

describe("Python reads the export", () => {
  it.skipIf(!python)(`slices every span's text with text[start:end]${python ? "" : " (skipped: python3 is not installed)"}`, () => {
    const sources = [multilingualSource(), ...fc.sample(randomSource, { numRuns: 200, seed: 42 }).map((s, i) => ({ ...s, doc: { ...s.doc, id: `doc-${i}` } }))];
    const lone = "bad \uD800 half \uDC00 ok 😀";
    sources.push({ doc: docRecord(lone, { id: "lone" }), text: lone, spans: [spanOver(lone, "half", { docId: "lone" }), spanOver(lone, "ok 😀", { docId: "lone" })] });
    const content = sources.map((s) => exportRecordToLine(toExportRecord({ ...s.doc }, s.text, s.spans.map((sp) => ({ ...sp, docId: s.doc.id })))) + "\n").join("");
    const expectedSpans = sources.reduce((n, s) => n + liveSpans(s.spans).length, 0);

    const dir = mkdtempSync(join(tmpdir(), "spanwise-jsonl-"));
    try {
      const file = join(dir, "export.jsonl");
      writeFileSync(file, content, "utf8");
      // Read bytes and split on b"\n" only: Python's text-mode line
      // iteration would also split on other line separators.
      const script = [
        "import json, sys",
        "n = 0",
        "for raw in open(sys.argv[1], 'rb').read().split(b'\\n'):",
        "    if not raw: continue",
        "    r = json.loads(raw)",
        "    for s in r['spans']:",
        "        assert r['text'][s['start']:s['end']] == s['text'], (r['id'], s)",
        "        n += 1",
        "print(n)",
      ].join("\n");
      const out = execFileSync(python!, ["-c", script, file], { encoding: "utf8" });
      expect(Number(out.trim())).toBe(expectedSpans);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
