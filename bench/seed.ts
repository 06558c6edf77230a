/**
 * Setting up a scenario's data by writing straight into the app's IndexedDB
 * (the schema of renderer/store/db.ts), from inside the page. Only setup goes
 * this way; what a scenario measures is always done through the UI.
 *
 * `seedInPage` runs in the page, so it is self-contained; it calls the
 * generator that the scenario put there as `globalThis.__corpusKit`.
 */
import type { CorpusKit, DocumentShape } from "./corpus";

/** Documents to generate: `count` of them, each of about `chars` characters with `spans` spans. */
export interface DocumentGroup extends DocumentShape {
  count: number;
  /** The title of each document; generated when absent. */
  titles?: string[];
}

export interface SeedRequest {
  seed: number;
  groups: DocumentGroup[];
  /** Records per IndexedDB transaction. */
  batch: number;
}

export interface SeedResult {
  projectId: string;
  documents: number;
  spans: number;
  /** Id and title of each document, in order, for the first 20 documents. */
  first: { id: string; title: string }[];
}

export async function seedInPage(request: SeedRequest): Promise<SeedResult> {
  const kit = (globalThis as unknown as { __corpusKit(seed: number): CorpusKit }).__corpusKit(request.seed);
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open("spanwise");
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const done = (tx: IDBTransaction) =>
    new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  const read = <T>(store: string, key: string) =>
    new Promise<T>((resolve, reject) => {
      const req = db.transaction(store).objectStore(store).get(key);
      req.onsuccess = () => resolve(req.result as T);
      req.onerror = () => reject(req.error);
    });
  const projectId = (await read<{ value: string }>("settings", "currentProjectId")).value;

  const hex = (bytes: ArrayBuffer) => [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, "0")).join("");
  let docs: object[] = [];
  let texts: object[] = [];
  // As the app keeps them (renderer/store/db.ts, schema v7): one record per span with its
  // revision, each document's read cache (SpanPack: the spans packed, in id order) and its head.
  type Packed = [string, number, number, string, string, number, number, 0 | 1, number];
  const REV = 1;
  let spanRecords: object[] = [];
  let packs: { docId: string; projectId: string; rev: number; spans: Packed[] }[] = [];
  let pending = 0;
  const flush = async () => {
    const tx = db.transaction(["documents", "texts", "spans", "spanPacks", "spanHeads", "counters"], "readwrite", { durability: "relaxed" });
    for (const d of docs) tx.objectStore("documents").put(d);
    for (const t of texts) tx.objectStore("texts").put(t);
    for (const s of spanRecords) tx.objectStore("spans").put(s);
    for (const p of packs) tx.objectStore("spanPacks").put(p);
    for (const p of packs) tx.objectStore("spanHeads").put({ docId: p.docId, rev: p.rev });
    tx.objectStore("counters").put({ name: "rev", value: REV });
    docs = [];
    texts = [];
    spanRecords = [];
    packs = [];
    pending = 0;
    await done(tx);
  };

  const base = Date.UTC(2026, 0, 1);
  let createdAt = base;
  let documentCount = 0;
  let spanCount = 0;
  const first: SeedResult["first"] = [];
  for (const group of request.groups) {
    for (let i = 0; i < group.count; i++) {
      const { id, title, text, spans: made } = kit.document(group, group.titles?.[i]);
      const textHash = hex(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)));
      docs.push({ id, projectId, title, textHash, length: text.length, createdAt: ++createdAt });
      texts.push({ docId: id, text });
      if (first.length < 20) first.push({ id, title });
      const own = made.map((s): Packed => {
        const at = base + spanCount++;
        return [s.id, s.start, s.end, s.label, "bench", at, at, 0, REV];
      });
      for (const [sid, start, end, label, annotator, createdAt, updatedAt] of own) {
        spanRecords.push({ id: sid, projectId, docId: id, start, end, label, annotator, createdAt, updatedAt, deleted: false, rev: REV });
      }
      if (own.length) packs.push({ docId: id, projectId, rev: REV, spans: own.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)) });
      pending += 1 + own.length;
      documentCount++;
      if (pending >= request.batch) await flush();
    }
  }
  await flush();
  db.close();
  return { projectId, documents: documentCount, spans: spanCount, first };
}
