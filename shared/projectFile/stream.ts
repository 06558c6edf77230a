/**
 * Reading a big project file as a stream: its documents, each with its spans,
 * one after the other while documents.jsonl and spans.jsonl are unpacked, so
 * that memory does not grow with the number of spans (the command-line
 * export of a million spans).
 *
 * It checks what the decoder checks (decode.ts), with the same code for the
 * layout and for each record, but it has no messages of its own: whenever
 * anything is wrong or unusual it throws {@link NotStreamable}, and the caller
 * falls back to the decoder, which then gives the exact problems. Only the
 * common case streams: a file of the current format whose spans are grouped by
 * document in the documents' order, as Spanwise writes them (encode.ts).
 */
import { concatBytes } from "../bytes";
import { isJsonObject, mightHaveForbiddenKey, parseJsonSafe } from "../safeJson";
import { readCodingMembers } from "./codingMembers";
import { DEFAULT_LIMITS, DOCUMENTS_MEMBER, MANIFEST_MEMBER, PROJECT_MEMBER, SPANS_MEMBER, type ProjectFileLimits } from "./format";
import { LineNumbers, parseJsonObjectMember } from "./jsonLines";
import { readLayout } from "./layout";
import { CURRENT_FORMAT_VERSION } from "./migrations";
import { readProject, readSpan, snapshotDocument, type DocumentText } from "./recordReaders";
import { documentLineSchema, manifestSchema, spanLineSchema } from "./records";
import type { SnapshotActor, SnapshotDocument, SnapshotLink, SnapshotProject, SnapshotSpan } from "./snapshot";
import { inflateEntry, type RawInflate, type ZipEntry, type ZipSource } from "./zipRead";

/** Thrown when a file cannot be streamed: read it with the decoder instead, which says what is wrong. */
export class NotStreamable extends Error {
  constructor(reason: string) {
    super(`cannot stream this project file: ${reason}`);
    this.name = "NotStreamable";
  }
}

/** An incremental SHA-256 (lowercase hex). */
export interface Sha256 {
  update(bytes: Uint8Array): void;
  digest(): string;
}

/** What the streaming reader needs from its host: random access to the zip and unpacking of a member as a stream. */
export interface StreamSource {
  zip: ZipSource;
  /** The unpacked bytes of `entry`, a chunk at a time (the reader caps them at the declared size). Throws on damaged data. */
  memberChunks(entry: ZipEntry): AsyncIterable<Uint8Array>;
  createSha256(): Sha256;
  /** The inflater for the small members read whole. */
  inflate?: RawInflate;
}

/** One document of the file with its spans (tombstones included), in file order. */
export interface StreamedDocument {
  document: SnapshotDocument;
  spans: SnapshotSpan[];
}

export interface ProjectStream {
  project: SnapshotProject;
  links?: SnapshotLink[];
  actors?: SnapshotActor[];
  /** The manifest's counts of documents and spans (checked at the end). */
  counts: { documents: number; spans: number };
  /** The declared size of documents.jsonl and spans.jsonl together: how much there is to read. */
  unpackedBytes: number;
  /**
   * The documents with their spans. Every check that needs the whole file
   * (checksums, counts, references) runs after the last document and before
   * the generator returns: a consumer must not keep what it made of the
   * documents unless the loop ends without a throw. With `part`, only those
   * documents, and the checks across parts are left to {@link checkParts}.
   */
  documents(part?: StreamPart): AsyncGenerator<StreamedDocument, void, undefined>;
  /** After {@link documents} has ended: what {@link checkParts} needs to join this part to the next. */
  summary(): PartSummary;
}

/**
 * A range of the documents (lines of documents.jsonl), `[from, to)`, for
 * reading a file in parts on several threads: the part from 0 stops at `to`
 * (its spans end at the first span of another document), and a part to the
 * end skips the first `from` documents and the spans of those.
 */
export interface StreamPart {
  from: number;
  /** Undefined: to the end. */
  to?: number;
}

/** What one part saw, for the checks across parts. */
export interface PartSummary {
  docIds: string[];
  textHashes: string[];
  spanIds: IdHashTables;
  /** Where in spans.jsonl (in bytes) the part's first span starts, and where the span after its last starts. */
  spanStart: number;
  spanEnd: number;
  /** The part's spans. */
  spanCount: number;
}

const utf8 = new TextDecoder("utf-8", { fatal: true });
/** For telling lines apart only: what is kept is decoded with `utf8`. */
const looseUtf8 = new TextDecoder("utf-8");
const utf8Encoder = new TextEncoder();

