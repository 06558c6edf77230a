import { describe, expect, it } from "vitest";
import { SCROLL_MARGIN, scrollToShow } from "../../../renderer/reader/scrollPlan";

const view = { top: 1000, height: 600 };

describe("scrollToShow", () => {
  it("stays when the span is in view", () => {
    expect(scrollToShow(view, { top: 1200, bottom: 1230 })).toBeNull();
  });

  it("centres a span out of view when there is nothing to keep", () => {
    expect(scrollToShow(view, { top: 3000, bottom: 3040 })).toBe(3000 - (600 - 40) / 2);
  });

  it("moves just far enough to show a span below while keeping the quote above in view", () => {
    const quote = { top: 1100, bottom: 1140 };
    const next = scrollToShow(view, { top: 1600, bottom: 1620 }, quote)!;
    expect(next).toBe(1620 - 600 + SCROLL_MARGIN);
    expect(quote.top).toBeGreaterThanOrEqual(next + SCROLL_MARGIN);
  });

  it("moves just far enough to show a span above while keeping the quote below in view", () => {
    const quote = { top: 1400, bottom: 1440 };
    expect(scrollToShow(view, { top: 950, bottom: 980 }, quote)).toBe(950 - SCROLL_MARGIN);
  });

  it("centres the span when it and the quote do not fit on one screen", () => {
    expect(scrollToShow(view, { top: 5000, bottom: 5030 }, { top: 1100, bottom: 1140 })).toBe(5000 - (600 - 30) / 2);
  });
});
