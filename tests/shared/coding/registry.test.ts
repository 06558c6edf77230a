import { describe, expect, it } from "vitest";
import { actorsById, mergeActors, renameActor, resolveActor, sharedAliases, uniqueAliases } from "../../../shared/coding/actors";
import { attrValue, cleanAttrs, withAttrValue } from "../../../shared/coding/attributes";
import { deleteSpanWithLinks, linkProblem, linkTargets, linksBySpan, linkTypesFrom, linksRemovedMessage } from "../../../shared/coding/links";
import { DEFAULT_LINK_TYPES, labelAttributes, allowedOptions } from "../../../shared/coding/model";
import { PLOVER_CATEGORIES } from "../../../shared/coding/plover";
import { DEFAULT_LABELS } from "../../../shared/model";
import { T0, spanRecord } from "../builders";
import { actor, link } from "./builders";

const label = (id: string) => DEFAULT_LABELS.find((l) => l.id === id)!;
const def = (labelId: string, id: string) => labelAttributes(label(labelId)).find((d) => d.id === id)!;
const type = (id: string) => DEFAULT_LINK_TYPES.find((t) => t.id === id)!;

describe("default attributes and code lists", () => {
  it("gives the four labels their attributes, PLOVER's sixteen event types and their modes", () => {
    expect(labelAttributes(label("actor")).map((d) => `${d.id}:${d.type}`)).toEqual(["kind:choice", "actor:actor"]);
    expect(labelAttributes(label("date")).map((d) => `${d.id}:${d.type}`)).toEqual(["value:date"]);
    expect(labelAttributes(label("quote"))[0]!.options!.map((o) => o.value)).toEqual(["direct", "reported"]);
    expect(def("event", "type").options!.map((o) => o.value)).toEqual(PLOVER_CATEGORIES.map((c) => c.code));
    expect(PLOVER_CATEGORIES).toHaveLength(16);
    expect(allowedOptions(def("event", "mode"), "PROTEST").map((o) => o.value)).toEqual(["demo", "riot", "general", "strike", "hunger", "boycott", "obstruct"]);
    expect(allowedOptions(def("event", "mode"), "AGREE")).toEqual([]);
    expect(allowedOptions(def("event", "mode"), "COERCE").map((o) => o.value)).toContain("restrict");
    expect(allowedOptions(def("event", "mode"), "THREATEN").map((o) => o.value)).toContain("restrict");
  });

  it("lets a label's own list replace the defaults, an empty one included", () => {
    expect(labelAttributes({ id: "event", attributes: [] })).toEqual([]);
    expect(labelAttributes({ id: "place" })).toEqual([]);
  });
});

describe("attribute values", () => {
  it("writes values into attrs and the actor link into actorId, clearing empty attrs", () => {
    const span = spanRecord(0, 5, { label: "actor" });
    const linked = withAttrValue(withAttrValue(span, def("actor", "kind"), "person", T0 + 1), def("actor", "actor"), "hamas", T0 + 2);
    expect(linked).toMatchObject({ attrs: { kind: "person" }, actorId: "hamas", updatedAt: T0 + 2 });
    expect(attrValue(linked, def("actor", "actor"))).toBe("hamas");
    const cleared = withAttrValue(withAttrValue(linked, def("actor", "kind"), undefined, T0 + 3), def("actor", "actor"), undefined, T0 + 3);
    expect(cleared).not.toHaveProperty("attrs");
    expect(cleared).not.toHaveProperty("actorId");
    expect(span).not.toHaveProperty("attrs");
  });

  it("cleans values for export: keeps those that fit, resolves merged actors, says what was left out", () => {
    const actors = actorsById([actor("a", "A", [], { mergedInto: "b" }), actor("b", "B"), actor("dead", "Dead", [], { deleted: true })]);
    const span = { attrs: { type: "ASSAULT", mode: "firearms", extra: true }, actorId: "a" };
    expect(cleanAttrs(span, label("event"), actors)).toEqual({ attrs: { type: "ASSAULT", mode: "firearms" }, actorId: "b", problems: ['attribute "extra" is not defined for label "event"'] });
    expect(cleanAttrs({ attrs: { value: 2022 } }, label("date"))).toMatchObject({ attrs: {}, problems: [expect.stringMatching(/not a calendar date/)] });
    expect(cleanAttrs({ actorId: "dead" }, label("actor"), actors)).toEqual({ attrs: {}, problems: ['the registry actor "dead" was deleted'] });
    expect(cleanAttrs({ actorId: "x" }, label("actor"))).toEqual({ attrs: {}, actorId: "x", problems: [] });
  });
});

