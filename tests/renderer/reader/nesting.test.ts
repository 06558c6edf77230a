import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { clickedSpanAmong, innermostAt, innerSpan, nestingChain, outerSpan, type Extent } from "../../../renderer/reader/nesting";

// "Okafor met her counterpart Jonas Lindqvist on Thursday"
const event = { id: "event", start: 0, end: 53 };
const actor = { id: "actor", start: 27, end: 42 };
const surname = { id: "surname", start: 33, end: 42 };
const date = { id: "date", start: 46, end: 53 };
const spans = [date, surname, event, actor];

describe("nesting", () => {
  it("steps out to the smallest span around, and in to the largest inside", () => {
    expect(outerSpan(spans, surname)).toBe(actor);
    expect(outerSpan(spans, actor)).toBe(event);
    expect(outerSpan(spans, event)).toBeNull();
    expect(innerSpan(spans, event)).toBe(actor);
    expect(innerSpan(spans, actor)).toBe(surname);
    expect(innerSpan(spans, surname)).toBeNull();
  });

  it("chains a span to the outermost around it", () => {
    expect(nestingChain(spans, surname).map((s) => s.id)).toEqual(["surname", "actor", "event"]);
    expect(nestingChain(spans, date).map((s) => s.id)).toEqual(["date", "event"]);
  });

  it("finds the innermost span at the caret", () => {
    expect(innermostAt(spans, 35)?.id).toBe("surname");
    expect(innermostAt(spans, 44)?.id).toBe("event");
    expect(innermostAt(spans, 60)).toBeNull();
  });

  it("selects the innermost span under a click, then the next one out on each click, and round again", () => {
    const under = [event, surname, actor];
    expect(clickedSpanAmong(under, null)).toBe(surname);
    expect(clickedSpanAmong(under, "surname")).toBe(actor);
    expect(clickedSpanAmong(under, "actor")).toBe(event);
    expect(clickedSpanAmong(under, "event")).toBe(surname);
    expect(clickedSpanAmong(under, "date")).toBe(surname);
    expect(clickedSpanAmong([], null)).toBeNull();
  });

  it("nests spans of the same extent in drawing order, so stepping goes through both", () => {
    const a = { id: "a", start: 5, end: 9 };
    const b = { id: "b", start: 5, end: 9 };
    expect(outerSpan([a, b], b)).toBe(a);
    expect(innerSpan([a, b], a)).toBe(b);
  });

  it("steps in and back out to where it started, for any spans that nest or stay apart", () => {
    const extent = fc.tuple(fc.nat(40), fc.nat(40)).filter(([x, y]) => x !== y).map(([x, y]) => ({ start: Math.min(x, y), end: Math.max(x, y) }));
    const crossing = (a: Extent, b: Extent) => a.start < b.start && b.start < a.end && a.end < b.end;
    fc.assert(
      fc.property(fc.array(extent, { maxLength: 12 }), (extents) => {
        const all: Extent[] = extents.map((e, i) => ({ id: `s${i}`, ...e }));
        fc.pre(!all.some((a) => all.some((b) => crossing(a, b))));
        for (const s of all) {
          const inner = innerSpan(all, s);
          if (inner) expect(outerSpan(all, inner)).toBe(s);
          const chain = nestingChain(all, s);
          for (let i = 1; i < chain.length; i++) expect(chain[i]!.start <= chain[i - 1]!.start && chain[i - 1]!.end <= chain[i]!.end).toBe(true);
        }
      }),
    );
  });
});
