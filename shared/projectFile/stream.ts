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
import { readCodingMembers } from "./codingMembers";
import { DEFAULT_LIMITS, DOCUMENTS_MEMBER, MANIFEST_MEMBER, PROJECT_MEMBER, SPANS_MEMBER, type ProjectFileLimits } from "./format";
import { LineNumbers, parseJsonObjectMember } from "./jsonLines";
import { readLayout } from "./layout";
import { CURRENT_FORMAT_VERSION } from "./migrations";
import { readProject, readSpan, snapshotDocument, type DocumentText } from "./recordReaders";
import { documentLineSchema, manifestSchema, spanLineSchema } from "./records";
import type { SnapshotActor, SnapshotDocument, SnapshotLink, SnapshotProject, SnapshotSpan } from "./snapshot";
import { IdHashSet } from "./idHashSet";
import { NotStreamable } from "./notStreamable";
import type { PartSummary, StreamPart } from "./streamParts";
import { unknownMemberKeyProblem } from "./unknownMembers";
import { LineCursor, lineBatches, parseRecord, quickDocId, skipLeadingLines } from "./streamLines";
import { inflateEntry, type RawInflate, type ZipEntry, type ZipSource } from "./zipRead";

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
   * documents, and the checks across parts are left to checkParts (streamParts.ts).
   */
  documents(part?: StreamPart): AsyncGenerator<StreamedDocument, void, undefined>;
  /** After {@link documents} has ended: what checkParts (streamParts.ts) needs to join this part to the next. */
  summary(): PartSummary;
}

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
  for (const [name, bytes] of otherMembers) {
    const problem = unknownMemberKeyProblem(name, bytes);
    if (problem) refuse(problem);
  }

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

