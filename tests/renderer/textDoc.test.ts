import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { SECTION_LINES, TextDoc } from "../../renderer/reader/textDoc";

describe("TextDoc", () => {
  it("makes one paragraph per line, blank lines included", () => {
    const td = new TextDoc("Title\n\nFirst para.\nSecond");
    expect(td.doc.childCount).toBe(1);
    expect(td.doc.child(0).childCount).toBe(4);
    expect(td.doc.child(0).child(1).content.size).toBe(0);
    expect(td.doc.textBetween(0, td.doc.content.size, "\n")).toBe("Title\n\nFirst para.\nSecond");
  });

  it("groups lines in sections of SECTION_LINES, and maps offsets across section boundaries", () => {
    const lines = Array.from({ length: SECTION_LINES * 2 + 5 }, (_, i) => (i % 3 === 1 ? "" : `line ${i}`));
    const text = lines.join("\n");
    const td = new TextDoc(text);
    expect(td.doc.childCount).toBe(3);
    expect(td.doc.child(2).childCount).toBe(5);
    expect(td.doc.textBetween(0, td.doc.content.size, "\n")).toBe(text);
    for (let o = 0; o <= text.length; o++) {
      const pos = td.toPos(o);
      if (o < text.length && text[o] !== "\n") expect(td.doc.textBetween(pos, pos + 1)).toBe(text[o]);
      expect(td.toOffset(pos)).toBe(o);
    }
    // A position between two sections snaps to the end of the line before.
    const boundary = td.toPos(td.lineEnd(SECTION_LINES - 1)) + 2;
    expect(td.toOffset(boundary)).toBe(td.lineEnd(SECTION_LINES - 1));
  });

  it("maps text offsets to the positions holding the same characters", () => {
    const text = "Ab\n\nc🌍d\nlast";
    const td = new TextDoc(text);
    for (let o = 0; o < text.length; o++) {
      if (text[o] === "\n") continue;
      const pos = td.toPos(o);
      expect(td.doc.textBetween(pos, pos + 1)).toBe(text[o]);
    }
  });

  it("round-trips every offset through positions", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 12 }), { minLength: 1, maxLength: 8 }), (lines) => {
        const text = lines.map((l) => l.replace(/\n/g, " ")).join("\n");
        const td = new TextDoc(text);
        for (let o = 0; o <= text.length; o++) expect(td.toOffset(td.toPos(o))).toBe(o);
        // The end of the text is the end of the last paragraph's content (before its and its section's close).
        expect(td.toPos(text.length)).toBe(td.doc.content.size - 2);
      }),
    );
  });

  it("knows where each line starts and ends", () => {
    const td = new TextDoc("ab\ncde\n");
    expect([td.lineOf(0), td.lineOf(2), td.lineOf(3), td.lineOf(7)]).toEqual([0, 0, 1, 2]);
    expect([td.lineStart(1), td.lineEnd(1), td.lineEnd(2)]).toEqual([3, 6, 7]);
  });
});
