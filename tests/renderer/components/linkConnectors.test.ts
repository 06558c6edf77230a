import { describe, expect, it } from "vitest";
import { firstBox, sharedEnds } from "../../../renderer/components/LinkConnectors";

describe("firstBox", () => {
  // A span wrapped over two lines, with two boxes on its first line (mixed directions).
  const rects = [
    { left: 300, top: 10, width: 80 },
    { left: 120, top: 10, width: 60 },
    { left: 500, top: 47, width: 200 },
  ];

  it("starts left to right text at the first line's leftmost box", () => {
    expect(firstBox(rects, false)).toBe(rects[1]);
  });

  it("starts right to left text at the first line's rightmost box", () => {
    expect(firstBox(rects, true)).toBe(rects[0]);
  });

  it("has nothing to give for a span with no boxes", () => {
    expect(firstBox([], false)).toBeUndefined();
  });
});

describe("sharedEnds", () => {
  it("counts the arcs before each one that join the same two spans, either way round", () => {
    const shared = sharedEnds([
      { id: "source", from: "event", to: "russia" },
      { id: "date", from: "event", to: "thursday" },
      { id: "target", from: "event", to: "russia" },
      { id: "speaker", from: "russia", to: "event" },
    ]);
    expect(Object.fromEntries(shared)).toEqual({ source: 0, date: 0, target: 1, speaker: 2 });
  });
});
