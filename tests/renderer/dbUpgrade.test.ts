/**
 * A database written by each earlier schema version opens with the current
 * one, every row intact (fixtures in tests/fixtures/db, one per version).
 */
import "fake-indexeddb/auto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import Dexie from "dexie";
import { describe, expect, it } from "vitest";
import type { SpanRecord } from "../../shared/model";
import { SpanwiseDB, fromStoredSpan } from "../../renderer/store/db";

interface StoreFixture {
  version: number;
  stores: Record<string, string>;
  rows: Record<string, Record<string, unknown>[]>;
}

const FIXTURES = path.join(import.meta.dirname, "..", "fixtures", "db");
const fixtures = readdirSync(FIXTURES)
  .filter((f) => /^v\d+\.json$/.test(f))
  .map((f) => JSON.parse(readFileSync(path.join(FIXTURES, f), "utf8")) as StoreFixture);

describe("store upgrades", () => {
  it("has a fixture for every earlier schema version", () => {
    const current = new SpanwiseDB("probe-version").verno;
    expect(fixtures.map((f) => f.version).sort((a, b) => a - b)).toEqual(Array.from({ length: current - 1 }, (_, i) => i + 1));
  });

  for (const fixture of fixtures) {
    it(`opens a database written by schema version ${fixture.version} with all its data`, async () => {
      const name = `upgrade-from-v${fixture.version}`;
      const old = new Dexie(name);
      old.version(fixture.version).stores(fixture.stores);
      await old.open();
      for (const [table, rows] of Object.entries(fixture.rows)) await old.table(table).bulkAdd(rows);
      old.close();

      const db = new SpanwiseDB(name);
      await db.open();
      for (const [table, rows] of Object.entries(fixture.rows)) {
        if (table === "spans") continue;
        const stored = await db.table(table).toArray();
        const key = db.table(table).schema.primKey.keyPath as string;
        const byKey = (a: Record<string, unknown>, b: Record<string, unknown>) => String(a[key]).localeCompare(String(b[key]));
        expect([...stored].sort(byKey)).toEqual([...rows].sort(byKey));
      }
      // The indexes the app queries work on the upgraded data.
      const projectId = fixture.rows.projects![0]!.id as string;
      expect(await db.documents.where("projectId").equals(projectId).count()).toBe(fixture.rows.documents!.length);
      // Spans (one record each before v5) are kept per document, each document's in id order, none lost or changed.
      const spans = fixture.rows.spans as unknown as SpanRecord[];
      const sets = await db.spanSets.toArray();
      expect(sets.map((set) => set.docId).sort()).toEqual([...new Set(spans.map((s) => s.docId))].sort());
      for (const set of sets) {
        const own = spans.filter((s) => s.docId === set.docId).sort((a, b) => (a.id < b.id ? -1 : 1));
        expect(set.projectId).toBe(own[0]!.projectId);
        expect(set.spans.map((stored) => fromStoredSpan(set, stored))).toStrictEqual(own);
        expect(await db.spanSets.where("projectId").equals(set.projectId).count()).toBeGreaterThan(0);
      }
      // Tables added since are there and empty (but for the spans' new home).
      for (const table of db.tables.filter((t) => !(t.name in fixture.stores) && t.name !== "spanSets")) expect(await table.count()).toBe(0);
      db.close();
    });
  }
});