describe("the actor registry", () => {
  it("resolves through chains of merges, not through loops or deletions", () => {
    const actors = actorsById([
      actor("a", "A", [], { mergedInto: "b" }),
      actor("b", "B", [], { mergedInto: "c" }),
      actor("c", "C"),
      actor("x", "X", [], { mergedInto: "y" }),
      actor("y", "Y", [], { mergedInto: "x" }),
      actor("d", "D", [], { mergedInto: "gone" }),
    ]);
    expect(resolveActor(actors, "a")?.id).toBe("c");
    expect(resolveActor(actors, "x")).toBeUndefined();
    expect(resolveActor(actors, "d")).toBeUndefined();
    expect(resolveActor(actors, "nobody")).toBeUndefined();
  });

  it("merges two actors: names become aliases, the merged one points to the survivor", () => {
    const keep = actor("k", "Mousa Abu Marzouk", ["Abu Marzouk"], { kind: "person" });
    const gone = actor("g", "Musa Abu Marzouq", ["abu marzouk", "Marzouq"], { identifier: "Q123", notes: "deputy" });
    const merged = mergeActors(keep, gone, T0 + 5);
    expect(merged.keep).toMatchObject({ aliases: ["Abu Marzouk", "Musa Abu Marzouq", "Marzouq"], kind: "person", identifier: "Q123", notes: "deputy", updatedAt: T0 + 5 });
    expect(merged.gone).toMatchObject({ mergedInto: "k", deleted: false, updatedAt: T0 + 5 });
    expect(() => mergeActors(keep, keep, T0)).toThrow();
  });

  it("renames an actor, keeping the old name as an alias", () => {
    expect(renameActor(actor("h", "Haniyeh", ["Haniya"]), " Ismail Haniyeh ", T0 + 1)).toMatchObject({ name: "Ismail Haniyeh", aliases: ["Haniya", "Haniyeh"] });
    expect(uniqueAliases(["Hamas", "HAMAS", "", "Hamás", "Harakat"], ["hamas"])).toEqual(["Harakat"]);
  });

  it("finds aliases shared by live actors only", () => {
    const actors = [actor("a", "Hamas"), actor("b", "Harakat", ["hamas"]), actor("c", "HAMAS", [], { deleted: true }), actor("d", "Hamas", [], { mergedInto: "a" })];
    expect(sharedAliases(actors)).toEqual([{ normalized: "hamas", spellings: ["Hamas", "hamas"], actorIds: ["a", "b"] }]);
  });
});

describe("links", () => {
  const event = spanRecord(0, 3, { id: "e", label: "event" });
  const who = spanRecord(4, 9, { id: "a", label: "actor" });
  const when = spanRecord(10, 15, { id: "d", label: "date" });

  it("allows only the labels a type joins, in one document, between live spans", () => {
    expect(linkProblem(type("source"), event, who)).toBeUndefined();
    expect(linkProblem(type("source"), event, when)).toBe("points to a date span, but a Source actor link points to actor");
    expect(linkProblem(type("speaker"), event, who)).toBe("starts at an event span, but a Speaker link starts at quote");
    expect(linkProblem(type("source"), event, { ...who, docId: "other" })).toBe("joins spans of two documents");
    expect(linkProblem(type("source"), event, { ...who, deleted: true })).toBe("joins a removed span");
    expect(linkTargets(type("date"), event, [event, who, when]).map((s) => s.id)).toEqual(["d"]);
    expect(linkTypesFrom(DEFAULT_LINK_TYPES, "event").map((t) => t.id)).toEqual(["source", "target", "date"]);
  });

  it("removes a span with its live links, as tombstones of the same time", () => {
    const links = [link("l1", "source", "e", "a"), link("l2", "date", "e", "d"), link("l3", "target", "x", "a", { deleted: true })];
    const removed = deleteSpanWithLinks(who, links, T0 + 10);
    expect(removed.span).toMatchObject({ id: "a", deleted: true, updatedAt: T0 + 10 });
    expect(removed.links.map((l) => `${l.id}:${l.deleted}:${l.updatedAt - T0}`)).toEqual(["l1:true:10"]);
    expect(linksBySpan([...links.filter((l) => l.id !== "l1"), ...removed.links]).get("a")).toBeUndefined();
  });

  it("says how many links went with a removed span, and that Ctrl+Z brings them back", () => {
    expect(linksRemovedMessage(0)).toBeUndefined();
    expect(linksRemovedMessage(1)).toBe("Removed the span and the link to it or from it (events and quotes no longer name it). Ctrl+Z brings it back.");
    expect(linksRemovedMessage(3)).toBe("Removed the span and the 3 links to it or from it (events and quotes no longer name it). Ctrl+Z brings them back.");
    const links = [link("l1", "source", "e", "a"), link("l2", "target", "f", "a"), link("l3", "target", "x", "a", { deleted: true })];
    expect(linksRemovedMessage(deleteSpanWithLinks(who, links, T0 + 10).links.length)).toContain("the 2 links");
  });
});
