import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { TextDoc } from "../../renderer/reader/textDoc";

describe("TextDoc", () => {
  it("makes one paragraph per line, blank lines included", () => {
    const td = new TextDoc("Title\n\nFirst para.\nSecond");
    expect(td.doc.childCount).toBe(4);
    expect(td.doc.child(1).content.size).toBe(0);
    expect(td.doc.textBetween(0, td.doc.content.size, "\n")).toBe("Title\n\nFirst para.\nSecond");
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
        expect(td.toPos(text.length)).toBe(td.doc.content.size - 1);
      }),
    );
  });

  it("knows where each line starts and ends", () => {
    const td = new TextDoc("ab\ncde\n");
    expect([td.lineOf(0), td.lineOf(2), td.lineOf(3), td.lineOf(7)]).toEqual([0, 0, 1, 2]);
    expect([td.lineStart(1), td.lineEnd(1), td.lineEnd(2)]).toEqual([3, 6, 7]);
  });
});
