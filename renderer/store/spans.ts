import type { SpanRecord } from "../../shared/model";
import { db, fromStoredSpan, toStoredSpan, type SpanSet, type StoredSpan } from "./db";

/**
 * Spans as the store keeps them: one record per document (see SpanSet).
 * Every read and write of spans goes through here. Writes must run inside a
 * read-write transaction that includes `db.spanSets`.
 */

/** The spans a set keeps, tombstones included, in id order. */
function spansOf(set: SpanSet | undefined): SpanRecord[] {
  return set ? set.spans.map((stored) => fromStoredSpan(set, stored)) : [];
}

/** A document's spans, tombstones included, in id order. */
export async function documentSpans(docId: string): Promise<SpanRecord[]> {
  return spansOf(await db.spanSets.get(docId));
}

/** The spans of several documents, in the order of `docIds` (an empty list for a document without spans). */
export async function spansOfDocuments(docIds: readonly string[]): Promise<SpanRecord[][]> {
  return (await db.spanSets.bulkGet([...docIds])).map(spansOf);
}

/** All of a project's spans, tombstones included, document by document. */
export async function projectSpans(projectId: string): Promise<SpanRecord[]> {
  const sets = await db.spanSets.where("projectId").equals(projectId).toArray();
  return sets.flatMap(spansOf);
}

/** `spans` grouped into the sets they belong in, each in id order; of two with the same id, the later is kept. */
function setsOf(spans: readonly SpanRecord[]): SpanSet[] {
  const byDoc = new Map<string, Map<string, SpanRecord>>();
  for (const span of spans) {
    const set = byDoc.get(span.docId);
    if (set) set.set(span.id, span);
    else byDoc.set(span.docId, new Map([[span.id, span]]));
  }
  return [...byDoc].map(([docId, set]) => {
    const own = [...set.values()];
    const projectId = own[0]!.projectId;
    // A document belongs to one project; the set keeps that once for all its spans.
    const stray = own.find((s) => s.projectId !== projectId);
    if (stray) throw new Error(`Span ${stray.id} of document ${docId} names project ${stray.projectId}, not ${projectId}.`);
    return { docId, projectId, spans: own.map(toStoredSpan).sort(byId) };
  });
}

const idOf = (stored: StoredSpan) => stored[0];
const byId = (a: StoredSpan, b: StoredSpan) => (idOf(a) < idOf(b) ? -1 : idOf(a) > idOf(b) ? 1 : 0);

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

/**
 * Writes spans, new ones or new versions of stored ones (the same id in the
 * same document), into their documents' sets.
 */
export async function putSpans(spans: readonly SpanRecord[]): Promise<void> {
  if (spans.length === 0) return;
  const changed = setsOf(spans);
  const stored = await db.spanSets.bulkGet(changed.map((set) => set.docId));
  await db.spanSets.bulkPut(changed.map((set, i) => ({ ...set, spans: withById(stored[i]?.spans ?? [], set.spans, idOf) })));
}

/** Stores the spans of documents that have none stored yet (a project being added). */
export async function addSpans(spans: readonly SpanRecord[]): Promise<void> {
  if (spans.length) await db.spanSets.bulkAdd(setsOf(spans));
}

/** Removes all of a project's spans. */
export async function deleteProjectSpans(projectId: string): Promise<void> {
  await db.spanSets.where("projectId").equals(projectId).delete();
}
