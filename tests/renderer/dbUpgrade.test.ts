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
import { STORE_VERSION } from "../../renderer/store/schemaVersion";
import { SpanwiseDB, fromPackedSpan, fromStoredSpanV5, type SpanSetV5 } from "../../renderer/store/db";

interface StoreFixture {
  version: number;
  stores: Record<string, string>;
  rows: Record<string, Record<string, unknown>[]>;
}

const FIXTURES = path.join(import.meta.dirname, "..", "fixtures", "db");
const fixtures = readdirSync(FIXTURES)
  .filter((f) => /^v\d+\.json$/.test(f))
  .map((f) => JSON.parse(readFileSync(path.join(FIXTURES, f), "utf8")) as StoreFixture);

/** The spans a fixture holds, as records. */
function fixtureSpans(fixture: StoreFixture): SpanRecord[] {
  if (fixture.rows.spanSets) return (fixture.rows.spanSets as unknown as SpanSetV5[]).flatMap((set) => set.spans.map((stored) => fromStoredSpanV5(set, stored)));
  return (fixture.rows.spans ?? []) as unknown as SpanRecord[];
}

describe("store upgrades", () => {
  it("says its schema version where the first paint (renderer/firstPaint) reads it", () => {
    expect(new SpanwiseDB("probe-first-paint").verno).toBe(STORE_VERSION);
  });

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
      // Every row as it was; links and actors carry a revision since v6.
      for (const [table, rows] of Object.entries(fixture.rows)) {
        if (table === "spans" || table === "spanSets") continue;
        const revised = (table === "links" || table === "actors") && fixture.version < 6;
        const stored = (await db.table(table).toArray()).map((row: Record<string, unknown>) => {
          if (!revised) return row;
          const { rev, ...rest } = row;
          expect(rev).toBe(1);
          return rest;
        });
        const key = db.table(table).schema.primKey.keyPath as string;
        const byKey = (a: Record<string, unknown>, b: Record<string, unknown>) => String(a[key]).localeCompare(String(b[key]));
        expect([...stored].sort(byKey)).toEqual([...rows].sort(byKey));
      }
      // The indexes the app queries work on the upgraded data.
      const projectId = fixture.rows.projects![0]!.id as string;
      expect(await db.documents.where("projectId").equals(projectId).count()).toBe(fixture.rows.documents!.length);
      // Spans (one record each before v5, one set per document in v5) are one record each again, every field kept, with a revision.
      const spans = fixtureSpans(fixture);
      const byId = (a: SpanRecord, b: SpanRecord) => (a.docId + a.id < b.docId + b.id ? -1 : 1);
      const revised = fixture.version >= 6 ? spans : spans.map((s) => ({ ...s, rev: 1 }));
      expect((await db.spans.toArray()).sort(byId)).toStrictEqual([...revised].sort(byId));
      // Each document's read cache holds the same spans (a v6 store may have spans newer than its pack).
      const packs = await db.spanPacks.toArray();
      expect(packs.map((p) => p.docId).sort()).toEqual([...new Set(spans.map((s) => s.docId))].sort());
      if (fixture.version < 6) expect(packs.flatMap((p) => p.spans.map((packed) => fromPackedSpan(p, packed))).sort(byId)).toStrictEqual([...revised].sort(byId));
      // Each document with spans has its head: the highest revision of its spans.
      const heads = new Map<string, number>();
      for (const s of revised) heads.set(s.docId, Math.max(heads.get(s.docId) ?? 0, s.rev!));
      const byDoc = (a: { docId: string }, b: { docId: string }) => (a.docId < b.docId ? -1 : 1);
      expect((await db.spanHeads.toArray()).sort(byDoc)).toEqual([...heads].map(([docId, rev]) => ({ docId, rev })).sort(byDoc));
      // Tables added since are there and empty (but for the spans' homes and the change counter).
      for (const table of db.tables.filter((t) => !(t.name in fixture.stores) && !["spans", "spanPacks", "spanHeads", "counters"].includes(t.name))) expect(await table.count()).toBe(0);
      db.close();
    });
  }
});
