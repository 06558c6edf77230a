/**
 * Runs in a page of the app's origin (not the app itself): the store's own
 * modules (renderer/store) over the browser's real IndexedDB on disk,
 * bundled by scenarios/store.ts. It seeds with the store's own writes and
 * measures the store's own reads and writes, so before/after figures compare
 * layouts, not setups. Bytes written are the JSON size of every value the
 * store hands to IndexedDB (put/add), counted by wrapping IDBObjectStore.
 */
import { db } from "../renderer/store/db";
import { writeRecords } from "../renderer/store/writes";
import { addSpans, documentSpans, spansOfDocuments } from "../renderer/store/spans";
import type { SpanRecord } from "../shared/model";

let bytesPut = 0;
for (const method of ["put", "add"] as const) {
  const original = IDBObjectStore.prototype[method];
  IDBObjectStore.prototype[method] = function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
    bytesPut += new Blob([JSON.stringify(value)]).size;
    return original.call(this, value, key);
  };
}

const PROJECT = "bench-project";

function span(docId: string, i: number, at: number): SpanRecord {
  const start = (i * 97) % 900_000;
  return { id: `s${String(i).padStart(7, "0")}`, projectId: PROJECT, docId, start, end: start + 5 + (i % 40), label: ["actor", "event", "date", "quote"][i % 4]!, annotator: "bench", createdAt: at, updatedAt: at, deleted: false };
}

/** Documents `docs` (ids d0000…), each with `perDoc` spans; written with the store's own writes, `batch` documents a transaction. */
async function seed(docs: number, perDoc: number, batch = 50): Promise<void> {
  await db.open();
  const now = Date.now();
  await db.projects.put({ id: PROJECT, name: "bench", labels: [], createdAt: now, updatedAt: now });
  await db.settings.put({ key: "annotator", value: "bench" });
  for (let first = 0; first < docs; first += batch) {
    const ids = Array.from({ length: Math.min(batch, docs - first) }, (_, k) => `d${String(first + k).padStart(5, "0")}`);
    await db.transaction("rw", db.tables, async () => {
      await db.documents.bulkPut(ids.map((id, k) => ({ id, projectId: PROJECT, title: id, textHash: id, length: 1_000_000, createdAt: now + first + k })));
      await addSpans(ids.flatMap((id, k) => Array.from({ length: perDoc }, (_, i) => span(id, (first + k) * perDoc + i, now))));
    });
  }
}

/** `count` tags into document d00000, one transaction each: ms and bytes put per tag. */
async function tags(count: number): Promise<{ ms: number[]; bytes: number[] }> {
  await db.open();
  const ms: number[] = [];
  const bytes: number[] = [];
  for (let i = 0; i < count; i++) {
    const s = { ...span("d00000", 9_000_000 + i, Date.now()), id: crypto.randomUUID() };
    bytesPut = 0;
    const t0 = performance.now();
    await writeRecords({ spans: [{ before: null, after: s }] });
    ms.push(performance.now() - t0);
    bytes.push(bytesPut);
  }
  return { ms, bytes };
}

/** Reads document d00000's spans: ms and count. */
async function openDocument(): Promise<{ ms: number; spans: number }> {
  await db.open();
  const t0 = performance.now();
  const spans = await documentSpans("d00000");
  return { ms: performance.now() - t0, spans: spans.length };
}

/** Reads every document's spans in batches of 200, as the export does: ms and count. */
async function readProject(docs: number): Promise<{ ms: number; spans: number }> {
  await db.open();
  const ids = Array.from({ length: docs }, (_, k) => `d${String(k).padStart(5, "0")}`);
  const t0 = performance.now();
  let spans = 0;
  for (let i = 0; i < ids.length; i += 200) for (const own of await spansOfDocuments(ids.slice(i, i + 200))) spans += own.length;
  return { ms: performance.now() - t0, spans };
}

(globalThis as unknown as { __store: unknown }).__store = { seed, tags, openDocument, readProject };
