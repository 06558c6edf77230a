/**
 * Stores written by earlier schemas open in this version in a real Chromium:
 * v4 (tests/fixtures/db/v4.json: one record per span keyed by id), v5
 * (v5.json: each document's spans in one record) and v6 (v6.json: one record
 * per span under its document with a read cache, one span newer than it). The upgrade leaves one
 * record per span under its document, and the reader shows them.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { openDocument, spanRows } from "./helpers";

interface StoreFixture {
  version: number;
  stores: Record<string, string>;
  rows: Record<string, Record<string, unknown>[]>;
}

const fixtureOf = (version: number) => JSON.parse(readFileSync(path.join(import.meta.dirname, "..", "fixtures", "db", `v${version}.json`), "utf8")) as StoreFixture;

for (const version of [4, 5, 6]) test(`a store of schema version ${version} opens with every span in its document`, async ({ page }) => {
  const fixture = fixtureOf(version);
  // Same origin, without the app running: the old store is written as Dexie laid it out (version × 10).
  await page.goto("/favicon.svg");
  await page.evaluate(async (fixture) => {
    const done = (r: IDBRequest) => new Promise((resolve, reject) => ((r.onsuccess = resolve), (r.onerror = () => reject(r.error))));
    const keyPath = (spec: string) => (spec.startsWith("[") ? spec.slice(1, -1).split("+") : spec);
    const open = indexedDB.open("spanwise", fixture.version * 10);
    open.onupgradeneeded = () => {
      for (const [name, spec] of Object.entries(fixture.stores)) {
        const [primary, ...indexes] = spec.split(",").map((s) => s.trim());
        const store = open.result.createObjectStore(name, { keyPath: keyPath(primary!) });
        for (const index of indexes) store.createIndex(index, keyPath(index));
      }
    };
    await done(open);
    const db = open.result;
    const tx = db.transaction(Object.keys(fixture.rows), "readwrite");
    for (const [name, rows] of Object.entries(fixture.rows)) for (const row of rows) tx.objectStore(name).put(row);
    await new Promise((resolve, reject) => ((tx.oncomplete = resolve), (tx.onerror = () => reject(tx.error))));
    db.close();
  }, fixture);

  await page.goto("/");
  await openDocument(page, "summit");
  // The live spans (v5's fixture has one more, with a field a newer version wrote; v6's one more again, newer than
  // its document's read cache); the tombstone stays out of sight.
  const live = { 4: ["Actor: Amara Okafor"], 5: ["Event: GENEVA,", "Actor: Amara Okafor"], 6: ["Event: GENEVA,", "Actor: Amara Okafor", "Event: met"] }[version];
  await expect.poll(() => spanRows(page)).toEqual(live);
  await openDocument(page, "oslo");
  await expect.poll(() => spanRows(page)).toEqual(["Actor: Jonas Lindqvist"]);
  // The v5 table is gone; each span is one record under its document, tombstones kept.
  const stored = await page.evaluate(async () => {
    const open = indexedDB.open("spanwise");
    await new Promise((resolve, reject) => ((open.onsuccess = resolve), (open.onerror = () => reject(open.error))));
    const db = open.result;
    const spans = await new Promise<{ docId: string; rev: number }[]>((resolve, reject) => {
      const r = db.transaction("spans").objectStore("spans").getAll();
      r.onsuccess = () => resolve(r.result as { docId: string; rev: number }[]);
      r.onerror = () => reject(r.error);
    });
    const names = [...db.objectStoreNames];
    db.close();
    const perDoc = new Map<string, number>();
    for (const s of spans) perDoc.set(s.docId, (perDoc.get(s.docId) ?? 0) + 1);
    return { names, perDoc: [...perDoc.values()].sort(), revs: [...new Set(spans.map((s) => s.rev))] };
  });
  expect(stored.names).not.toContain("spanSets");
  // The v5 fixture has one more span (with a field a newer version wrote) in the first document.
  expect(stored.perDoc).toEqual({ 4: [2, 2], 5: [2, 3], 6: [2, 4] }[version]);
  expect(stored.revs.sort()).toEqual(version === 6 ? [1, 2] : [1]);
});
