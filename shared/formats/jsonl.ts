/**
 * The dataset export: JSON Lines, one document per line.
 *
 * ```json
 * {"id":"…","title":"…","text":"…","spans":[{"id":"…","start":0,"end":5,"label":"actor","text":"Obama","annotator":"ana","created_at":"2024-05-01T12:00:00.000Z","updated_at":"2024-05-01T12:00:00.000Z"}]}
 * ```
 *
 * `start`/`end` are Unicode code point offsets, half-open, into `text`, so in
 * Python `record["text"][s["start"]:s["end"]] == s["text"]` for every span.
 * `text` is the stored text, with "\n" line endings (see shared/textImport.ts).
 * Deleted spans (tombstones) are left out; spans are in reading order
 * (by start, then the longer first, then by id). Times are ISO 8601 in UTC.
 *
 * Event coding (see codingExport.ts) adds, only where there is any: a span's
 * `attrs` and registry `actor`, what was left out of them in `problems`; a
 * document's `published_at` and `links` between its spans.
 */
import { z } from "../zod";
import { liveSpans, type DocumentRecord, type SpanRecord } from "../model";
import type { AttrValue, LinkRecord } from "../coding/model";
import { createOffsetMap } from "../offsets";
import { parseJsonSafe } from "../safeJson";
import { exportLinks, spanCodingFields, type ExportActor, type ExportCoding, type ExportLink } from "./codingExport";
import { isoTime } from "../isoTime";

export type { ExportActor, ExportCoding, ExportLink } from "./codingExport";

/** One span of an export line. Offsets are code points. */
export interface ExportSpan {
  id: string;
  start: number;
  end: number;
  /** The label's id ("actor", "event", "date", "quote" or a project's own). */
  label: string;
  /** The span's text, equal to the code point slice of the document text. */
  text: string;
  annotator: string;
  created_at: string;
  updated_at: string;
  /** Attribute values that fit their label's definitions. */
  attrs?: Record<string, AttrValue>;
  /** The registry actor the span names (after merges). */
  actor?: ExportActor;
  /** Values left out of `attrs` and `actor`, and why. */
  problems?: string[];
}

/** One line of the export: a document and its live spans. */
export interface ExportRecord {
  id: string;
  title: string;
  /** The name of the file the document was imported from, when it came from one (the title is its headline). */
  source?: string;
  /** The publication date, "YYYY-MM-DD", when known ("--MM-DD" when only the month and day are). */
  published_at?: string;
  text: string;
  spans: ExportSpan[];
  /** Links between the spans of this line, when the source gave links. */
  links?: ExportLink[];
}

/** What {@link jsonlChunks} reads: a document, its text and its spans (tombstones included or not). */
export interface ExportSource {
  doc: DocumentRecord;
  text: string;
  spans: readonly SpanRecord[];
  /** The document's links; with them, each line gets `links`. */
  links?: readonly LinkRecord[];
}

/**
 * The export record of one document. Converts UTF-16 offsets to code points,
 * drops tombstones and sorts into reading order. Throws if a span belongs to
 * another document or its offsets do not fit the text (including an offset
 * between the halves of a surrogate pair): an export must never be silently
 * wrong. With `coding`, spans carry their checked attributes and actors, and
 * with `coding.links` the line carries the document's links.
 */
export function toExportRecord(
  doc: DocumentRecord,
  text: string,
  spans: readonly SpanRecord[],
  coding: ExportCoding & { links?: readonly LinkRecord[] } = {},
): ExportRecord {
  const map = createOffsetMap(text);
  const live = liveSpans(spans);
  const record: ExportRecord = {
    id: doc.id,
    title: doc.title,
    ...(doc.source !== undefined ? { source: doc.source } : {}),
    ...(doc.publishedAt !== undefined ? { published_at: doc.publishedAt } : {}),
    text,
    spans: live.map((span) => {
      if (span.docId !== doc.id) throw new Error(`Span ${span.id} belongs to document ${span.docId}, not ${doc.id}.`);
      let start: number;
      let end: number;
      try {
        if (span.start > span.end) throw new RangeError(`it ends (${span.end}) before it starts (${span.start})`);
        start = map.toCodePoint(span.start);
        end = map.toCodePoint(span.end);
      } catch (error) {
        throw new RangeError(`Span ${span.id} of document ${doc.id} does not fit its text: ${(error as Error).message}`);
      }
      return {
        id: span.id,
        start,
        end,
        label: span.label,
        text: text.slice(span.start, span.end),
        annotator: span.annotator,
        created_at: isoTime(span.createdAt),
        updated_at: isoTime(span.updatedAt),
        ...spanCodingFields(span, coding),
      };
    }),
  };
  if (coding.links !== undefined) record.links = exportLinks(coding.links, new Map(live.map((s) => [s.id, s])), coding);
  return record;
}

