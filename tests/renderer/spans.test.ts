/**
 * Spans kept one record each, read through each document's pack (a read
 * cache): writes replace a span of the same id, reads give each document's
 * spans in id order whatever the pack holds; projects never see each
 * other's spans, even with the same ids.
 */
import "fake-indexeddb/auto";
import { isDeepStrictEqual } from "node:util";
import fc from "fast-check";
import { beforeEach, describe, expect, it } from "vitest";
import type { SpanRecord } from "../../shared/model";
import { fromPackedSpan, toPackedSpan } from "../../renderer/store/db";
import { deleteProjectSpans, documentSpans, projectSpans, putSpans, spansOfDocuments, withById } from "../../renderer/store/spans";
import { freshStore } from "./storeHelpers";

const now = 1_700_000_000_000;
const span = (id: string, docId = "d1", projectId = "p1", start = 0): SpanRecord => ({
  id,
  projectId,
  docId,
  start,
  end: start + 3,
  label: "actor",
  annotator: "ana",
  createdAt: now,
  updatedAt: now,
  deleted: false,
});

beforeEach(freshStore);

describe("the span store", () => {
  it("puts new spans and new versions of stored ones into their documents, in id order", async () => {
    await putSpans([span("s3"), span("s1"), span("t1", "d2")]);
    await putSpans([{ ...span("s1"), label: "event" }, span("s2"), span("s0")]);
    expect((await documentSpans("d1")).map((s) => [s.id, s.label])).toEqual([
      ["s0", "actor"],
      ["s1", "event"],
      ["s2", "actor"],
      ["s3", "actor"],
    ]);
    expect((await spansOfDocuments(["d2", "none", "d1"])).map((own) => own.length)).toEqual([1, 0, 4]);
    expect(await documentSpans("none")).toEqual([]);
  });

  it("keeps the later of two versions of a span written together", async () => {
    await putSpans([span("s1"), { ...span("s1"), deleted: true }]);
    expect(await documentSpans("d1")).toEqual([{ ...span("s1"), deleted: true, rev: 1 }]);
  });

  it("keeps projects apart, even where span ids are the same", async () => {
    await putSpans([span("s1", "d1", "p1"), span("s1", "e1", "p2", 5)]);
    expect((await projectSpans("p1")).map((s) => [s.docId, s.start])).toEqual([["d1", 0]]);
    expect((await projectSpans("p2")).map((s) => [s.docId, s.start])).toEqual([["e1", 5]]);
    await deleteProjectSpans("p1");
    expect(await projectSpans("p1")).toEqual([]);
    expect(await projectSpans("p2")).toHaveLength(1);
  });

  it("merges a write into what is stored as a map by id would, in id order", () => {
    const ids = fc.uniqueArray(fc.string({ minLength: 1, maxLength: 3 }), { maxLength: 20 });
    fc.assert(
      fc.property(ids, ids, (stored, changed) => {
        const before = [...stored].sort().map((id) => span(id));
        const write = [...changed].sort().map((id) => ({ ...span(id), label: "event" }));
        const expected = new Map(before.map((s) => [s.id, s]));
        for (const s of write) expected.set(s.id, s);
        const merged = withById(before, write, (s) => s.id);
        expect(merged).toEqual([...expected.values()].sort((a, b) => (a.id < b.id ? -1 : 1)));
      }),
    );
  });
});

describe("a span's packed form", () => {
  const key = fc.string({ minLength: 1 });
  const attrValue = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.string(), { maxLength: 3 }));
  const record = fc.record(
    {
      id: fc.string({ minLength: 1 }),
      start: fc.nat(),
      end: fc.nat(),
      label: fc.string(),
      annotator: fc.string(),
      createdAt: fc.integer(),
      updatedAt: fc.integer(),
      deleted: fc.boolean(),
      attrs: fc.dictionary(key, attrValue, { noNullPrototype: true }),
      actorId: fc.string(),
      extra: fc.dictionary(key, fc.jsonValue(), { noNullPrototype: true }),
    },
    { requiredKeys: ["id", "start", "end", "label", "annotator", "createdAt", "updatedAt", "deleted"] },
  );

  it("gives back every field of a span, its optional and unknown ones too", () => {
    fc.assert(
      fc.property(record, (fields) => {
        const span = { ...fields, projectId: "p1", docId: "d1", rev: 7 } as SpanRecord;
        const stored = toPackedSpan(span);
        // Kept as the store keeps it (a structured clone), then read back.
        const back = fromPackedSpan({ docId: "d1", projectId: "p1" }, structuredClone(stored));
        // Node's deep strict equality: same keys, values and prototypes (toStrictEqual would also compare own "constructor" keys by identity).
        expect(isDeepStrictEqual(back, span), JSON.stringify(back)).toBe(true);
      }),
    );
  });

  it("refuses to file a span under a document of another project", async () => {
    await putSpans([span("s1", "d1", "p1")]);
    await expect(putSpans([span("s2", "d1", "p1"), span("s3", "d1", "p2")])).rejects.toThrow(/names project p2, not p1/);
    expect((await documentSpans("d1")).map((s) => s.id)).toEqual(["s1"]);
  });
});
