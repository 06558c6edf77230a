import { describe, expect, it } from "vitest";
import { DEFAULT_LINK_TYPES } from "../../../shared/coding/model";
import { findMentions } from "../../../shared/coding/mentions";
import { nestedMentionReasons, quoteLabelIds } from "../../../shared/coding/nestedMentions";
import { annotated } from "../builders";
import { actor } from "./builders";

const hamas = actor("hamas", "Hamas");
const context = { label: { id: "actor", name: "Actor" }, quoteLabels: quoteLabelIds(DEFAULT_LINK_TYPES) };

/** The reasons for every mention of Hamas in the markup, as "<mention's number>: <reason>". */
function reasons(markup: string): string[] {
  const { text, spans } = annotated(markup);
  const mentions = findMentions(text, hamas, spans);
  return nestedMentionReasons(text, mentions, spans, context).map((reason, i) => `${i + 1}: ${reason ?? "-"}`);
}

describe("nestedMentionReasons", () => {
  it("marks mentions inside or equal to a span of the same label, naming the innermost", () => {
    expect(reasons("[actor: Hamas political bureau] met [actor: the [actor: Hamas] delegation]; Hamas left.")).toEqual([
      "1: inside the actor span “Hamas political bureau”",
      "2: inside the actor span “Hamas”",
      "3: -",
    ]);
  });

  it("marks mentions inside a quote, and leaves those inside other labels or merely overlapping alone", () => {
    expect(reasons("[quote: “Hamas will answer”], said [event: the Hamas attack] and [date: Hamas day] or [actor: Hamas lead]er.")).toEqual([
      "1: inside a quote",
      "2: -",
      "3: -",
      "4: inside the actor span “Hamas lead”",
    ]);
    const { text, spans } = annotated("The [actor: Ha]mas office");
    expect(nestedMentionReasons(text, [{ start: 4, end: 9 }], spans, context)).toEqual([null]);
  });

  it("prefers the same-label reason to the quote, and ignores deleted spans", () => {
    expect(reasons("[quote: “[actor: Hamas fighters] will answer”]")).toEqual(["1: inside the actor span “Hamas fighters”"]);
    const { text, spans } = annotated("[actor: Hamas office] said");
    const deleted = spans.map((s) => ({ ...s, deleted: true }));
    expect(nestedMentionReasons(text, findMentions(text, hamas, deleted), deleted, context)).toEqual([null]);
  });

  it("takes quote labels from the project's link types and shortens long span texts", () => {
    const custom = { label: { id: "org", name: "Organisation" }, quoteLabels: quoteLabelIds([{ id: "said", name: "Said", from: ["statement"], to: ["org"], role: "speaker", key: "s" }]) };
    const { text, spans } = annotated(`[statement: Hamas said so] and [org: Hamas and its allies in the\nregion of the eastern Mediterranean coast]`);
    const mentions = findMentions(text, hamas, spans);
    expect(nestedMentionReasons(text, mentions, spans, custom)).toEqual([
      "inside a quote",
      "inside the organisation span “Hamas and its allies in the region of the…”",
    ]);
  });
});