/**
 * One export line, without its line break. Plain `JSON.stringify`: it
 * escapes "\n" inside strings, so a record is always one line, and since
 * ES2019 it writes lone surrogates as `\udXXX` escapes, so the line is valid
 * UTF-8 and Python reads the same code points back.
 */
export function exportRecordToLine(record: ExportRecord): string {
  return JSON.stringify(record);
}

/** Links by their document's id, each document's in the order given: what {@link ExportSource.links} takes. */
export function linksByDocument(links: readonly LinkRecord[]): Map<string, LinkRecord[]> {
  const byDoc = new Map<string, LinkRecord[]>();
  for (const link of links) {
    const list = byDoc.get(link.docId);
    if (list) list.push(link);
    else byDoc.set(link.docId, [link]);
  }
  return byDoc;
}

/**
 * Streams an export: one string per document, each a line ending in "\n".
 * Reads `source` lazily, so a caller writing chunks to a file (and reporting
 * progress between them) never holds the whole corpus in memory. `coding`
 * (labels, link types, the registry) applies to every document.
 */
export async function* jsonlChunks(source: AsyncIterable<ExportSource> | Iterable<ExportSource>, coding: ExportCoding = {}): AsyncGenerator<string, void, undefined> {
  for await (const { doc, text, spans, links } of source) {
    yield exportRecordToLine(toExportRecord(doc, text, spans, links === undefined ? coding : { ...coding, links })) + "\n";
  }
}

/** A span read back from an export, with offsets converted to UTF-16 and times to milliseconds, like {@link SpanRecord}. */
export interface ParsedSpan {
  id: string;
  start: number;
  end: number;
  label: string;
  text: string;
  annotator: string;
  createdAt: number;
  updatedAt: number;
}

/** A document read back from an export. `line` is its 1-based line number in the file. */
export interface ParsedRecord {
  line: number;
  id: string;
  title: string;
  text: string;
  spans: ParsedSpan[];
}

/** One thing wrong with one line of an export file. */
export interface JsonlProblem {
  line: number;
  message: string;
}

/** Thrown by {@link parseJsonlExport}; `problems` lists each bad line (at most {@link MAX_REPORTED_PROBLEMS}). */
export class JsonlExportError extends Error {
  constructor(
    readonly fileName: string,
    readonly problems: readonly JsonlProblem[],
  ) {
    super(`"${fileName}" is not a valid Spanwise export:\n${problems.map((p) => `line ${p.line}: ${p.message}`).join("\n")}`);
    this.name = "JsonlExportError";
  }
}

/** The longest line read, in characters (UTF-16 code units): 64 Mi, about 64 MB of ASCII. */
export const MAX_JSONL_LINE_LENGTH = 64 * 1024 * 1024;

/** Reading stops after this many problems; a wrong file usually repeats one mistake. */
export const MAX_REPORTED_PROBLEMS = 100;

export interface ParseJsonlOptions {
  /** Defaults to {@link MAX_JSONL_LINE_LENGTH}. */
  maxLineLength?: number;
}

/**
 * Reads an export back, checking all of it: every line must be a JSON object
 * of the export's shape (checked with zod), without the keys `__proto__`,
 * `constructor` or `prototype` anywhere, and no longer than the line limit;
 * every span's offsets must fit the text with `start <= end`, and its `text`
 * must equal the code point slice of the document text; ids of documents and
 * of spans must be unique. Blank lines, "\r\n" endings and a leading byte
 * order mark are accepted. Offsets come back as UTF-16, ready for the app.
 *
 * Throws a {@link JsonlExportError} listing every problem with its line
 * number (up to {@link MAX_REPORTED_PROBLEMS}); returns only when the whole
 * file is valid, so a caller never applies half a file.
 */