/**
 * Opens a project file for streaming: reads and checks its layout and its
 * small members whole. Throws {@link NotStreamable} for anything the decoder
 * would refuse, and for what this reader leaves to the decoder (an older
 * format needing an upgrade, custom limits).
 */
export function openProjectStream(source: StreamSource, limits: ProjectFileLimits = DEFAULT_LIMITS): ProjectStream {
  const refuse = (reason: string): never => {
    throw new NotStreamable(reason);
  };
  const layout = readLayout(source.zip, limits, refuse, source.inflate);
  if (!layout) return refuse("no layout");
  const { entries, manifest, members, formatVersion } = layout;
  // An older file is upgraded (migrations.ts) before it is checked: the decoder's work.
  if (formatVersion !== CURRENT_FORMAT_VERSION) refuse(`format ${formatVersion} needs an upgrade`);
  const manifestParsed = manifestSchema.omit({ members: true }).safeParse(manifest);
  if (!manifestParsed.success) return refuse(MANIFEST_MEMBER);
  const counts = manifestParsed.data.counts;

  // The small members, whole and checked against their checksums, as the decoder reads them.
  const otherMembers = new Map<string, Uint8Array>();
  let projectBytes: Uint8Array | undefined;
  for (const [name, entry] of entries) {
    if (name === MANIFEST_MEMBER || name === DOCUMENTS_MEMBER || name === SPANS_MEMBER) continue;
    const inflated = inflateEntry(source.zip, entry, { checkCrc: false, ...(source.inflate ? { inflate: source.inflate } : {}) });
    if (!inflated.ok) return refuse(inflated.problem);
    const hash = source.createSha256();
    hash.update(inflated.data);
    if (hash.digest() !== members[name]!.sha256) refuse(`checksum of ${name}`);
    if (name === PROJECT_MEMBER) projectBytes = inflated.data;
    else otherMembers.set(name, inflated.data);
  }
  const projectJson = parseJsonObjectMember(projectBytes ?? refuse(PROJECT_MEMBER), PROJECT_MEMBER);
  if (!projectJson.ok) return refuse(projectJson.problem);
  const { project, labelIds } = readProject(projectJson.value, refuse) ?? refuse(PROJECT_MEMBER);
  // Links are checked against the documents once all of them have been read.
  const coding = readCodingMembers(otherMembers, { projectId: project.id, docIds: { has: () => true }, maxLineBytes: limits.maxLineBytes, lineNumbers: new LineNumbers(), report: refuse });
  if (counts.links !== undefined && counts.links !== (coding.links?.length ?? 0)) refuse("links count");
  if (counts.actors !== undefined && counts.actors !== (coding.actors?.length ?? 0)) refuse("actors count");

  const memberChunks = (name: string) => {
    const entry = entries.get(name) ?? refuse(`${name} missing`);
    return checkedChunks(source, entry, members[name]!.sha256);
  };
  let summary: PartSummary | undefined;

  async function* documents(part: StreamPart = { from: 0 }): AsyncGenerator<StreamedDocument, void, undefined> {
    const docIds = new Set<string>();
    const textHashes = new Set<string>();
    const spanIds = new IdHashSet();
    const documentLines = new LineCursor(lineBatches(memberChunks(DOCUMENTS_MEMBER), limits.maxLineBytes));
    // The documents of the parts before this one: their spans are skipped.
    const skippedDocIds = new Set<string>();
    for (let i = 0; i < part.from; i++) {
      const line = await documentLines.next();
      if (line === undefined) break;
      const id = (JSON.parse(line) as { id?: unknown }).id;
      if (typeof id === "string") skippedDocIds.add(id);
    }
    let documentsRead = part.from;

    /** The next document of this part, checked; undefined at its end. */
    const nextDocument = async (): Promise<{ document: SnapshotDocument; text: DocumentText } | undefined> => {
      if (part.to !== undefined && documentsRead >= part.to) return undefined;
      const text = await documentLines.next();
      if (text === undefined) return undefined;
      documentsRead++;
      const raw = parseRecord(text, documentLines.plain);
      const parsed = documentLineSchema.safeParse(raw);
      if (!parsed.success) return refuse(DOCUMENTS_MEMBER);
      const line = parsed.data;
      if (docIds.has(line.id)) refuse("document id used twice");
      docIds.add(line.id);
      if (textHashes.has(line.textHash)) refuse("the same text twice");
      textHashes.add(line.textHash);
      const hash = source.createSha256();
      hash.update(utf8Encoder.encode(line.text));
      if (hash.digest() !== line.textHash) refuse("textHash");
      return { document: snapshotDocument(line, raw, project.id), text: { text: line.text } };
    };

    let current = await nextDocument();
    let spans: SnapshotSpan[] = [];
    let spanCount = 0;
    let spanStart = 0;
    let spanEnd = -1;
    let spanChunks = memberChunks(SPANS_MEMBER);
    if (skippedDocIds.size > 0) {
      // The spans of the documents of earlier parts are skipped without parsing; the part before checks them, and checkParts that this part starts where it ended.
      spanChunks = skipLeadingLines(spanChunks, (line) => skippedDocIds.has(quickDocId(line)), (at) => (spanStart = at));
    }
    spanLoop: for await (const { lines, plain, at } of lineBatches(spanChunks, limits.maxLineBytes)) {
      for (let i = 0; i < lines.length; i++) {
        const raw = parseRecord(lines[i]!, plain);
        const parsed = spanLineSchema.safeParse(raw);
        if (!parsed.success) return refuse(SPANS_MEMBER);
        const line = parsed.data;
        // Spans come grouped by document, in the documents' order: a span of another document ends the current one.
        while (current && current.document.doc.id !== line.docId) {
          yield { document: current.document, spans };
          spans = [];
          current = await nextDocument();
        }
        if (!current) {
          if (part.to === undefined) return refuse("a span of a missing document, or spans out of document order");
          // The first span of the next part (or a span out of order, which the next part finds).
          spanEnd = spanStart + at + (i === 0 ? 0 : utf8Encoder.encode(lines.slice(0, i).join("\n")).length + 1);
          break spanLoop;
        }
        spanCount++;
        if (spanIds.addOrFind(line.id)) refuse("span id possibly used twice");
        const span = readSpan(line, raw, current.text, project.id, labelIds, refuse);
        if (!span) return refuse("span");
        spans.push(span);
      }
    }
    if (spanEnd < 0) spanEnd = entries.get(SPANS_MEMBER)!.size;
    while (current) {
      yield { document: current.document, spans };
      spans = [];
      current = await nextDocument();
    }
    if (part.to !== undefined) await documentLines.stop();
    // What needs the whole file: counts, and links of documents that are in it.
    if (part.from === 0 && part.to === undefined) {
      if (documentsRead !== counts.documents || spanCount !== counts.spans) refuse("counts");
      for (const link of coding.links ?? []) if (!docIds.has(link.docId)) refuse("a link of a missing document");
    }
    summary = { docIds: [...docIds], textHashes: [...textHashes], spanIds: spanIds.tables(), spanStart, spanEnd, spanCount };
  }

  return {
    project,
    ...(coding.links !== undefined ? { links: coding.links } : {}),
    ...(coding.actors !== undefined ? { actors: coding.actors } : {}),
    counts: { documents: counts.documents, spans: counts.spans },
    unpackedBytes: (entries.get(DOCUMENTS_MEMBER)?.size ?? 0) + (entries.get(SPANS_MEMBER)?.size ?? 0),
    documents,
    summary: () => summary ?? refuse("not read yet"),
  };
}

