import { describe, expect, it } from "vitest";
import { labelTarget } from "../../../renderer/reader/labelTarget";

describe("labelTarget", () => {
  it("tags text selected after the span was selected (look at a span, then tag the next phrase)", () => {
    expect(labelTarget({ spanSelected: true, spanSelectedAt: 100, textSelectedAt: 250 })).toBe("tag");
  });

  it("relabels a span selected after the text was (a click on a span leaves the older selection behind)", () => {
    expect(labelTarget({ spanSelected: true, spanSelectedAt: 300, textSelectedAt: 250 })).toBe("relabel");
  });

  it("relabels the selected span when no text is selected", () => {
    expect(labelTarget({ spanSelected: true, spanSelectedAt: 300, textSelectedAt: null })).toBe("relabel");
  });

  it("tags the selection when no span is selected, and does nothing with neither", () => {
    expect(labelTarget({ spanSelected: false, spanSelectedAt: 0, textSelectedAt: 10 })).toBe("tag");
    expect(labelTarget({ spanSelected: false, spanSelectedAt: 0, textSelectedAt: null })).toBe("nothing");
  });
});
