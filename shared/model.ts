/**
 * The domain records Spanwise keeps. Pure data: the store (renderer/store),
 * the project-file codec and the CLI all speak these shapes.
 *
 * Offsets inside these records are JavaScript string indices (UTF-16 code
 * units), half-open `[start, end)`, into the document's stored text. Every
 * boundary to the outside (export, project files, CLI) converts them to
 * Unicode code points with shared/offsets.ts.
 */

import type { AttrValue, AttributeDef, LinkTypeDef } from "./coding/codebook";

/** A tag that can be put on a span. `key` is its keyboard shortcut. */
export interface LabelDef {
  id: string;
  name: string;
  color: string;
  key: string;
  /** What a span of this label records besides its text (see shared/coding/model.ts). Absent: none. */
  attributes?: AttributeDef[];
}

/** The four labels every project starts with. */
export const DEFAULT_LABELS: readonly LabelDef[] = [
  { id: "actor", name: "Actor", color: "#2563eb", key: "1" },
  { id: "event", name: "Event", color: "#dc2626", key: "2" },
  { id: "date", name: "Date", color: "#059669", key: "3" },
  { id: "quote", name: "Quote", color: "#9333ea", key: "4" },
];

export interface Project {
  id: string;
  name: string;
  labels: LabelDef[];
  /** The kinds of link between spans; absent means {@link DEFAULT_LINK_TYPES} (shared/coding/model.ts). */
  linkTypes?: LinkTypeDef[];
  createdAt: number;
  updatedAt: number;
}

/** A document's metadata; its text is kept apart so lists stay light. */
export interface DocumentRecord {
  id: string;
  projectId: string;
  title: string;
  /** SHA-256 (hex) of the stored text: the identity used to match documents across projects. */
  textHash: string;
  /** Length of the stored text in UTF-16 code units. */
  length: number;
  createdAt: number;
  /**
   * When the document was published: an ISO 8601 date ("2022-05-10"), taken
   * from the text when it says (shared/coding/publication.ts) or entered by
   * the user. Relative dates in the text ("on Thursday") are read against it.
   */
  publishedAt?: string;
  /** The name of the file the text was imported from ("000_bc1e5b86ce48cb8e.txt"), when it came from one; the title is the headline. */
  source?: string;
  /** How far the coder has got with the document, as they set it; absent means "new". */
  status?: DocumentStatus;
  /** When the coder last renamed the document or set its status or publication date (epoch ms); absent: never. A merge keeps the later. */
  updatedAt?: number;
  /** The local store's revision of this record, as on {@link SpanRecord.rev}: never written to files. */
  rev?: number;
}

/** Where the coder is with a document: they set it, from the document list or by a key. */
export type DocumentStatus = "new" | "in-progress" | "done";

export const DOCUMENT_STATUSES: readonly { id: DocumentStatus; name: string }[] = [
  { id: "new", name: "New" },
  { id: "in-progress", name: "In progress" },
  { id: "done", name: "Done" },
];

/** A document's status, "new" when it has none. */
export function statusOf(doc: Pick<DocumentRecord, "status">): DocumentStatus {
  return doc.status ?? "new";
}

export interface DocumentText {
  docId: string;
  text: string;
}

/** A stand-off annotation. Deleting sets `deleted` and keeps the record as a tombstone. */
export interface SpanRecord {
  id: string;
  projectId: string;
  docId: string;
  /** UTF-16 code unit offsets into the document text, half-open. */
  start: number;
  end: number;
  label: string;
  annotator: string;
  createdAt: number;
  updatedAt: number;
  deleted: boolean;
  /** Values of the label's attributes, by attribute id (see shared/coding/model.ts). */
  attrs?: Record<string, AttrValue>;
  /** The registry actor this span names (an {@link ActorRecord} id): the value of its label's `actor` attribute. */
  actorId?: string;
  /** Who made the last change, when not the annotator (a relabel by a colleague, an undo); absent: the annotator. */
  updatedBy?: string;
  /**
   * The local store's revision of this record (renderer/store/db.ts,
   * STORE_REV): set by every write there, compared by the next. Local to one
   * store: never written to files, never compared across stores.
   */
  rev?: number;
}

/**
 * A record removed at `now`: kept as a tombstone (spans, links, actors), so
 * that the removal travels to colleagues in a merge like any later edit.
 */
export function tombstone<T extends { deleted: boolean; updatedAt: number }>(record: T, now: number): T {
  return { ...record, deleted: true, updatedAt: now };
}

/** Orders spans as a reader meets them: by start, then the longer first, then by id. */
export function compareSpans(a: Pick<SpanRecord, "start" | "end" | "id">, b: Pick<SpanRecord, "start" | "end" | "id">): number {
  return a.start - b.start || b.end - a.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Spans that are not tombstones, in reading order. */
export function liveSpans<T extends SpanRecord>(spans: readonly T[]): T[] {
  return spans.filter((s) => !s.deleted).sort(compareSpans);
}
