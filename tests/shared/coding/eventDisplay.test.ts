import { describe, expect, it } from "vitest";
import { describeUndatedText } from "../../../shared/coding/dateKnown";
import { eventActorText, eventDateCell, eventProblems, eventTypeCell } from "../../../shared/coding/eventDisplay";
import { buildEventRows } from "../../../shared/coding/events";
import { codedArticle } from "./article";

describe("what a date without a calendar value says", () => {
  it("names the part that is missing", () => {
    expect(describeUndatedText("May 4")).toBe("May 4, year unknown");
    expect(describeUndatedText(" on  4 May ")).toBe("on 4 May, year unknown");
    expect(describeUndatedText("in early June")).toBe("in early June, year unknown");
    expect(describeUndatedText("Thursday")).toBe("Thursday, week unknown");
    expect(describeUndatedText("yesterday")).toBe("yesterday, publication date unknown");
    expect(describeUndatedText("last week")).toBe("last week, a week rather than a day");
    expect(describeUndatedText("at the summit")).toBe("at the summit, no date in the text");
  });
});

describe("the events table's cells", () => {
  it("shows a linked date that gives no calendar value by its text, and why", () => {
    const source = codedArticle();
    const documents = source.documents.map(({ doc, text }) => ({ doc: { ...doc, publishedAt: undefined }, text }));
    const [met, reject, clashes] = buildEventRows({ ...source, documents });
    expect(met!.unreadDate).toEqual({ spanId: "s5", text: "Thursday" });
    expect(eventDateCell(met!)).toEqual({ text: "Thursday, week unknown", missing: true });
    // A stored value stands whatever the publication date.
    expect(eventDateCell(reject!)).toEqual({ text: "2022-05-06", missing: false });
    expect(eventDateCell(clashes!)).toEqual({ text: "in early June, year unknown", missing: true });

    const typed = source.spans.map((s) => (s.id === "s10" ? { ...s, attrs: { value: "May the sixth" } } : s));
    const [, badValue] = buildEventRows({ ...source, spans: typed });
    expect(eventDateCell(badValue!)).toEqual({ text: "May 6, stored as “May the sixth”, not a calendar date", missing: true });
    expect(eventDateCell({})).toEqual({ text: "", missing: false });
  });

  it("calls an event without a type untyped", () => {
    expect(eventTypeCell({})).toEqual({ text: "untyped", missing: true });
    expect(eventTypeCell({ mode: "visit" })).toEqual({ text: "untyped / visit", missing: true });
    expect(eventTypeCell({ type: "CONSULT", mode: "visit" })).toEqual({ text: "CONSULT / visit", missing: false });
  });

  it("shows the registry's name beside an actor's text when it says something else", () => {
    expect(eventActorText({ spanId: "a", text: "the group", name: "Hamas" })).toBe("the group (Hamas)");
    expect(eventActorText({ spanId: "a", text: "hamas", name: "Hamas" })).toBe("hamas");
    expect(eventActorText({ spanId: "a", text: "Egyptian mediators" })).toBe("Egyptian mediators");
    const [met] = buildEventRows(codedArticle());
    expect(met!.sources.map(eventActorText)).toEqual(["Isma'il Haniya (Ismail Haniyeh)"]);
  });

  it("says in sentences what a record lacks and what was left out of it", () => {
    const [met, , clashes] = buildEventRows(codedArticle());
    expect(eventProblems(met!)).toEqual([]);
    expect(eventProblems(clashes!)).toEqual([
      "No source actor is linked: who did it?",
      'Mode has "visit", which does not go with type "ASSAULT".',
      "A Target actor link points to a span that does not exist, so it was left out.",
    ]);
    expect(eventProblems({ sources: [{ spanId: "a", text: "Hamas" }], problems: [] })).toEqual(["It has no event type."]);
  });
});
