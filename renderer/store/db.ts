import Dexie, { type Table } from "dexie";

/** A project's documents in import order, through the [projectId+createdAt] index. */
export function projectDocuments(db: SpanwiseDB, projectId: string) {
  return db.documents.where("[projectId+createdAt]").between([projectId, Dexie.minKey], [projectId, Dexie.maxKey]);
}
import type { ActorRecord, LinkRecord } from "../../shared/coding/model";
import type { DocumentRecord, DocumentText, Project, SpanRecord } from "../../shared/model";

/**
 * What a project file held that this version does not read: members by path
 * and unknown manifest fields. Kept per project so that saving the project
 * again writes them back (a newer colleague's data survives the round trip).
 */
export interface ProjectExtras {
  projectId: string;
  unknownMembers: Record<string, Uint8Array>;
  manifestExtra?: Record<string, unknown>;
}

/**
 * A document's spans, kept together in one record: a document's spans are
 * read and written as one (opening it, exporting the project), and one
 * record per document reads about three times as fast as one per span
 * (1,000,000 spans over 10,000 documents on disk: 2.2 s against 7.7 s in
 * key order, 38–54 s through a docId index). Each span is kept as a
 * {@link StoredSpan} in id order, tombstones included.
 */
export interface SpanSet {
  docId: string;
  projectId: string;
  spans: StoredSpan[];
}

/**
 * A span as its document's set keeps it: its fields in a fixed order, without
 * the document and project (the set's), and any further fields (attributes,
 * actor, what a newer version wrote) in an object at the end. An array
 * stores without its field names, and reads back in half the time of an
 * object (1,000,000 spans: 1.2–1.4 s against 2.5–3.5 s, objects rebuilt).
 */
export type StoredSpan = [id: string, start: number, end: number, label: string, annotator: string, createdAt: number, updatedAt: number, deleted: 0 | 1, more?: Record<string, unknown>];

const SPAN_FIELDS = new Set(["id", "projectId", "docId", "start", "end", "label", "annotator", "createdAt", "updatedAt", "deleted"]);

/** A span in its stored form; it must belong to the set's document and project. */
export function toStoredSpan(span: SpanRecord): StoredSpan {
  const stored: StoredSpan = [span.id, span.start, span.end, span.label, span.annotator, span.createdAt, span.updatedAt, span.deleted ? 1 : 0];
  let more: Record<string, unknown> | undefined;
  for (const key of Object.keys(span)) if (!SPAN_FIELDS.has(key)) (more ??= {})[key] = (span as unknown as Record<string, unknown>)[key];
  if (more) stored.push(more);
  return stored;
}

/** The span a set keeps as `stored`. */
export function fromStoredSpan(set: Pick<SpanSet, "docId" | "projectId">, stored: StoredSpan): SpanRecord {
  const [id, start, end, label, annotator, createdAt, updatedAt, deleted, more] = stored;
  const span: SpanRecord = { id, projectId: set.projectId, docId: set.docId, start, end, label, annotator, createdAt, updatedAt, deleted: deleted === 1 };
  return more ? Object.assign(span, more) : span;
}

export interface Setting {
  key: string;
  value: unknown;
}

/**
 * The local store. Schema versions are only ever appended, each with its
 * upgrade, so a database written by any earlier version still opens.
 */
export class SpanwiseDB extends Dexie {
  projects!: Table<Project, string>;
  documents!: Table<DocumentRecord, string>;
  texts!: Table<DocumentText, string>;
  spanSets!: Table<SpanSet, string>;
  settings!: Table<Setting, string>;
  projectExtras!: Table<ProjectExtras, string>;
  links!: Table<LinkRecord, string>;
  actors!: Table<ActorRecord, string>;

  constructor(name = "spanwise") {
    // Strict durability: a transaction reports success only after the data
    // is flushed to disk, so "Saved" survives a killed process or a power cut
    // (Chromium's default is relaxed, which can lose the last seconds).
    // No autoOpen: the store is opened only by openStore(), which first checks
    // that it is safe to (a query must never open and patch a newer store).
    super(name, { chromeTransactionDurability: "strict", autoOpen: false });
    this.version(1).stores({
      projects: "id",
      documents: "id, projectId, [projectId+textHash], [projectId+title]",
      texts: "docId",
      spans: "id, docId, projectId",
      settings: "key",
    });
    // v2: a table for what project files carried that this version does not
    // read. A new table needs no upgrade of existing rows.
    this.version(2).stores({ projectExtras: "projectId" });
    // v3: event coding. Links between spans (found from either end) and the
    // actor registry. New tables; span attributes are new optional fields.
    this.version(3).stores({ links: "id, docId, projectId, from, to", actors: "id, projectId" });
    // v4: documents in a project's import order straight from an index, so
    // the first page of a 100,000-document list comes without loading all.
    this.version(4).stores({ documents: "id, projectId, [projectId+textHash], [projectId+title], [projectId+createdAt]" });
    // v5: each document's spans in one record (see SpanSet) instead of one
    // record per span. The upgrade moves them one document at a time, in the
    // order of the old docId index, so memory holds one document's spans.
    this.version(5)
      .stores({ spanSets: "docId, projectId", spans: null })
      .upgrade(async (tx) => {
        const sets = tx.table<SpanSet, string>("spanSets");
        let current: SpanSet | null = null;
        const writes: Promise<unknown>[] = [];
        await tx.table<SpanRecord, string>("spans").orderBy("docId").each((span) => {
          if (current?.docId !== span.docId) {
            if (current) writes.push(sets.add(current));
            current = { docId: span.docId, projectId: span.projectId, spans: [] };
          }
          current.spans.push(toStoredSpan(span));
        });
        const last = current as SpanSet | null;
        if (last) writes.push(sets.add(last));
        await Promise.all(writes);
      });
  }
}

export const db = new SpanwiseDB();
