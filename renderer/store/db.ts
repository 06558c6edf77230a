import Dexie, { type Table } from "dexie";

/** A project's documents in import order, through the [projectId+createdAt] index. */
export function projectDocuments(db: SpanwiseDB, projectId: string) {
  return db.documents.where("[projectId+createdAt]").between([projectId, Dexie.minKey], [projectId, Dexie.maxKey]);
}
import type { ActorRecord, LinkRecord } from "../../shared/coding/model";
import type { DocumentRecord, DocumentText, Project, SpanRecord } from "../../shared/model";
import { toPackedSpan, type PackedSpan } from "./packedSpan";

export { fromPackedSpan, toPackedSpan, type PackedSpan } from "./packedSpan";

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
 * A document's spans as schema v5 kept them, in one record per document
 * (table `spanSets`, dropped in v6). Read only by the v6 upgrade.
 */
export interface SpanSetV5 {
  docId: string;
  projectId: string;
  spans: StoredSpanV5[];
}

/** A span in a v5 set: its fields in a fixed order, further fields (attributes, actor, unknown) in an object at the end. */
export type StoredSpanV5 = [id: string, start: number, end: number, label: string, annotator: string, createdAt: number, updatedAt: number, deleted: 0 | 1, more?: Record<string, unknown>];

const V5_FIELDS = new Set(["id", "projectId", "docId", "start", "end", "label", "annotator", "createdAt", "updatedAt", "deleted"]);

/** A span in the v5 set layout (what the v5 upgrade wrote). */
function toStoredSpanV5(span: SpanRecord): StoredSpanV5 {
  const stored: StoredSpanV5 = [span.id, span.start, span.end, span.label, span.annotator, span.createdAt, span.updatedAt, span.deleted ? 1 : 0];
  let more: Record<string, unknown> | undefined;
  for (const key of Object.keys(span)) if (!V5_FIELDS.has(key)) (more ??= {})[key] = (span as unknown as Record<string, unknown>)[key];
  if (more) stored.push(more);
  return stored;
}

/** The span a v5 set keeps as `stored`. */
export function fromStoredSpanV5(set: Pick<SpanSetV5, "docId" | "projectId">, stored: StoredSpanV5): SpanRecord {
  const [id, start, end, label, annotator, createdAt, updatedAt, deleted, more] = stored;
  const span: SpanRecord = { id, projectId: set.projectId, docId: set.docId, start, end, label, annotator, createdAt, updatedAt, deleted: deleted === 1 };
  return more ? Object.assign(span, more) : span;
}

/**
 * A read cache of one document's spans, never the truth and never synced:
 * every span (tombstones included, in id order) as it was when the store's
 * change counter stood at `rev`. A read takes the pack plus the spans whose
 * `rev` is higher (the `[docId+rev]` index), so a tag writes one span record
 * and the pack is rebuilt only now and then (see renderer/store/spans.ts).
 * Why: one IndexedDB record per span reads about five times slower than a
 * packed array (1,000,000 spans on disk: 7.7 s in key order against
 * 1.2–1.4 s), and the export reads every span of a project.
 */
export interface SpanPack {
  docId: string;
  projectId: string;
  rev: number;
  spans: PackedSpan[];
}

/**
 * The highest `rev` of any of a document's span records: written with every
 * span write, in the same transaction, so a read can tell from one small
 * record whether the document's pack is current (head ≤ pack's `rev`) and
 * skip its `[docId+rev]` delta query. Derived like the pack; a document
 * without a head (none written yet) is read with the query.
 */
export interface SpanHead {
  docId: string;
  rev: number;
}

/** A counter of the store (see STORE_REV). */
export interface Counter {
  name: string;
  value: number;
}

/**
 * The store's change counter: every write transaction takes the next
 * number and gives it, as `rev`, to every span, link and actor it writes.
 * So `rev` is at once a record's revision (a write names the one it was
 * made from: compare-and-set) and a change stamp in commit order (the
 * `[projectId+rev]` index lists what changed since).
 */
export const STORE_REV = "rev";

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
  spans!: Table<SpanRecord, [string, string]>;
  spanPacks!: Table<SpanPack, string>;
  spanHeads!: Table<SpanHead, string>;
  counters!: Table<Counter, string>;
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
        const sets = tx.table<SpanSetV5, string>("spanSets");
        let current: SpanSetV5 | null = null;
        const writes: Promise<unknown>[] = [];
        await tx.table<SpanRecord, string>("spans").orderBy("docId").each((span) => {
          if (current?.docId !== span.docId) {
            if (current) writes.push(sets.add(current));
            current = { docId: span.docId, projectId: span.projectId, spans: [] };
          }
          current.spans.push(toStoredSpanV5(span));
        });
        const last = current as SpanSetV5 | null;
        if (last) writes.push(sets.add(last));
        await Promise.all(writes);
      });
    // v6: one record per span again, now keyed [docId+id] so that a
    // document's spans are adjacent in key order (a key-range scan, not index
    // hops), each with a revision `rev` (see STORE_REV); links and actors get
    // `rev` too. Indexes for what comes: by document and position, by
    // document and annotator, by document and change (the packs' delta),
    // by project and change (what changed since, for sync). The read
    // cache `spanPacks` starts as the v5 sets themselves, so the first reads
    // after the upgrade are as fast as before it. One document at a time.
    this.version(6)
      .stores({
        spans: "[docId+id], [docId+start], [docId+annotator], [docId+rev], [projectId+rev]",
        spanPacks: "docId, projectId",
        counters: "name",
        spanSets: null,
        links: "id, docId, projectId, from, to, [projectId+rev]",
        actors: "id, projectId, [projectId+rev]",
      })
      .upgrade(async (tx) => {
        // Every record the upgrade writes carries revision 1; later writes count on from there.
        const rev = 1;
        const spans = tx.table<SpanRecord, [string, string]>("spans");
        const packs = tx.table<SpanPack, string>("spanPacks");
        const writes: Promise<unknown>[] = [];
        await tx.table<SpanSetV5, string>("spanSets").each((set) => {
          const own = set.spans.map((stored) => ({ ...fromStoredSpanV5(set, stored), rev }));
          writes.push(spans.bulkAdd(own), packs.add({ docId: set.docId, projectId: set.projectId, rev, spans: own.map(toPackedSpan) }));
        });
        await tx.table("links").toCollection().modify({ rev });
        await tx.table("actors").toCollection().modify({ rev });
        await tx.table<Counter, string>("counters").put({ name: STORE_REV, value: rev });
        await Promise.all(writes);
      });
    // v7: each document's span head (see SpanHead), so that reading many
    // documents (an export, a project file) asks the span records only of
    // documents changed since their pack, not one query per document. The
    // heads come from one keys-only walk of the `[docId+rev]` index.
    this.version(7)
      .stores({ spanHeads: "docId" })
      .upgrade(async (tx) => {
        const heads = new Map<string, number>();
        await tx
          .table<SpanRecord, [string, string]>("spans")
          .orderBy("[docId+rev]")
          .eachKey((key) => {
            const [docId, rev] = key as [string, number];
            heads.set(docId, rev);
          });
        await tx.table<SpanHead, string>("spanHeads").bulkPut([...heads].map(([docId, rev]) => ({ docId, rev })));
      });
  }
}

export const db = new SpanwiseDB();
