/**
 * Reading one project file in parts on several threads: what a part is, what
 * each part reports, and the checks that the parts together make one valid
 * file (what the streaming reader checks across the whole file when it reads
 * it alone).
 */
import { IdHashSet, type IdHashTables } from "./idHashSet";
import { NotStreamable } from "./notStreamable";

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

/** What {@link checkParts} needs of the file as a whole (a ProjectStream gives it). */
export interface WholeFileCounts {
  /** The manifest's counts of documents and spans. */
  counts: { documents: number; spans: number };
  links?: readonly { docId: string }[];
}

/**
 * Checks that parts read on their own (in order, the first from document 0,
 * the last to the end) make one valid file: each part starts at the span
 * where the one before ended, no id or text is in two parts, and every link's
 * document is in some part.
 */
export function checkParts(stream: WholeFileCounts, parts: readonly PartSummary[]): void {
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
