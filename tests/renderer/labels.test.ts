/**
 * The label editor's checks (pure) and saving a label set over a real Dexie
 * on fake-indexeddb.
 */
import "fake-indexeddb/auto";
import { beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_LINK_TYPES, labelAttributes, type LinkRecord } from "../../shared/coding/model";
import { DEFAULT_LABELS, type LabelDef, type SpanRecord } from "../../shared/model";
import { db } from "../../renderer/store/db";
import { storedSpans } from "./storeHelpers";
import { putSpans } from "../../renderer/store/spans";
import { compactLabels, idFromName, labelProblems, labelUsage, nameNewIds, optionsText, parseOptions, saveLabels } from "../../renderer/store/labels";

const PROJECT = "p1";
const defaults = (): LabelDef[] => DEFAULT_LABELS.map((l) => ({ ...l }));
const withKey = (labels: LabelDef[], id: string, key: string) => labels.map((l) => (l.id === id ? { ...l, key } : l));

describe("labelProblems", () => {
  it("accepts the default labels", () => {
    expect(labelProblems(defaults(), DEFAULT_LINK_TYPES)).toEqual([]);
  });

  it("refuses duplicate keys, keys the app uses and keys of link types", () => {
    expect(labelProblems(withKey(defaults(), "date", "1"), DEFAULT_LINK_TYPES)).toEqual(["“Date” and “Actor” both have the key “1”."]);
    expect(labelProblems(withKey(defaults(), "date", "a"), DEFAULT_LINK_TYPES)).toEqual(["“Date” cannot have the key “a”: it starts a Source actor link."]);
    expect(labelProblems(withKey(defaults(), "date", "T"), DEFAULT_LINK_TYPES)).toEqual(["“Date” cannot have the key “T”: it starts a Target actor link."]);
    expect(labelProblems(withKey(defaults(), "date", "Escape"), DEFAULT_LINK_TYPES)).toEqual(["“Date” cannot have the key Escape: the app uses it."]);
    expect(labelProblems(withKey(defaults(), "date", "ArrowLeft"), DEFAULT_LINK_TYPES)).toEqual(["“Date” cannot have the key Left arrow: the app uses it."]);
    expect(labelProblems(withKey(defaults(), "date", " "), DEFAULT_LINK_TYPES)).toEqual(["“Date” cannot have the key Space: the app uses it."]);
    expect(labelProblems(withKey(defaults(), "date", "12"), DEFAULT_LINK_TYPES)).toEqual(["The key of “Date” must be a single character, not “12”."]);
    // No shortcut at all is fine, and a link type without a key takes none.
    expect(labelProblems(withKey(defaults(), "date", ""), DEFAULT_LINK_TYPES)).toEqual([]);
    expect(labelProblems(withKey(defaults(), "date", "a"), [])).toEqual([]);
  });

  it("refuses missing names, repeated names and ids, and colours that are not #rrggbb", () => {
    const labels = defaults();
    labels[1] = { ...labels[1]!, name: " " };
    labels[2] = { ...labels[2]!, name: "actor", color: "red" };
    labels.push({ id: "quote", name: "Quote 2", color: "#000000", key: "5" });
    expect(labelProblems(labels, DEFAULT_LINK_TYPES)).toEqual([
      "The label “event” needs a name.",
      "Two labels are called “actor”.",
      "The label “actor” has the colour “red”; write it as #rrggbb.",
      "Two labels have the id “quote”.",
    ]);
    expect(labelProblems([], DEFAULT_LINK_TYPES)).toEqual(["A project needs at least one label."]);
  });

  it("checks the attributes: names, repeated ids, empty code lists, a dependency on a removed attribute", () => {
    const labels = defaults();
    const event = labels.find((l) => l.id === "event")!;
    // "mode" depends on "type"; removing "type" breaks it.
    event.attributes = labelAttributes(event).filter((d) => d.id !== "type");
    const quote = labels.find((l) => l.id === "quote")!;
    quote.attributes = [
      { id: "form", name: "Form", type: "choice", options: [] },
      { id: "form", name: "", type: "text" },
    ];
    expect(labelProblems(labels, DEFAULT_LINK_TYPES)).toEqual([
      "An attribute of “Quote” (id “form”) needs a name.",
      'Label "Event": attribute "Mode" depends on "type", which the label does not have.',
      'Label "Quote": the choice "Form" has an empty list.',
      'Label "Quote": the attribute id "form" is used twice.',
    ]);
  });
});

