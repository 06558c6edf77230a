import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isoTime } from "../../shared/isoTime";

describe("isoTime", () => {
  it("writes what toISOString writes, for any time a Date can hold", () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: 0, max: 253_402_300_799_999 }), fc.integer({ min: -8.64e15, max: 8.64e15 })), (ms) => {
        expect(isoTime(ms)).toBe(new Date(ms).toISOString());
      }),
      { numRuns: 20_000 },
    );
  });

  it("is right for runs of times on one day and across midnight and years", () => {
    const edges = [0, 1, 999, 1000, 86_399_999, 86_400_000, Date.UTC(2024, 1, 29, 23, 59, 59, 999), Date.UTC(2024, 2, 1), Date.UTC(9999, 11, 31, 23, 59, 59, 999), Date.UTC(10000, 0, 1), -1];
    for (const base of edges) for (let step = 0; step < 5; step++) expect(isoTime(base + step * 7)).toBe(new Date(base + step * 7).toISOString());
  });

  it("treats fractions and invalid times as toISOString does", () => {
    expect(isoTime(1.7)).toBe(new Date(1.7).toISOString());
    expect(() => isoTime(Number.NaN)).toThrow(RangeError);
    expect(() => isoTime(8.64e15 + 1)).toThrow(RangeError);
  });
});
