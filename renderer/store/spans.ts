import type { SpanRecord } from "../../shared/model";
import { db, type SpanSet } from "./db";

/**
 * Spans as the store keeps them: one record per document (see SpanSet).
 * Every read and write of spans goes through here. Writes must run inside a
 * read-write transaction that includes `db.spanSets`.
 */

const byId = (a: SpanRecord, b: SpanRecord) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** A document's spans, tombstones included, in id order. */
export async function documentSpans(docId: string): Promise<SpanRecord[]> {
  return (await db.spanSets.get(docId))?.spans ?? [];
}

/** The spans of several documents, in the order of `docIds` (an empty list for a document without spans). */
export async function spansOfDocuments(docIds: readonly string[]): Promise<SpanRecord[][]> {
  return (await db.spanSets.bulkGet([...docIds])).map((set) => set?.spans ?? []);
}

/** All of a project's spans, tombstones included, document by document. */
export async function projectSpans(projectId: string): Promise<SpanRecord[]> {
  const sets = await db.spanSets.where("projectId").equals(projectId).toArray();
  return sets.flatMap((set) => set.spans);
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
    const own = [...set.values()].sort(byId);
    return { docId, projectId: own[0]!.projectId, spans: own };
  });
}

/** `stored` (in id order) with `changed` (in id order) put in: a span of the same id is replaced. */
export function withSpans(stored: readonly SpanRecord[], changed: readonly SpanRecord[]): SpanRecord[] {
  const out: SpanRecord[] = [];
  let i = 0;
  for (const span of changed) {
    while (i < stored.length && stored[i]!.id < span.id) out.push(stored[i++]!);
    if (i < stored.length && stored[i]!.id === span.id) i++;
    out.push(span);
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
  await db.spanSets.bulkPut(changed.map((set, i) => ({ ...set, spans: withSpans(stored[i]?.spans ?? [], set.spans) })));
}

/** Stores the spans of documents that have none stored yet (a project being added). */
export async function addSpans(spans: readonly SpanRecord[]): Promise<void> {
  if (spans.length) await db.spanSets.bulkAdd(setsOf(spans));
}

/** Removes all of a project's spans. */
export async function deleteProjectSpans(projectId: string): Promise<void> {
  await db.spanSets.where("projectId").equals(projectId).delete();
}
