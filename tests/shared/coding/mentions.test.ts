import { describe, expect, it } from "vitest";
import { findMentions, findMentionsInDocuments } from "../../../shared/coding/mentions";
import { spanOver } from "../builders";
import { actor } from "./builders";

const marzouk = actor("marzouk", "Musa Abu Marzouq", ["Abu Marzouk", "Marzouk"]);
const hamas = actor("hamas", "Hamas");
const texts = (text: string, found: { start: number; end: number }[]) => found.map((m) => text.slice(m.start, m.end));

describe("findMentions", () => {
  it("finds every alias with normalized matching, longest first where they overlap", () => {
    const text = "Musa Abu Marzouq said… Later, ABU-MARZOUK told reporters that Marzouk’s aides and Abu Marzouk had left.";
    const found = findMentions(text, marzouk);
    expect(texts(text, found)).toEqual(["Musa Abu Marzouq", "ABU-MARZOUK", "Marzouk", "Abu Marzouk"]);
    expect(found.map((m) => m.alias)).toEqual(["Musa Abu Marzouq", "Abu Marzouk", "Marzouk", "Abu Marzouk"]);
    for (const m of found) expect(m.text).toBe(text.slice(m.start, m.end));
  });

  it("matches whole words only, across case, diacritics and possessives", () => {
    const text = "HAMAS and Hamás, Hamas’s and Hamas's leaders; not Hamasi, nor Hama, nor pro-Hamasist.";
    expect(texts(text, findMentions(text, hamas))).toEqual(["HAMAS", "Hamás", "Hamas", "Hamas"]);
  });

  it("keeps combining marks with their letter and counts UTF-16 offsets past emoji", () => {
    const text = "😀 Hama\u0301s said";
    const [found] = findMentions(text, hamas);
    expect(found).toMatchObject({ start: 3, end: 9, text: "Hama\u0301s" });
  });

  it("leaves out mentions that overlap a span already linked to the actor (or one merged into it)", () => {
    const text = "Hamas said Hamas would reply, Hamas added.";
    const first = spanOver(text, "Hamas", { id: "a", actorId: "hamas" });
    const second = spanOver(text, "Hamas", { id: "b", actorId: "old-hamas" }, 1);
    const other = spanOver(text, "Hamas", { id: "c", actorId: "someone-else" }, 2);
    const registry = [hamas, actor("old-hamas", "Harakat", [], { mergedInto: "hamas" })];
    expect(findMentions(text, hamas, [first, second, other], { registry }).map((m) => m.start)).toEqual([30]);
    // A removed span frees its place again.
    expect(findMentions(text, hamas, [{ ...first, deleted: true }]).map((m) => m.start)).toEqual([0, 11, 30]);
  });

  it("finds nothing for empty names and searches several documents", () => {
    expect(findMentions("text", actor("x", "  ", ["'"]))).toEqual([]);
    const result = findMentionsInDocuments(
      [
        { docId: "a", text: "Hamas spoke." },
        { docId: "b", text: "Nobody spoke." },
        { docId: "c", text: "… and hamas." },
      ],
      hamas,
    );
    expect(result.map((r) => `${r.docId}:${r.mentions.length}`)).toEqual(["a:1", "c:1"]);
  });
});
