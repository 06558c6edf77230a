/**
 * The per-span merge rule on its own (shared/mergeSpan.ts): over random
 * versions of one span (equal and differing times, deletions, relabels,
 * attributes, who changed it, fields of a newer version), the version kept
 * does not depend on the order or grouping of the versions met.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareSpanVersions, mergeSpan } from "../../shared/mergeSpan";
import type { SnapshotSpan } from "../../shared/projectFile";

const RUNS = { numRuns: 500 };

/** Versions of the span "s1", drawn from few values so that ties and equal versions are common. */
const versionArb: fc.Arbitrary<SnapshotSpan> = fc
  .record({
    start: fc.integer({ min: 0, max: 3 }),
    length: fc.integer({ min: 1, max: 3 }),
    label: fc.constantFrom("actor", "event"),
    annotator: fc.constantFrom("ana", "ben"),
    updatedBy: fc.option(fc.constantFrom("ana", "ben", "chidi"), { nil: undefined }),
    updatedAt: fc.integer({ min: 0, max: 3 }),
    deleted: fc.boolean(),
    attrs: fc.option(fc.dictionary(fc.constantFrom("type", "mode"), fc.oneof(fc.constantFrom("CONSULT", "AID"), fc.integer({ min: 0, max: 2 }), fc.boolean())), { nil: undefined }),
    actorId: fc.option(fc.constantFrom("a1", "a2"), { nil: undefined }),
    extra: fc.option(fc.record({ confidence: fc.constantFrom(0.5, 1) }), { nil: undefined }),
  })
  .map(({ start, length, updatedBy, attrs, actorId, extra, ...rest }) => ({
    id: "s1",
    projectId: "p1",
    docId: "d1",
    start,
    end: start + length,
    createdAt: 0,
    ...rest,
    ...(updatedBy !== undefined ? { updatedBy } : {}),
    ...(attrs !== undefined ? { attrs } : {}),
    ...(actorId !== undefined ? { actorId } : {}),
    ...(extra !== undefined ? { extra } : {}),
  }));

describe("mergeSpan (property)", () => {
  it("is commutative: the version kept does not depend on which side it came from", () => {
    fc.assert(fc.property(versionArb, versionArb, (a, b) => {
      expect(mergeSpan(a, b)).toStrictEqual(mergeSpan(b, a));
    }), RUNS);
  });

  it("is idempotent: a version merged with itself, or again with the same version, stays", () => {
    fc.assert(
      fc.property(versionArb, versionArb, (a, b) => {
        expect(mergeSpan(a, a)).toBe(a);
        expect(mergeSpan(mergeSpan(a, b), b)).toStrictEqual(mergeSpan(a, b));
      }),
      RUNS,
    );
  });

  it("is associative: versions met in any grouping end the same", () => {
    fc.assert(
      fc.property(versionArb, versionArb, versionArb, (a, b, c) => {
        expect(mergeSpan(mergeSpan(a, b), c)).toStrictEqual(mergeSpan(a, mergeSpan(b, c)));
      }),
      RUNS,
    );
  });

  it("keeps one of the two versions, the later one when their times differ", () => {
    fc.assert(
      fc.property(versionArb, versionArb, (a, b) => {
        const kept = mergeSpan(a, b);
        expect([a, b]).toContain(kept);
        if (a.updatedAt !== b.updatedAt) expect(kept.updatedAt).toBe(Math.max(a.updatedAt, b.updatedAt));
      }),
      RUNS,
    );
  });
});

describe("mergeSpan", () => {
  const version = (changes: Partial<SnapshotSpan>): SnapshotSpan => ({
    id: "s1", projectId: "p1", docId: "d1", start: 0, end: 3, label: "actor", annotator: "ana", createdAt: 0, updatedAt: 10, deleted: false, ...changes,
  });

  it("at equal times lets the deletion win, whoever deleted it", () => {
    const relabel = version({ label: "event", updatedBy: "ben" });
    const deletion = version({ deleted: true });
    expect(mergeSpan(relabel, deletion)).toBe(deletion);
    expect(mergeSpan(deletion, relabel)).toBe(deletion);
  });

  it("ignores the store's local revision", () => {
    expect(compareSpanVersions(version({ rev: 1 }), version({ rev: 7 }))).toBe(0);
  });

  it("refuses versions of two different spans", () => {
    expect(() => mergeSpan(version({}), version({ id: "s2" }))).toThrow('not "s1" and "s2"');
  });
});
