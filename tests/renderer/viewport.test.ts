import { describe, expect, it } from "vitest";
import { TextDoc } from "../../renderer/reader/textDoc";
import { initialWindow, INITIAL_LINES, nextWindow, windowOfLines } from "../../renderer/reader/viewport";

/** A text of `n` lines "line 0" … "line n-1". */
const linesText = (n: number) => Array.from({ length: n }, (_, i) => `line ${i}`).join("\n");

describe("the decorated window", () => {
  const td = new TextDoc(linesText(1000));

  it("covers two screens past the lines in view on each side", () => {
    const w = nextWindow(td, { first: 500, last: 519 }, null)!;
    expect(td.lineOf(w.from)).toBe(500 - 50);
    expect(td.lineOf(w.to)).toBe(519 + 50);
  });

  it("stays put while the view is well inside it, and moves when the view nears its edge", () => {
    const w = nextWindow(td, { first: 500, last: 519 }, null)!;
    expect(nextWindow(td, { first: 530, last: 549 }, w)).toBeNull();
    const moved = nextWindow(td, { first: 555, last: 574 }, w)!;
    expect(td.lineOf(moved.from)).toBe(555 - 50);
  });

  it("stops at the ends of the text", () => {
    const w = nextWindow(td, { first: 0, last: 19 }, null)!;
    expect(w.from).toBe(0);
    const end = nextWindow(td, { first: 980, last: 999 }, null)!;
    expect(end.to).toBe(td.text.length);
    expect(windowOfLines(td, -5, 5000)).toEqual({ from: 0, to: td.text.length });
  });

  it("opens a long text on its top lines and leaves a short one whole", () => {
    expect(initialWindow(td)).toEqual(windowOfLines(td, 0, INITIAL_LINES - 1));
    expect(initialWindow(new TextDoc(linesText(10)))).toBeNull();
  });
});
