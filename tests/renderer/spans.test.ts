/**
 * Spans kept per document (one record per document): writes replace a span
 * of the same id and keep each document's spans in id order, whatever was
 * stored before; projects never see each other's spans, even with the same ids.
 */
import "fake-indexeddb/auto";
import fc from "fast-check";
import { beforeEach, describe, expect, it } from "vitest";
import type { SpanRecord } from "../../shared/model";
import { db } from "../../renderer/store/db";
import { deleteProjectSpans, documentSpans, projectSpans, putSpans, spansOfDocuments, withSpans } from "../../renderer/store/spans";

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

beforeEach(async () => {
  db.close();
  await db.delete();
  await db.open();
});

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
    expect(await documentSpans("d1")).toEqual([{ ...span("s1"), deleted: true }]);
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
        const merged = withSpans(before, write);
        expect(merged).toEqual([...expected.values()].sort((a, b) => (a.id < b.id ? -1 : 1)));
      }),
    );
  });
});