/**
 * Checks that parts read on their own (in order, the first from document 0,
 * the last to the end) make one valid file: each part starts at the span
 * where the one before ended, no id or text is in two parts, and every link's
 * document is in some part.
 */
export function checkParts(stream: ProjectStream, parts: readonly PartSummary[]): void {
  const docIds = new Set<string>();
  const textHashes = new Set<string>();
  const spanIds = new IdHashSet();
  for (const [i, part] of parts.entries()) {
    if (i > 0 && part.spanStart !== parts[i - 1]!.spanEnd) throw new NotStreamable("parts do not join");
    for (const id of part.docIds) if (docIds.has(id)) throw new NotStreamable("document id used twice");
    else docIds.add(id);
    for (const hash of part.textHashes) if (textHashes.has(hash)) throw new NotStreamable("the same text twice");
    else textHashes.add(hash);
    if (spanIds.addAll(part.spanIds)) throw new NotStreamable("span id possibly used twice");
  }
  if (parts[0]?.spanStart !== 0) throw new NotStreamable("the first part does not start at the start");
  if (docIds.size !== stream.counts.documents || parts.reduce((n, part) => n + part.spanCount, 0) !== stream.counts.spans) throw new NotStreamable("counts");
  for (const link of stream.links ?? []) if (!docIds.has(link.docId)) throw new NotStreamable("a link of a missing document");
}

/**
 * A span line's docId read without parsing it, as encode.ts writes it (after
 * the id, without escapes); "" when it is not written that way, which sends
 * the line to full parsing.
 */
