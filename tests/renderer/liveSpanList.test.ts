/**
 * The open document's live spans kept from changed records alone: after
 * any sequence of new versions (some stale, some tombstones), the list is
 * what reading all spans again would give, the annotator counts match, and
 * each step's changes lead from the list before to the list after.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { liveSpans, type SpanRecord } from "../../shared/model";
import { LiveSpanList } from "../../renderer/store/liveSpanList";

const version = fc.record({
  id: fc.constantFrom("a", "b", "c", "d", "e"),
  start: fc.nat(30),
  len: fc.integer({ min: 1, max: 10 }),
  annotator: fc.constantFrom("Ana", "Ben"),
  deleted: fc.boolean(),
  rev: fc.integer({ min: 1, max: 40 }),
});
const toSpan = (v: { id: string; start: number; len: number; annotator: string; deleted: boolean; rev: number }): SpanRecord => ({
  id: v.id,
  projectId: "p",
  docId: "d",
  start: v.start,
  end: v.start + v.len,
  label: "actor",
  annotator: v.annotator,
  createdAt: 1,
  updatedAt: v.rev,
  deleted: v.deleted,
  rev: v.rev,
});

describe("a document's live span list", () => {
  it("fed record by record, equals a fresh read, and its changes lead from each list to the next (property)", () => {
    fc.assert(
      fc.property(fc.array(version, { maxLength: 8 }), fc.array(fc.array(version, { maxLength: 4 }), { maxLength: 8 }), (initial, batches) => {
        // What a read gives: the newest version of each id.
        const newest = new Map<string, SpanRecord>();
        const keep = (s: SpanRecord) => {
          const old = newest.get(s.id);
          if (!old || (old.rev ?? 0) < (s.rev ?? 0)) newest.set(s.id, s);
        };
        initial.map(toSpan).forEach(keep);
        const list = new LiveSpanList([...newest.values()]);
        for (const batch of batches) {
          const before = list.live;
          const changes = list.apply(batch.map(toSpan));
          batch.map(toSpan).forEach(keep);
          const expected = liveSpans([...newest.values()]);
          expect(list.live).toEqual(expected);
          if (!changes) {
            expect(list.live).toBe(before);
            continue;
          }
          expect(changes.from).toBe(before);
          // Applying the changes to the list before gives the list after.
          const replaced = new Set([...changes.remove, ...changes.put.map((s) => s.id)]);
          expect(liveSpans([...before.filter((s) => !replaced.has(s.id)), ...changes.put])).toEqual(expected);
          const counts = new Map<string, number>();
          for (const s of expected) counts.set(s.annotator, (counts.get(s.annotator) ?? 0) + 1);
          expect(list.annotators).toEqual(counts);
        }
      }),
    );
  });
});
