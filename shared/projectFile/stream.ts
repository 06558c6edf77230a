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
  /** The number of documents, as the manifest counts them (checked at the end). */
  documentCount: number;
  /**
   * The documents with their spans. Every check that needs the whole file
   * (checksums, counts, references) runs after the last document and before
   * the generator returns: a consumer must not keep what it made of the
   * documents unless the loop ends without a throw.
   */
  documents(): AsyncGenerator<StreamedDocument, void, undefined>;
}

const utf8 = new TextDecoder("utf-8", { fatal: true });
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

  const memberRecords = (name: string) => {
    const entry = entries.get(name) ?? refuse(`${name} missing`);
    return jsonRecordBatches(checkedChunks(source, entry, members[name]!.sha256), limits.maxLineBytes);
  };

  async function* documents(): AsyncGenerator<StreamedDocument, void, undefined> {
    const docIds = new Set<string>();
    const textHashes = new Set<string>();
    const spanIds = new IdHashSet();
    const documentBatches = memberRecords(DOCUMENTS_MEMBER)[Symbol.asyncIterator]();
    let documentBatch: Record<string, unknown>[] = [];
    let documentAt = 0;

    /** The next document of documents.jsonl, checked; undefined at the end. */
    const nextDocument = async (): Promise<{ document: SnapshotDocument; text: DocumentText } | undefined> => {
      while (documentAt >= documentBatch.length) {
        const next = await documentBatches.next();
        if (next.done) return undefined;
        documentBatch = next.value;
        documentAt = 0;
      }
      const raw = documentBatch[documentAt++]!;
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
    for await (const batch of memberRecords(SPANS_MEMBER)) {
      for (const raw of batch) {
        spanCount++;
        const parsed = spanLineSchema.safeParse(raw);
        if (!parsed.success) return refuse(SPANS_MEMBER);
        const line = parsed.data;
        if (spanIds.addOrFind(line.id)) refuse("span id possibly used twice");
        // Spans come grouped by document, in the documents' order: a span of another document ends the current one.
        while (current && current.document.doc.id !== line.docId) {
          yield { document: current.document, spans };
          spans = [];
          current = await nextDocument();
        }
        if (!current) return refuse("a span of a missing document, or spans out of document order");
        const span = readSpan(line, raw, current.text, project.id, labelIds, refuse);
        if (!span) return refuse("span");
        spans.push(span);
      }
    }
    while (current) {
      yield { document: current.document, spans };
      spans = [];
      current = await nextDocument();
    }
    // What needs the whole file: counts, and links of documents that are in it.
    if (docIds.size !== counts.documents || spanCount !== counts.spans) refuse("counts");
    for (const link of coding.links ?? []) if (!docIds.has(link.docId)) refuse("a link of a missing document");
  }

  return {
    project,
    ...(coding.links !== undefined ? { links: coding.links } : {}),
    ...(coding.actors !== undefined ? { actors: coding.actors } : {}),
    documentCount: counts.documents,
    documents,
  };
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

/**
 * The JSON objects of a JSON Lines stream, a batch of lines at a time. Each
 * batch is decoded as one string (one decode per line costs more than the
 * parsing); every line is parsed on its own, as parseJsonLines does. A line
 * that would not parse there (or whose blankness is not plain) refuses.
 */
export async function* jsonRecordBatches(chunks: AsyncIterable<Uint8Array>, maxLineBytes: number): AsyncGenerator<Record<string, unknown>[], void, undefined> {
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
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
    yield parseLines(lines, maxLineBytes);
  }
  if (pendingBytes > 0) yield parseLines(concatBytes(pending), maxLineBytes);
}

function parseLines(bytes: Uint8Array, maxLineBytes: number): Record<string, unknown>[] {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new NotStreamable("a line is not valid UTF-8");
  }
  const plain = !mightHaveForbiddenKey(text);
  const records: Record<string, unknown>[] = [];
  // A UTF-16 code unit is at most 3 bytes of UTF-8: lines of a batch shorter than a third of the limit are within it.
  const checkLength = bytes.length > maxLineBytes;
  for (const line of text.split("\n")) {
    // A blank line is skipped by the decoder; only empty ones are skipped here (others fail to parse and refuse).
    if (line === "") continue;
    if (checkLength && line.length * 3 > maxLineBytes) throw new NotStreamable("a line is too long");
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
    records.push(value);
  }
  return records;
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
