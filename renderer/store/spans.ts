import Dexie from "dexie";
import type { SpanRecord } from "../../shared/model";
import { db, fromPackedSpan, STORE_REV, toPackedSpan, type SpanHead, type SpanPack } from "./db";
import { announceSpans } from "./changes";

/**
 * Spans as the store keeps them: one record per span, keyed [docId+id],
 * each with its revision `rev`, plus a per-document read cache (SpanPack).
 * Every read and write of spans goes through here. Writes must run inside a
 * read-write transaction over {@link SPAN_TABLES}.
 *
 * Reading a document: its pack, then the spans written since the pack was
 * made (`[docId+rev]` above the pack's `rev`), merged by id; that query is
 * skipped when the document's head (the highest `rev` of its spans, see
 * SpanHead) says nothing was written since. Packs are
 * rebuilt after a read that found many spans newer than its pack (at
 * {@link PACK_REBUILD_AT}), a little later and in a transaction of their
 * own, so no write ever rewrites a pack: a tag writes its one record.
 */

export const SPAN_TABLES = () => [db.spans, db.spanPacks, db.spanHeads, db.counters];

/** Past this many spans newer than its pack, a document's pack is rebuilt. */
export const PACK_REBUILD_AT = 64;

/** Takes the store's next change number (see STORE_REV). Call inside a read-write transaction over `db.counters`. */
export async function takeRev(): Promise<number> {
  const rev = ((await db.counters.get(STORE_REV))?.value ?? 0) + 1;
  await db.counters.put({ name: STORE_REV, value: rev });
  return rev;
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function spansOfPack(pack: SpanPack | undefined): SpanRecord[] {
  return pack ? pack.spans.map((packed) => fromPackedSpan(pack, packed)) : [];
}

/** `stored` (in id order) with `changed` (in id order, ids unique) put in: an entry of the same id is replaced. */
export function withById<T>(stored: readonly T[], changed: readonly T[], id: (item: T) => string): T[] {
  const out: T[] = [];
  let i = 0;
  for (const item of changed) {
    const key = id(item);
    while (i < stored.length && id(stored[i]!) < key) out.push(stored[i++]!);
    if (i < stored.length && id(stored[i]!) === key) i++;
    out.push(item);
  }
  while (i < stored.length) out.push(stored[i++]!);
  return out;
}

const docRange = (docId: string) => db.spans.where("[docId+id]").between([docId, Dexie.minKey], [docId, Dexie.maxKey]);

/** A document's spans read record by record (no pack): what a pack is rebuilt from. */
function scanDocument(docId: string): Promise<SpanRecord[]> {
  return docRange(docId).toArray();
}

const stale = new Set<string>();
let rebuildTimer: ReturnType<typeof setTimeout> | null = null;

/** Rebuilds these documents' packs soon, in a transaction of their own (a read never writes). */
function schedulePackRebuild(docIds: Iterable<string>): void {
  for (const id of docIds) stale.add(id);
  if (rebuildTimer || stale.size === 0) return;
  rebuildTimer = setTimeout(() => {
    rebuildTimer = null;
    const ids = [...stale];
    stale.clear();
    // A failure (the store closed meanwhile) leaves the packs as they were: still correct, only slower.
    rebuildPacks(ids).catch(() => undefined);
  }, 200);
}

/**
 * Makes these documents' packs anew from their span records. The result of
 * a read is the same before and after (the pack is a cache); reads after it
 * need fewer records.
 */
export async function rebuildPacks(docIds: readonly string[]): Promise<void> {
  await db.transaction("rw", SPAN_TABLES(), async () => {
    const rev = (await db.counters.get(STORE_REV))?.value ?? 0;
    for (const docId of docIds) {
      const spans = await scanDocument(docId);
      if (spans.length === 0) {
        await db.spanPacks.delete(docId);
        await db.spanHeads.delete(docId);
      } else {
        await db.spanPacks.put({ docId, projectId: spans[0]!.projectId, rev, spans: spans.map(toPackedSpan) });
        await db.spanHeads.put({ docId, rev: Math.max(...spans.map((s) => s.rev ?? 0)) });
      }
    }
  });
}

/** A document's spans written since its pack was made; none asked for when its head says there are none. */
function spansSincePack(pack: SpanPack, head: SpanHead | undefined): Promise<SpanRecord[]> | SpanRecord[] {
  if (head && head.rev <= pack.rev) return [];
  return db.spans.where("[docId+rev]").between([pack.docId, pack.rev + 1], [pack.docId, Dexie.maxKey], true, true).toArray();
}

/**
 * The spans of several documents, in the order of `docIds` (an empty list
 * for a document without spans), each in id order, tombstones included:
 * each document's pack, then, for a document whose head is past its pack,
 * the spans written since it (one key-range read per such document on
 * `[docId+rev]`, all issued at once). All in one read transaction, so pack,
 * head and delta agree. Not one read for the project above the oldest pack:
 * packs written at different times (an import in several transactions,
 * rebuilds) would make every batch read nearly every span of the project
 * again.
 */
export function spansOfDocuments(docIds: readonly string[]): Promise<SpanRecord[][]> {
  return db.transaction("r", SPAN_TABLES(), () => readSpansOfDocuments(docIds));
}

async function readSpansOfDocuments(docIds: readonly string[]): Promise<SpanRecord[][]> {
  const [packs, heads] = await Promise.all([db.spanPacks.bulkGet([...docIds]), db.spanHeads.bulkGet([...docIds])]);
  const newer = await Promise.all(packs.map((pack, i) => (pack ? spansSincePack(pack, heads[i]) : [])));
  const lagging = packs.flatMap((pack, i) => (pack && newer[i]!.length > PACK_REBUILD_AT ? [pack.docId] : []));
  if (lagging.length) schedulePackRebuild(lagging);
  return packs.map((pack, i) => {
    const base = spansOfPack(pack);
    const own = newer[i]!;
    return own.length ? withById(base, own.sort(byId), (s) => s.id) : base;
  });
}

/**
 * How many live (not deleted) spans a document has: its pack's entries
 * counted without decoding them, with the spans written since it in their
 * place. One small read, never a walk over every span record (a cursor over
 * 10,000 records held the store for the tag that waited behind it).
 */
export function liveSpanCount(docId: string): Promise<number> {
  return db.transaction("r", SPAN_TABLES(), async () => {
    const [pack, head] = await Promise.all([db.spanPacks.get(docId), db.spanHeads.get(docId)]);
    if (!pack) return 0;
    const changed = new Map((await spansSincePack(pack, head)).map((s) => [s.id, s]));
    let live = 0;
    for (const packed of pack.spans) if (packed[7] === 0 && !changed.has(packed[0])) live++;
    for (const span of changed.values()) if (!span.deleted) live++;
    return live;
  });
}

/** A document's spans, tombstones included, in id order. */
export async function documentSpans(docId: string): Promise<SpanRecord[]> {
  return (await spansOfDocuments([docId]))[0]!;
}

/** All of a project's spans, tombstones included, document by document. */
export async function projectSpans(projectId: string): Promise<SpanRecord[]> {
  const docIds = await db.spanPacks.where("projectId").equals(projectId).primaryKeys();
  return (await spansOfDocuments(docIds)).flat();
}

/** The stored versions of these spans (undefined where none), for a compare-and-set inside a write. */
export function storedSpans(keys: readonly Pick<SpanRecord, "docId" | "id">[]): Promise<(SpanRecord | undefined)[]> {
  return db.spans.bulkGet(keys.map((k) => [k.docId, k.id] as [string, string]));
}

/**
 * Writes spans, new ones or new versions of stored ones (the same id in the
 * same document), all with revision `rev` (the transaction's; taken when not
 * given). A document's first span also gets the document an (empty) pack, so
 * that every document with spans has one and reads find its spans through it.
 * Returns the spans as written.
 */
export async function putSpans(spans: readonly SpanRecord[], rev?: number): Promise<SpanRecord[]> {
  if (spans.length === 0) return [];
  const docs = new Map(spans.map((s) => [s.docId, s.projectId]));
  // A document belongs to one project: its spans (and its pack) name that project.
  for (const [docId, projectId] of docs) {
    const owner = (await docRange(docId).first())?.projectId ?? projectId;
    const stray = spans.find((s) => s.docId === docId && s.projectId !== owner);
    if (stray) throw new Error(`Span ${stray.id} of document ${docId} names project ${stray.projectId}, not ${owner}.`);
  }
  const at = rev ?? (await takeRev());
  const written = spans.map((s) => ({ ...s, rev: at }));
  const packed = new Set(await db.spanPacks.where(":id").anyOf([...docs.keys()]).primaryKeys());
  for (const [docId, projectId] of docs) if (!packed.has(docId)) await db.spanPacks.add({ docId, projectId, rev: 0, spans: [] });
  await db.spans.bulkPut(written);
  await db.spanHeads.bulkPut([...docs.keys()].map((docId) => ({ docId, rev: at })));
  announceSpans(written);
  return written;
}

/** Stores the spans of documents that have none stored yet (a project being added), with their packs. */
export async function addSpans(spans: readonly SpanRecord[]): Promise<void> {
  if (spans.length === 0) return;
  const rev = await takeRev();
  const written = spans.map((s) => ({ ...s, rev }));
  const byDoc = new Map<string, SpanRecord[]>();
  for (const span of written) {
    const own = byDoc.get(span.docId);
    if (own) own.push(span);
    else byDoc.set(span.docId, [span]);
  }
  await db.spans.bulkAdd(written);
  await db.spanPacks.bulkAdd([...byDoc].map(([docId, own]) => ({ docId, projectId: own[0]!.projectId, rev, spans: own.sort(byId).map(toPackedSpan) })));
  await db.spanHeads.bulkPut([...byDoc.keys()].map((docId) => ({ docId, rev })));
  announceSpans(written);
}

/** Removes all of a project's spans and their packs. */
export async function deleteProjectSpans(projectId: string): Promise<void> {
  await db.spanHeads.bulkDelete(await db.spanPacks.where("projectId").equals(projectId).primaryKeys());
  await db.spans.where("[projectId+rev]").between([projectId, Dexie.minKey], [projectId, Dexie.maxKey]).delete();
  await db.spanPacks.where("projectId").equals(projectId).delete();
}