function quickDocId(line: string): string {
  const at = line.indexOf('","docId":"');
  if (at < 0) return "";
  const start = at + 11;
  const end = line.indexOf('"', start);
  const id = end < 0 ? "" : line.slice(start, end);
  return id.includes("\\") ? "" : id;
}

/** The lines of a member one at a time, across its batches. */
class LineCursor {
  private lines: string[] = [];
  private at = 0;
  /** Whether the current batch can be parsed without the forbidden-key reviver. */
  plain = true;

  private readonly iterator: AsyncIterator<LineBatch>;

  constructor(batches: AsyncIterable<LineBatch>) {
    this.iterator = batches[Symbol.asyncIterator]();
  }

  async next(): Promise<string | undefined> {
    while (this.at >= this.lines.length) {
      const next = await this.iterator.next();
      if (next.done) return undefined;
      ({ lines: this.lines, plain: this.plain } = next.value);
      this.at = 0;
    }
    return this.lines[this.at++];
  }

  /** Stops reading (the rest is not unpacked). */
  async stop(): Promise<void> {
    await this.iterator.return?.();
  }
}

/**
 * The unpacked bytes of a member, refusing more than its declared size, and,
 * after the last chunk, fewer bytes or a SHA-256 other than the manifest's.
 */
async function* checkedChunks(source: StreamSource, entry: ZipEntry, sha256: string): AsyncGenerator<Uint8Array, void, undefined> {
  // The decoder calls an empty deflated member damaged; zlib would give nothing.
  if (entry.method === 8 && entry.compressedSize === 0) throw new NotStreamable(`${entry.name} is empty`);
  const hash = source.createSha256();
  let size = 0;
  for await (const chunk of source.memberChunks(entry)) {
    size += chunk.length;
    if (size > entry.size) throw new NotStreamable(`${entry.name} unpacks to more than its declared size`);
    hash.update(chunk);
    yield chunk;
  }
  if (size !== entry.size) throw new NotStreamable(`${entry.name} is shorter than declared`);
  if (hash.digest() !== sha256) throw new NotStreamable(`checksum of ${entry.name}`);
}

const NEWLINE = 0x0a;

/** Lines of a JSON Lines member, and whether any of them could hold a forbidden key. */
export interface LineBatch {
  lines: string[];
  plain: boolean;
  /** Where (in bytes) the first line starts in the stream. */
  at: number;
}

/**
 * The lines of a JSON Lines stream, a batch at a time. Each batch is decoded
 * as one string (one decode per line costs more than the parsing). Blank
 * lines, which Spanwise never writes, refuse: parts count documents by lines.
 */
export async function* lineBatches(chunks: AsyncIterable<Uint8Array>, maxLineBytes: number): AsyncGenerator<LineBatch, void, undefined> {
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  let at = 0;
  for await (const chunk of chunks) {
    const last = chunk.lastIndexOf(NEWLINE);
    if (last < 0) {
      pending.push(chunk);
      pendingBytes += chunk.length;
      if (pendingBytes > maxLineBytes) throw new NotStreamable("a line is too long");
      continue;
    }
    const head = chunk.subarray(0, last);
    const lines = pendingBytes > 0 ? concatBytes([...pending, head]) : head;
    pending = last + 1 < chunk.length ? [chunk.subarray(last + 1)] : [];
    pendingBytes = chunk.length - last - 1;
    yield splitLines(lines, maxLineBytes, at);
    at += lines.length + 1;
  }
  if (pendingBytes > 0) yield splitLines(concatBytes(pending), maxLineBytes, at);
}

/**
 * `chunks` without the lines at their start for which `skip` is true, told
 * apart a chunk at a time by the last line in it (the lines of one part come
 * together); `onStart` gets where (in bytes) the rest starts.
 */
async function* skipLeadingLines(chunks: AsyncIterable<Uint8Array>, skip: (line: string) => boolean, onStart: (at: number) => void): AsyncGenerator<Uint8Array, void, undefined> {
  let skipping = true;
  let dropped = 0;
  let carry: Uint8Array | undefined;
  for await (const chunk of chunks) {
    if (!skipping) {
      yield chunk;
      continue;
    }
    const data = carry ? concatBytes([carry, chunk]) : chunk;
    const last = data.lastIndexOf(NEWLINE);
    if (last < 0) {
      // Not one whole line yet.
      carry = data;
      continue;
    }
    const previous = last > 0 ? data.lastIndexOf(NEWLINE, last - 1) : -1;
    if (skip(looseUtf8.decode(data.subarray(previous + 1, last)))) {
      dropped += last + 1;
      carry = data.subarray(last + 1);
      continue;
    }
    // The first line not skipped is in this chunk.
    let start = 0;
    for (;;) {
      const end = data.indexOf(NEWLINE, start);
      if (end < 0 || !skip(looseUtf8.decode(data.subarray(start, end)))) break;
      start = end + 1;
    }
    skipping = false;
    onStart(dropped + start);
    carry = undefined;
    yield data.subarray(start);
  }
  if (skipping) {
    const rest = carry ?? new Uint8Array(0);
    const skipRest = rest.length > 0 && skip(looseUtf8.decode(rest));
    onStart(dropped + (skipRest ? rest.length : 0));
    if (!skipRest && rest.length > 0) yield rest;
  }
}

