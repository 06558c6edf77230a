/**
 * The v5 -> v6 upgrade over generated v5 stores: every span of every set
 * comes back as its own record with every field (optional, unknown, odd
 * values, tombstones), and each document's pack reads the same.
 */
import "fake-indexeddb/auto";
import { isDeepStrictEqual } from "node:util";
import Dexie from "dexie";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SpanwiseDB, fromPackedSpan, fromStoredSpanV5, type SpanSetV5, type StoredSpanV5 } from "../../renderer/store/db";
import type { SpanRecord } from "../../shared/model";

const V5_STORES = {
  projects: "id",
  documents: "id, projectId, [projectId+textHash], [projectId+title], [projectId+createdAt]",
  texts: "docId",
  spanSets: "docId, projectId",
  settings: "key",
  projectExtras: "projectId",
  links: "id, docId, projectId, from, to",
  actors: "id, projectId",
};

const key = fc.string({ minLength: 1, maxLength: 6 }).filter((k) => !["id", "start", "end", "label", "annotator", "createdAt", "updatedAt", "deleted", "rev", "projectId", "docId", "__proto__"].includes(k));
const stored: fc.Arbitrary<StoredSpanV5> = fc
  .tuple(
    fc.string({ minLength: 1, maxLength: 8 }),
    fc.nat(),
    fc.nat(),
    fc.string(),
    fc.string(),
    fc.integer(),
    fc.integer(),
    fc.constantFrom(0 as const, 1 as const),
    fc.option(fc.dictionary(key, fc.jsonValue(), { minKeys: 1, maxKeys: 3, noNullPrototype: true }), { nil: undefined }),
  )
  .map(([id, start, end, label, annotator, createdAt, updatedAt, deleted, more]) => {
    const s: StoredSpanV5 = [id, start, end, label, annotator, createdAt, updatedAt, deleted];
    if (more) s.push(more);
    return s;
  });
const sets = fc.uniqueArray(
  fc.record({ docId: fc.string({ minLength: 1, maxLength: 5 }), projectId: fc.constantFrom("p1", "p2"), spans: fc.uniqueArray(stored, { selector: (s) => s[0], maxLength: 6 }) }),
  { selector: (s) => s.docId, maxLength: 5 },
);

const byKey = (a: SpanRecord, b: SpanRecord) => (a.docId < b.docId ? -1 : a.docId > b.docId ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

let run = 0;

describe("the v5 -> v6 upgrade", () => {
  it("keeps every span of generated v5 sets, every field back (property)", async () => {
    await fc.assert(
      fc.asyncProperty(sets, async (generated: SpanSetV5[]) => {
        const name = `v5-property-${run++}`;
        const old = new Dexie(name);
        old.version(5).stores(V5_STORES);
        await old.open();
        const withSpans = generated.map((set) => ({ ...set, spans: [...set.spans].sort((a, b) => (a[0] < b[0] ? -1 : 1)) }));
        await old.table("spanSets").bulkAdd(withSpans);
        old.close();

        const db = new SpanwiseDB(name);
        await db.open();
        const expected = withSpans.flatMap((set) => set.spans.map((s) => ({ ...fromStoredSpanV5(set, s), rev: 1 }))).sort(byKey);
        const records = (await db.spans.toArray()).sort(byKey);
        expect(isDeepStrictEqual(records, expected), JSON.stringify(records)).toBe(true);
        const packed = (await db.spanPacks.toArray()).flatMap((p) => p.spans.map((s) => fromPackedSpan(p, s))).sort(byKey);
        expect(isDeepStrictEqual(packed, expected)).toBe(true);
        db.close();
        await Dexie.delete(name);
      }),
      { numRuns: 40 },
    );
  });
});
