import { describe, expect, it } from "vitest";
import { actorsById } from "../../../shared/coding/actors";
import { projectLinkTypes } from "../../../shared/coding/model";
import { linksBySpan, spanCoding, spanContext, type SpanCodingContext } from "../../../shared/coding/spanSummary";
import { codedArticle } from "./article";

/** The context of the first occurrence of `needle` in `text`, as the row shows it. */
function around(text: string, needle: string, words?: number): string {
  const start = text.indexOf(needle);
  const { before, after } = spanContext(text, start, start + needle.length, words);
  return `${before}[${needle}]${after}`;
}

describe("the words around a span", () => {
  const text = "Hamas said on Sunday that Hamas would send a delegation to Cairo next week, and Hamas officials confirmed it.\nHamas stayed silent.";

  it("shows a few words on either side, with ellipses where the paragraph goes on", () => {
    expect(around(text, "Hamas would", 4)).toBe("… said on Sunday that [Hamas would] send a delegation to …");
    // Each occurrence of the same words reads differently.
    const second = text.indexOf("Hamas officials");
    const { before, after } = spanContext(text, second, second + 5);
    expect(`${before}[Hamas]${after}`).toBe("… Cairo next week, and [Hamas] officials confirmed it.");
  });

  it("stops at the start and end of the text, and never crosses a line break", () => {
    expect(around(text, "Hamas said")).toBe("[Hamas said] on Sunday that Hamas …");
    expect(around(text, "silent.")).toBe("Hamas stayed [silent.]");
    expect(around(text, "confirmed it.")).toBe("… week, and Hamas officials [confirmed it.]");
  });

  it("keeps each side short however long its words", () => {
    const long = `${"x".repeat(50)} Supercalifragilistic-expialidocious-organisation announced ${"y".repeat(80)}`;
    const { before, after } = spanContext(long, long.indexOf("announced"), long.indexOf("announced") + 9);
    expect(before.length).toBeLessThanOrEqual(40);
    expect(after.length).toBeLessThanOrEqual(40);
    expect(before.startsWith("…")).toBe(true);
    expect(after.endsWith("…")).toBe(true);
  });

  it("joins the context to the span only where the text had a space", () => {
    const glued = "(Hamas)";
    expect(spanContext(glued, 1, 6)).toEqual({ before: "(", after: ")" });
  });
});

describe("a span's coding line", () => {
  const source = codedArticle();
  const { linksFrom, linksTo } = linksBySpan(source.links);
  const context: SpanCodingContext = {
    labels: new Map(source.labels.map((l) => [l.id, l])),
    linkTypes: new Map(projectLinkTypes(source).map((t) => [t.id, t])),
    spans: new Map(source.spans.map((s) => [s.id, s])),
    actors: actorsById(source.actors),
    text: source.text,
    linksFrom,
    linksTo,
  };
  const coding = (id: string) => spanCoding(source.spans.find((s) => s.id === id)!, context);

  it("gives an event's type and mode and where its links go, by registry name or date", () => {
    expect(coding("s3")).toEqual(["CONSULT", "visit", "→ Source actor: Ismail Haniyeh", "→ Target actor: “Egyptian mediators”", "→ Date: “Thursday”"]);
    expect(coding("s7")).toEqual(["REJECT", "→ Source actor: Hamas", "→ Target actor: “Israeli”", "→ Date: 2022-05-06"]);
  });

  it("gives an actor its registry name (after merges) and the events it takes part in", () => {
    expect(coding("s1")).toEqual(["= Hamas", "Source actor of “reject”"]);
    expect(coding("s9")).toEqual(["= Mousa Abu Marzouk", "Speaker of ““We reject the Isra…”"]);
    expect(coding("s4")).toEqual(["Target actor of “met”"]);
  });

  it("says what an event or a date lacks", () => {
    const untyped = { ...source.spans.find((s) => s.id === "s3")!, attrs: {} };
    expect(spanCoding(untyped, context)[0]).toBe("untyped");
    expect(coding("s5")).toEqual(["no calendar date", "Date of “met”"]);
  });

  it("names a link to a span that is gone", () => {
    expect(coding("s11")).toContain("→ Target actor: a missing span");
  });
});
