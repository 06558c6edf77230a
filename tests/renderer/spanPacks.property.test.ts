/**
 * The per-document read cache (spanPacks) never changes what a read gives:
 * after any sequence of writes, with packs rebuilt and heads lost (a store
 * written before heads were kept) at any points, reading a document equals
 * reading its span records one by one, and equals the spans as a map by id
 * would hold them.
 */
import "fake-indexeddb/auto";
import Dexie from "dexie";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { SpanRecord } from "../../shared/model";
import { db } from "../../renderer/store/db";
import { documentSpans, liveSpanCount, projectSpans, putSpans, rebuildPacks, spansOfDocuments } from "../../renderer/store/spans";
import { freshStore } from "./storeHelpers";

const DOCS = ["d1", "d2", "d3"];
const step = fc.oneof(
  fc.record({ kind: fc.constant("write" as const), doc: fc.constantFrom(...DOCS), ids: fc.uniqueArray(fc.constantFrom("a", "b", "c", "d", "e", "f"), { minLength: 1, maxLength: 4 }), label: fc.constantFrom("actor", "event"), deleted: fc.boolean() }),
  fc.record({ kind: fc.constant("rebuild" as const), docs: fc.subarray(DOCS) }),
  fc.record({ kind: fc.constant("dropHeads" as const), docs: fc.subarray(DOCS) }),
);

const byId = (a: SpanRecord, b: SpanRecord) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

describe("span packs", () => {
  it("a read through packs equals a fresh read of the records, whatever was rebuilt when (property)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 12 }), async (steps) => {
        await freshStore();
        const model = new Map<string, SpanRecord>();
        let t = 0;
        for (const s of steps) {
          if (s.kind === "rebuild") {
            await rebuildPacks(s.docs);
            continue;
          }
          if (s.kind === "dropHeads") {
            await db.spanHeads.bulkDelete(s.docs);
            continue;
          }
          t++;
          const spans = s.ids.map((id): SpanRecord => ({ id, projectId: "p", docId: s.doc, start: t, end: t + 2, label: s.label, annotator: "Ana", createdAt: 1, updatedAt: t, deleted: s.deleted, attrs: { note: `v${t}` } }));
          const written = await putSpans(spans);
          for (const w of written) model.set(`${w.docId}/${w.id}`, w);
        }
        for (const doc of DOCS) {
          const expected = [...model.values()].filter((m) => m.docId === doc).sort(byId);
          const fresh = await db.spans.where("[docId+id]").between([doc, Dexie.minKey], [doc, Dexie.maxKey]).toArray();
          expect(await documentSpans(doc)).toStrictEqual(expected);
          expect(fresh).toStrictEqual(expected);
        }
        expect(await spansOfDocuments(DOCS)).toStrictEqual(DOCS.map((doc) => [...model.values()].filter((m) => m.docId === doc).sort(byId)));
        for (const doc of DOCS) expect(await liveSpanCount(doc)).toBe([...model.values()].filter((m) => m.docId === doc && !m.deleted).length);
        expect((await projectSpans("p")).length).toBe(model.size);
        // Rebuilding all packs changes no read.
        const before = await spansOfDocuments(DOCS);
        await rebuildPacks(DOCS);
        expect(await spansOfDocuments(DOCS)).toStrictEqual(before);
        // …and leaves every document with spans a head no newer than its pack.
        const packs = await db.spanPacks.bulkGet(DOCS);
        const heads = await db.spanHeads.bulkGet(DOCS);
        DOCS.forEach((doc, i) => expect(heads[i] === undefined || heads[i]!.rev <= packs[i]!.rev, doc).toBe(true));
      }),
      { numRuns: 40 },
    );
  });
});