function splitLines(bytes: Uint8Array, maxLineBytes: number, at: number): LineBatch {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new NotStreamable("a line is not valid UTF-8");
  }
  const lines = text.split("\n");
  // A UTF-16 code unit is at most 3 bytes of UTF-8: lines of a batch shorter than a third of the limit are within it.
  const checkLength = bytes.length > maxLineBytes;
  for (const line of lines) {
    if (line === "") throw new NotStreamable("a blank line");
    if (checkLength && line.length * 3 > maxLineBytes) throw new NotStreamable("a line is too long");
  }
  return { lines, plain: !mightHaveForbiddenKey(text), at };
}

/** One line as parseJsonLines would parse it (`plain`: it cannot hold a forbidden key); anything else refuses. */
function parseRecord(line: string, plain: boolean): Record<string, unknown> {
  let value: unknown;
  if (plain) {
    try {
      value = JSON.parse(line);
    } catch {
      throw new NotStreamable("a line is not valid JSON");
    }
  } else {
    const parsed = parseJsonSafe(line);
    if (!parsed.ok) throw new NotStreamable(`a line ${parsed.reason}`);
    value = parsed.value;
  }
  if (!isJsonObject(value)) throw new NotStreamable("a line is not a JSON object");
  return value;
}

/** The tables of an {@link IdHashSet}: the two hashes of each id, 0 in `low` for an empty slot. */
export interface IdHashTables {
  low: Int32Array;
  high: Int32Array;
}

/**
 * A set of ids kept as two 32-bit hashes each, about 16 bytes an id rather
 * than the id itself in a Map: a million span ids in 16 MB. Two different ids
 * with equal hashes (about one chance in 10^7 for a million ids) look like a
 * repeated id, which only sends the file to the decoder, whose Map is exact.
 */
export class IdHashSet {
  private low = new Int32Array(1 << 16);
  private high = new Int32Array(1 << 16);
  private count = 0;

  /** Adds `id`; true if it (or an id with the same hashes) was there already. */
  addOrFind(id: string): boolean {
    let a = 0x811c9dc5 | 0;
    let b = 0x9747b28c | 0;
    for (let i = 0; i < id.length; i++) {
      const c = id.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995);
      b ^= b >>> 15;
    }
    a ^= a >>> 16;
    b = Math.imul(b ^ (b >>> 13), 0x85ebca6b);
    b ^= b >>> 16;
    // 0 marks an empty slot.
    if (a === 0) a = 1;
    if ((this.count + 1) * 2 > this.low.length) this.grow();
    return this.insert(a, b);
  }

  /** The set's tables, to send to another thread. */
  tables(): IdHashTables {
    return { low: this.low, high: this.high };
  }

  /** Adds the ids of `tables`; true if any was there already. */
  addAll(tables: IdHashTables): boolean {
    let found = false;
    for (let i = 0; i < tables.low.length; i++) {
      if (tables.low[i] === 0) continue;
      if ((this.count + 1) * 2 > this.low.length) this.grow();
      if (this.insert(tables.low[i]!, tables.high[i]!)) found = true;
    }
    return found;
  }

  private insert(a: number, b: number): boolean {
    const mask = this.low.length - 1;
    for (let slot = (b ^ Math.imul(a, 0x9e3779b1)) & mask; ; slot = (slot + 1) & mask) {
      const found = this.low[slot]!;
      if (found === 0) {
        this.low[slot] = a;
        this.high[slot] = b;
        this.count++;
        return false;
      }
      if (found === a && this.high[slot] === b) return true;
    }
  }

  private grow(): void {
    const { low, high } = this;
    this.low = new Int32Array(low.length * 2);
    this.high = new Int32Array(high.length * 2);
    this.count = 0;
    for (let i = 0; i < low.length; i++) if (low[i] !== 0) this.insert(low[i]!, high[i]!);
  }
}
