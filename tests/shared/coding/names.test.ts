import { describe, expect, it } from "vitest";
import { compareNames, createActorIndex, normalizeName, suggestActors, transliterationKey, vowelKey } from "../../../shared/coding/names";
import { actor } from "./builders";

const registry = [
  actor("haniyeh", "Ismail Haniyeh", ["Haniyeh"], { identifier: "Q1807386" }),
  actor("marzouk", "Mousa Abu Marzouk", ["Abu Marzouk"]),
  actor("meshaal", "Khaled Meshaal", ["Meshaal"]),
  actor("hamas", "Hamas", ["Islamic Resistance Movement"]),
  actor("hama", "Hama", [], { kind: "other", notes: "the Syrian city" }),
  actor("homs", "Homs"),
  actor("netanyahu", "Benjamin Netanyahu", ["Netanyahu", "Bibi"]),
];

const best = (mention: string) => suggestActors(registry, mention)[0];

describe("normalizeName", () => {
  it("folds case, diacritics, apostrophe variants, hyphens and spacing", () => {
    expect(normalizeName("  Isma'il   HANIYEH ")).toBe("ismail haniyeh");
    for (const apostrophe of ["'", "’", "‘", "ʿ", "ʾ", "`"]) expect(normalizeName(`Isma${apostrophe}il`)).toBe("ismail");
    expect(normalizeName("Musa Abu-Marzouq")).toBe("musa abu marzouq");
    expect(normalizeName("Mūsā Abū Marzūq")).toBe("musa abu marzuq");
    expect(normalizeName("Recep Tayyip Erdoğan")).toBe("recep tayyip erdogan");
    expect(normalizeName("Lech Wałęsa")).toBe("lech walesa");
    expect(normalizeName("U.S.")).toBe("us");
    expect(normalizeName("François\u00a0Hollande")).toBe("francois hollande");
    // Arabic: harakat and the hamza under alef are marks, dropped like Latin accents.
    expect(normalizeName("إسماعيلُ هنيّة")).toBe(normalizeName("اسماعيل هنية"));
  });

  it("builds transliteration keys and vowel skeletons", () => {
    expect(transliterationKey("marzouq")).toBe("marzuk");
    expect(transliterationKey("marzouk")).toBe("marzuk");
    expect(transliterationKey("haniyeh")).toBe("haniya");
    expect(transliterationKey("haniyya")).toBe("haniya");
    expect(vowelKey("meshaal")).toBe(vowelKey("mashal"));
    expect(vowelKey("mishal")).toBe(vowelKey("mashal"));
    expect(vowelKey("hamas")).not.toBe(vowelKey("homs"));
  });
});

describe("compareNames", () => {
  it("matches the transliteration variants of one name, strongest tier first", () => {
    expect(compareNames("HANIYEH", "Haniyeh")).toEqual({ kind: "exact", score: 1 });
    expect(compareNames("Haniya", "Haniyeh")).toEqual({ kind: "transliteration", score: 0.95 });
    expect(compareNames("Isma'il Haniya", "Ismail Haniyeh")).toEqual({ kind: "transliteration", score: 0.95 });
    expect(compareNames("Abu Marzouq", "Abu Marzouk")).toEqual({ kind: "transliteration", score: 0.95 });
    expect(compareNames("Mashal", "Meshaal")).toEqual({ kind: "vowels", score: 0.9 });
    expect(compareNames("Abdelaziz", "Abd al-Aziz")).toEqual({ kind: "vowels", score: 0.9 });
  });

  it("matches a surname inside a full name, scored by how much it covers", () => {
    const surname = compareNames("Haniya", "Ismail Haniyeh")!;
    const longer = compareNames("Abu Marzouq", "Musa Abu Marzouq")!;
    expect(surname.kind).toBe("partial");
    expect(surname.score).toBeGreaterThan(0.6);
    expect(longer.score).toBeGreaterThan(surname.score);
    expect(compareNames("Musa Abu Marzouq", "Abu Marzouk")!.kind).toBe("partial");
  });

  it("does not match names that differ in a letter that matters, or only in particles", () => {
    expect(compareNames("Hama", "Hamas")).toBeUndefined();
    expect(compareNames("Hamas", "Hama")).toBeUndefined();
    expect(compareNames("Hamas", "Homs")).toBeUndefined();
    expect(compareNames("Abu", "Musa Abu Marzouq")).toBeUndefined();
    expect(compareNames("al", "Bashar al-Assad")).toBeUndefined();
    expect(compareNames("Haniyeh", "Hamas")).toBeUndefined();
    expect(compareNames("", "Hamas")).toBeUndefined();
  });

  it("forgives one slip in a long name but not in a short one", () => {
    expect(compareNames("Netanyahou", "Netanyahu")!.score).toBeGreaterThan(0.9);
    expect(compareNames("Netanyhu", "Netanyahu")).toMatchObject({ kind: "fuzzy" });
    expect(compareNames("Hamaz", "Hamas")).toBeUndefined();
  });
});

describe("suggestActors", () => {
  it("ranks the registry for every spelling of the names in the issue", () => {
    for (const mention of ["Haniyeh", "Haniya", "Isma'il Haniya", "Ismail Haniyeh", "ISMA’IL HANIYA"]) expect(best(mention)?.actor.id, mention).toBe("haniyeh");
    for (const mention of ["Abu Marzouk", "Abu Marzouq", "Musa Abu Marzouq", "Marzouq"]) expect(best(mention)?.actor.id, mention).toBe("marzouk");
    for (const mention of ["Meshaal", "Mashal", "Khalid Mishaal"]) expect(best(mention)?.actor.id, mention).toBe("meshaal");
  });

  it("puts an exact alias first and says which alias matched", () => {
    const [first, ...rest] = suggestActors(registry, "hamas");
    expect(first).toMatchObject({ alias: "Hamas", score: 1, kind: "exact" });
    expect(first!.actor.id).toBe("hamas");
    expect(rest.map((s) => s.actor.id)).not.toContain("hama");
    expect(suggestActors(registry, "Hama").map((s) => s.actor.id)).toEqual(["hama"]);
    expect(suggestActors(registry, "Homs").map((s) => s.actor.id)).toEqual(["homs"]);
  });

  it("leaves out deleted and merged actors, and respects the limit and threshold", () => {
    const withGone = [...registry, actor("old", "Ismail Haniya", [], { mergedInto: "haniyeh" }), actor("gone", "Haniyeh", [], { deleted: true })];
    expect(suggestActors(withGone, "Haniya").map((s) => s.actor.id)).toEqual(["haniyeh"]);
    expect(suggestActors(registry, "Netanyahu", { limit: 1 })).toHaveLength(1);
    expect(suggestActors(registry, "Haniya", { minScore: 0.99 })).toEqual([]);
    expect(suggestActors(registry, "Xyz")).toEqual([]);
  });

  it("ranks by score, then by name", () => {
    const index = createActorIndex([actor("b", "Ali Hassan"), actor("a", "Ali Hasan"), actor("c", "Ali")]);
    expect(index.suggest("Ali Hassan").map((s) => `${s.actor.id}:${s.kind}`)).toEqual(["b:exact", "a:transliteration", "c:partial"]);
  });
});