export function parseJsonlExport(content: string, fileName: string, options: ParseJsonlOptions = {}): { records: ParsedRecord[] } {
  const maxLineLength = options.maxLineLength ?? MAX_JSONL_LINE_LENGTH;
  const records: ParsedRecord[] = [];
  const problems: JsonlProblem[] = [];
  const documentIds = new Map<string, number>();
  const spanIds = new Map<string, number>();
  const body = content.startsWith("\uFEFF") ? content.slice(1) : content;

  let lineNumber = 0;
  for (let pos = 0; pos <= body.length && problems.length < MAX_REPORTED_PROBLEMS; ) {
    let lineEnd = body.indexOf("\n", pos);
    if (lineEnd < 0) lineEnd = body.length;
    const contentEnd = lineEnd > pos && body.charCodeAt(lineEnd - 1) === 0x0d ? lineEnd - 1 : lineEnd;
    const start = pos;
    pos = lineEnd + 1;
    lineNumber++;
    const report = (message: string) => problems.push({ line: lineNumber, message });

    // Refuse an oversized line before slicing or parsing it: JSON.parse of a
    // huge line can exhaust memory in the renderer.
    const length = contentEnd - start;
    if (length > maxLineLength) {
      report(`the line is ${length} characters long, over the limit of ${maxLineLength}.`);
      continue;
    }
    const line = body.slice(start, contentEnd);
    if (!/\S/u.test(line)) continue;

    const record = parseLine(line, report);
    if (!record) continue;
    const parsed = checkRecord(record, lineNumber, report);
    if (!parsed) continue;

    const seenAt = documentIds.get(parsed.id);
    if (seenAt !== undefined) {
      report(`document id "${parsed.id}" already appears on line ${seenAt}.`);
      continue;
    }
    documentIds.set(parsed.id, lineNumber);
    let duplicate = false;
    for (const span of parsed.spans) {
      const spanSeenAt = spanIds.get(span.id);
      if (spanSeenAt !== undefined) {
        report(`span id "${span.id}" already appears on line ${spanSeenAt}.`);
        duplicate = true;
      } else spanIds.set(span.id, lineNumber);
    }
    if (!duplicate) records.push(parsed);
  }

  if (problems.length > 0) throw new JsonlExportError(fileName, problems.slice(0, MAX_REPORTED_PROBLEMS));
  return { records };
}

const isoDateTime = z.iso.datetime({ offset: true });
const offset = z.number().int().nonnegative();

const exportSpanSchema = z.object({
  id: z.string().min(1),
  start: offset,
  end: offset,
  label: z.string().min(1),
  text: z.string(),
  annotator: z.string(),
  created_at: isoDateTime,
  updated_at: isoDateTime,
});

const exportRecordSchema = z.object({
  id: z.string().min(1),
  title: z.string(),
  text: z.string(),
  spans: z.array(exportSpanSchema),
});

function parseLine(line: string, report: (message: string) => void): ExportRecord | null {
  // parseJsonSafe refuses __proto__, constructor and prototype keys at any
  // depth, after JSON escapes are decoded ("\u005f_proto__" too).
  const json = parseJsonSafe(line);
  if (!json.ok) {
    report(`the line ${json.reason}.`);
    return null;
  }
  const result = exportRecordSchema.safeParse(json.value);
  if (!result.success) {
    for (const issue of result.error.issues) report(`${formatPath(issue.path) || "the line"}: ${issue.message}.`);
    return null;
  }
  return result.data;
}

function checkRecord(record: ExportRecord, line: number, report: (message: string) => void): ParsedRecord | null {
  const map = createOffsetMap(record.text);
  const spans: ParsedSpan[] = [];
  let ok = true;
  record.spans.forEach((span, i) => {
    const where = `spans[${i}] (id "${span.id}")`;
    if (span.start > span.end) {
      report(`${where}: start ${span.start} is after end ${span.end}.`);
      ok = false;
      return;
    }
    if (span.end > map.codePointLength) {
      report(`${where}: end ${span.end} is past the end of the text (${map.codePointLength} characters).`);
      ok = false;
      return;
    }
    const start = map.toUtf16(span.start);
    const end = map.toUtf16(span.end);
    const actual = record.text.slice(start, end);
    if (actual !== span.text) {
      report(`${where}: its text ${JSON.stringify(span.text)} differs from the document text at ${span.start}–${span.end}, ${JSON.stringify(actual)}.`);
      ok = false;
      return;
    }
    spans.push({
      id: span.id,
      start,
      end,
      label: span.label,
      text: span.text,
      annotator: span.annotator,
      createdAt: Date.parse(span.created_at),
      updatedAt: Date.parse(span.updated_at),
    });
  });
  return ok ? { line, id: record.id, title: record.title, text: record.text, spans } : null;
}

/** `spans[3].start` from zod's path. */
function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) out += typeof key === "number" ? `[${key}]` : out === "" ? String(key) : `.${String(key)}`;
  return out;
}
