/**
 * A store written by the previous schema (tests/fixtures/db/v4.json: one
 * IndexedDB record per span) opens in this version in a real Chromium: the
 * upgrade moves every span into its document, and the reader shows them.
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

const v4 = JSON.parse(readFileSync(path.join(import.meta.dirname, "..", "fixtures", "db", "v4.json"), "utf8")) as StoreFixture;

test("a store of the previous version opens with every span in its document", async ({ page }) => {
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
  }, v4);

  await page.goto("/");
  await openDocument(page, "summit");
  // The live span; the tombstone stays out of sight.
  await expect.poll(() => spanRows(page)).toEqual(["Actor: Amara Okafor"]);
  await openDocument(page, "oslo");
  await expect.poll(() => spanRows(page)).toEqual(["Actor: Jonas Lindqvist"]);
  // The old table is gone; each document's spans are one record, tombstones kept.
  const stored = await page.evaluate(async () => {
    const open = indexedDB.open("spanwise");
    await new Promise((resolve, reject) => ((open.onsuccess = resolve), (open.onerror = () => reject(open.error))));
    const db = open.result;
    const sets = await new Promise<{ spans: unknown[] }[]>((resolve, reject) => {
      const r = db.transaction("spanSets").objectStore("spanSets").getAll();
      r.onsuccess = () => resolve(r.result as { spans: unknown[] }[]);
      r.onerror = () => reject(r.error);
    });
    const names = [...db.objectStoreNames];
    db.close();
    return { names, spans: sets.map((s) => s.spans.length).sort() };
  });
  expect(stored.names).not.toContain("spans");
  expect(stored.spans).toEqual([2, 2]);
});
