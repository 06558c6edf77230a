import { describe, expect, it } from "vitest";
import { DEFAULT_LINK_TYPES } from "../../../shared/coding/model";
import { byDistance, isAttributed, proposeTargets, rankSpeakers, roleClash, type Extent } from "../../../shared/coding/candidates";
import { link } from "./builders";

/** The extent of `needle` (its `nth` occurrence) in `text`, with the needle as id. */
function at(text: string, needle: string, nth = 0): Extent {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = text.indexOf(needle, start + 1);
  if (start < 0) throw new Error(`"${needle}" is not in the text`);
  return { id: nth ? `${needle}#${nth}` : needle, start, end: start + needle.length };
}

const ids = (spans: readonly Extent[]) => spans.map((s) => s.id);
const type = (id: string) => DEFAULT_LINK_TYPES.find((t) => t.id === id)!;

describe("rankSpeakers", () => {
  it("prefers the actor the quote's sentence attributes it to over a nearer one elsewhere", () => {
    const text = [
      "Amara Okafor arrived in Geneva on Monday.",
      "",
      'Jonas Lindqvist met reporters. "We will not accept another delay," the foreign minister said after the talks.',
    ].join("\n");
    const quote = at(text, "We will not accept another delay");
    const actors = [at(text, "Amara Okafor"), at(text, "Jonas Lindqvist"), at(text, "the foreign minister")];
    expect(ids(rankSpeakers(text, quote, actors))).toEqual(["the foreign minister", "Jonas Lindqvist", "Amara Okafor"]);
  });

  it("reads 'X said', 'said X', 'X told' and 'according to X' as attribution, also across an apposition", () => {
    const said = "Okafor said the border would open.";
    expect(isAttributed(said, at(said, "Okafor"))).toBe(true);
    const saidX = '"It is over," said Lindqvist.';
    expect(isAttributed(saidX, at(saidX, "Lindqvist"))).toBe(true);
    const told = "Okafor, the foreign minister, told reporters it was over.";
    expect(isAttributed(told, at(told, "Okafor"))).toBe(true);
    const according = "The talks failed, according to Lindqvist.";
    expect(isAttributed(according, at(according, "Lindqvist"))).toBe(true);
    const arabic = "وقال المتحدث إن المحادثات ستستمر.";
    expect(isAttributed(arabic, at(arabic, "المتحدث"))).toBe(true);
    const notSaying = "Okafor met Lindqvist in Geneva.";
    expect(isAttributed(notSaying, at(notSaying, "Okafor"))).toBe(false);
    expect(isAttributed(notSaying, at(notSaying, "Lindqvist"))).toBe(false);
  });

  it("takes an attribution in the sentence after the quote before an actor named in the quote's own sentence", () => {
    const text = 'Russia welcomed Hamas. "The visit will deepen our ties," it was announced. Musa Abu Marzouq said so in a statement.';
    const quote = at(text, "The visit will deepen our ties");
    const actors = [at(text, "Russia"), at(text, "Hamas"), at(text, "Musa Abu Marzouq")];
    expect(ids(rankSpeakers(text, quote, actors))[0]).toBe("Musa Abu Marzouq");
  });

  it("puts actors inside the quote last, and far actors after those around it", () => {
    const text = [
      "Haniyeh spoke in Doha last week.",
      "",
      "Analysts were cautious.",
      "",
      '"Russia and Hamas agree," Marzouq told the agency. Reporters asked Lavrov about it later.',
    ].join("\n");
    const quote = at(text, "Russia and Hamas agree");
    const actors = [at(text, "Haniyeh"), at(text, "Russia"), at(text, "Hamas"), at(text, "Marzouq"), at(text, "Lavrov")];
    expect(ids(rankSpeakers(text, quote, actors))).toEqual(["Marzouq", "Lavrov", "Haniyeh", "Russia", "Hamas"]);
  });
});

describe("proposeTargets", () => {
  const text = "Russia invited Ismail Haniyeh to visit Moscow on Thursday.";
  const event = at(text, "invited");
  const russia = at(text, "Russia");
  const haniyeh = at(text, "Ismail Haniyeh");

  it("proposes an event's actors nearest first", () => {
    expect(ids(proposeTargets(text, type("source"), event, [haniyeh, russia], [], DEFAULT_LINK_TYPES))).toEqual(["Russia", "Ismail Haniyeh"]);
  });

  it("skips the actor already chosen as source when proposing the target, and the other way round", () => {
    const links = [link("l1", "source", "invited", "Russia")];
    expect(ids(proposeTargets(text, type("target"), event, [russia, haniyeh], links, DEFAULT_LINK_TYPES))).toEqual(["Ismail Haniyeh", "Russia"]);
    const targeted = [link("l2", "target", "invited", "Ismail Haniyeh")];
    expect(ids(proposeTargets(text, type("source"), event, [russia, haniyeh], targeted, DEFAULT_LINK_TYPES))).toEqual(["Russia", "Ismail Haniyeh"]);
    // A removed source link no longer counts.
    const removed = [link("l1", "source", "invited", "Russia", { deleted: true })];
    expect(ids(proposeTargets(text, type("target"), event, [russia, haniyeh], removed, DEFAULT_LINK_TYPES))).toEqual(["Russia", "Ismail Haniyeh"]);
  });

  it("names the clashing role when one span would be both source and target", () => {
    const links = [link("l1", "source", "invited", "Russia")];
    expect(roleClash(type("target"), "invited", "Russia", links, DEFAULT_LINK_TYPES).map((t) => t.name)).toEqual(["Source actor"]);
    expect(roleClash(type("target"), "invited", "Ismail Haniyeh", links, DEFAULT_LINK_TYPES)).toEqual([]);
    expect(roleClash(type("date"), "invited", "Russia", links, DEFAULT_LINK_TYPES)).toEqual([]);
  });

  it("orders by distance, then by position, for spans at the same distance", () => {
    const spans = [{ id: "b", start: 20, end: 25 }, { id: "a", start: 0, end: 5 }, { id: "in", start: 11, end: 12 }];
    expect(ids(byDistance(spans, { id: "x", start: 10, end: 15 }))).toEqual(["in", "a", "b"]);
  });
});