describe("editing helpers", () => {
  it("makes ids from names that no other label or attribute has", () => {
    expect(idFromName("Armed group", ["actor"])).toBe("armed-group");
    expect(idFromName("Actor", ["actor", "actor-2"])).toBe("actor-3");
    expect(idFromName("Ação", [])).toBe("acao");
    expect(idFromName("__proto__", [])).toBe("proto");
    expect(idFromName("constructor", [])).toBe("constructor-2");
    expect(idFromName("!!!", [])).toBe("label");
  });

  it("names what the editor added after its names, and never changes a stored id", () => {
    const stored = defaults();
    const edited: LabelDef[] = [
      { ...stored[0]!, name: "Who", attributes: [...labelAttributes(stored[0]!), { id: "new-attribute", name: "Role in event", type: "text" }] },
      { id: "new-label", name: "Location", color: "#0891b2", key: "5", attributes: [{ id: "new-attribute", name: "Country code", type: "text" }] },
      { id: "new-label-2", name: "Place", color: "#0891b2", key: "6" },
    ];
    const named = nameNewIds(edited, stored, ["place"]);
    expect(named.map((l) => l.id)).toEqual(["actor", "location", "place-2"]);
    expect(named[0]!.attributes!.map((d) => d.id)).toEqual(["kind", "actor", "role-in-event"]);
    expect(named[1]!.attributes!.map((d) => d.id)).toEqual(["country-code"]);
  });

  it("reads a code list one option a line and keeps each option's event types", () => {
    const mode = labelAttributes({ id: "event" }).find((d) => d.id === "mode")!;
    const text = optionsText(mode.options!);
    expect(text.split("\n")).toContain("visit");
    const edited = parseOptions(`${text}\nblockade | Blockade of a port\n\n`, mode.options);
    expect(edited.find((o) => o.value === "restrict")?.when).toEqual(["THREATEN", "COERCE"]);
    expect(edited.at(-1)).toEqual({ value: "blockade", label: "Blockade of a port" });
    expect(parseOptions(optionsText([{ value: "direct", label: "Direct quote" }]))).toEqual([{ value: "direct", label: "Direct quote" }]);
  });

  it("stores no attribute list for a label whose list is still the default", () => {
    const labels = defaults().map((l) => ({ ...l, attributes: structuredClone([...labelAttributes(l)]) }));
    labels[3]!.attributes = [];
    const compact = compactLabels(labels);
    expect(compact.map((l) => l.attributes)).toEqual([undefined, undefined, undefined, []]);
  });
});

describe("saveLabels", () => {
  const span = (id: string, label: string, deleted = false): SpanRecord => ({
    id,
    projectId: PROJECT,
    docId: "d",
    start: 0,
    end: 1,
    label,
    annotator: "Ana",
    createdAt: 1,
    updatedAt: 1,
    deleted,
  });
  const link = (id: string, from: string, to: string): LinkRecord => ({
    id,
    projectId: PROJECT,
    docId: "d",
    type: "speaker",
    from,
    to,
    annotator: "Ana",
    createdAt: 1,
    updatedAt: 1,
    deleted: false,
  });

  beforeEach(async () => {
    db.close();
    await db.delete();
    await db.open();
    await db.projects.put({ id: PROJECT, name: "Test", labels: defaults(), createdAt: 1, updatedAt: 1 });
    await putSpans([span("q1", "quote"), span("q2", "quote"), span("q3", "quote", true), span("a1", "actor")]);
    await db.links.bulkPut([link("l1", "q1", "a1")]);
  });

  it("saves a renamed, recoloured label with a new key and bumps the project's updatedAt", async () => {
    const labels = defaults().map((l) => (l.id === "date" ? { ...l, name: "When", color: "#0f766e", key: "w" } : l));
    await saveLabels(PROJECT, labels);
    const project = (await db.projects.get(PROJECT))!;
    expect(project.labels.find((l) => l.id === "date")).toEqual({ id: "date", name: "When", color: "#0f766e", key: "w" });
    expect(project.updatedAt).toBeGreaterThan(1);
  });

  it("counts the live spans of each label", async () => {
    expect(Object.fromEntries(await labelUsage(PROJECT))).toEqual({ quote: 2, actor: 1 });
  });

  it("removes a label and keeps its spans, or removes them with their links in the same transaction", async () => {
    const withoutQuote = defaults().filter((l) => l.id !== "quote");
    expect(await saveLabels(PROJECT, withoutQuote)).toEqual({ removedSpans: 0 });
    expect((await storedSpans()).filter((s) => !s.deleted).map((s) => s.id)).toEqual(["a1", "q1", "q2"]);

    expect(await saveLabels(PROJECT, withoutQuote, ["quote"])).toEqual({ removedSpans: 2 });
    expect((await storedSpans()).filter((s) => !s.deleted).map((s) => s.id)).toEqual(["a1"]);
    expect((await db.links.get("l1"))?.deleted).toBe(true);
    expect((await db.projects.get(PROJECT))!.labels.map((l) => l.id)).toEqual(["actor", "event", "date"]);
  });

  it("refuses a set with problems and changes nothing", async () => {
    await expect(saveLabels(PROJECT, withKey(defaults(), "date", "1"))).rejects.toThrow(/both have the key/);
    await expect(saveLabels(PROJECT, defaults(), ["quote"])).rejects.toThrow(/while the label stays/);
    expect((await db.projects.get(PROJECT))!.updatedAt).toBe(1);
    expect((await storedSpans()).filter((s) => !s.deleted)).toHaveLength(3);
  });
});
