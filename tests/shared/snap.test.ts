import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createOffsetMap } from "../../shared/offsets";
import { snapToWords, wordBoundaryAfter, wordBoundaryBefore } from "../../shared/snap";
import { trickyText } from "./builders";

/**
 * Snaps the selection marked with ⟨ and ⟩ in `marked` and returns the text
 * of the result (or null), so cases read as sentences.
 */
function snap(marked: string, options?: { enabled?: boolean }): string | null {
  const start = marked.indexOf("⟨");
  const end = marked.indexOf("⟩") - 1;
  const text = marked.replace("⟨", "").replace("⟩", "");
  const range = snapToWords(text, start, end, options);
  return range && text.slice(range.start, range.end);
}

describe("snapToWords", () => {
  it.each([
    ["The pres⟨ident Oba⟩ma said", "president Obama"],
    ["The ⟨president⟩ said", "president"],
    ["The⟨ president ⟩said", "president"],
    ["He said: “⟨We will win.”⟩ Then", "We will win"],
    ["(⟨Reuters)⟩ -", "Reuters"],
    ["Officer ⟨O'Bri⟩en arrested", "O'Brien"],
    ["Isma⟨'il⟩ left", "Isma'il"],
    ["I d⟨on’t⟩ know", "don’t"],
    ["the ⟨researchers'⟩ notes", "researchers"],
    ["talks with the ⟨U.S.⟩ today", "U.S."],
    ["at 5 ⟨p.m.⟩", "p.m."],
    ["rose ⟨3.14.⟩ Then", "3.14"],
    ["said ⟨Mr.⟩ Smith", "Mr"],
    ["a well-kn⟨own⟩ fact", "known"],
    ["price $⟨5 billion⟩.", "5 billion"],
  ])("%s -> %s", (marked, expected) => {
    expect(snap(marked)).toBe(expected);
  });

  it("keeps a selection that already starts and ends at word boundaries", () => {
    const text = "Barack Obama met Vladimir Putin.";
    expect(snapToWords(text, 7, 12)).toEqual({ start: 7, end: 12 });
    expect(snapToWords(text, 0, 31)).toEqual({ start: 0, end: 31 });
  });

  it("returns null when only whitespace, punctuation or symbols are selected", () => {
    expect(snap("word⟨ ⟩word")).toBeNull();
    expect(snap("word⟨, — ⟩word")).toBeNull();
    expect(snap("end.⟨\n\n⟩Start")).toBeNull();
    expect(snap("look ⟨🇫🇷 👨‍👩‍👧⟩ here")).toBeNull();
  });

  it("returns null for an empty selection", () => {
    expect(snapToWords("hello", 2, 2)).toBeNull();
  });

  it("trims emoji at the edges with their variation selectors and modifiers", () => {
    expect(snap("⟨❤️ love 👍🏽⟩")).toBe("love");
    expect(snap("⟨😀 Obama 😀⟩")).toBe("Obama");
  });

  it("keeps the interior of a selection across several lines", () => {
    expect(snap("First li⟨ne.\n\nSecond paragraph.\nThi⟩rd line")).toBe("line.\n\nSecond paragraph.\nThird");
  });

  it("does not look past a line break for the word", () => {
    expect(snap("alpha\n⟨be⟩ta")).toBe("beta");
    expect(snap("al⟨pha⟩\nbeta")).toBe("alpha");
  });

  it("snaps Arabic with harakat to whole words and drops bidi marks", () => {
    expect(snap("قالَ الرئ⟨يسُ إ⟩نّ الحكومة")).toBe("الرئيسُ إنّ");
    expect(snap("وصل ⟨إسماعيل\u200F⟩ أمس")).toBe("إسماعيل");
    expect(snap("قال: «⟨الحكومة»⟩")).toBe("الحكومة");
  });

  it("snaps Hebrew with niqqud", () => {
    expect(snap("אָמַר שָׁ⟨לוֹ⟩ם")).toBe("שָׁלוֹם");
  });

  it("snaps Chinese and Japanese to dictionary words", () => {
    expect(snap("北⟨京⟩大学的学生")).toBe("北京");
    expect(snap("北京大学的⟨学生⟩在天安门广场。")).toBe("学生");
    expect(snap("在天安⟨门广⟩场。")).toBe("天安门广场");
    expect(snap("「⟨東京⟩」へ行く")).toBe("東京");
  });

  it("expands to whole combining sequences", () => {
    const text = "cafe\u0301 ole\u0301";
    // A selection ending between "e" and its accent ends after the accent.
    expect(snapToWords(text, 0, 4)).toEqual({ start: 0, end: 5 });
  });

  it("never splits a surrogate pair", () => {
    const text = "x 𝒳𝒴𝒵 y";
    expect(snapToWords(text, 3, 5)).toEqual({ start: 2, end: 8 });
  });

  it("returns the range unchanged when snapping is off", () => {
    expect(snap("The pres⟨ident, ⟩said", { enabled: false })).toBe("ident, ");
    expect(snap("word⟨ ⟩word", { enabled: false })).toBe(" ");
    expect(snapToWords("hello", 2, 2, { enabled: false })).toBeNull();
  });

  it("refuses offsets out of range", () => {
    expect(() => snapToWords("abc", -1, 2)).toThrow(RangeError);
    expect(() => snapToWords("abc", 0, 4)).toThrow(RangeError);
    expect(() => snapToWords("abc", 2, 1)).toThrow(RangeError);
    expect(() => snapToWords("abc", 0.5, 2)).toThrow(RangeError);
  });

  it("finds the word in the middle of a 1 MB text without line breaks", () => {
    const filler = "lorem ipsum dolor sit amet, ".repeat(20_000);
    const text = `${filler}the Secretary-General spoke${filler}`;
    const at = text.indexOf("Secretary") + 3;
    const range = snapToWords(text, at, at + 12)!;
    expect(text.slice(range.start, range.end)).toBe("Secretary-General");
  });

  it("finds the word in the middle of a 1 MB CJK text without spaces or line breaks", () => {
    const filler = "北京大学的学生在天安门广场".repeat(40_000);
    const text = `${filler}。联合国秘书长说${filler}`;
    const at = text.indexOf("秘书");
    const range = snapToWords(text, at + 1, at + 2)!;
    // The same word the segmenter finds in the short sentence "。联合国秘书长说".
    expect(text.slice(range.start, range.end)).toBe("秘书");
  });

  describe("properties", () => {
    // Selections start and end between code points, as DOM selections do.
    const selection = trickyText().chain((text) => {
      const map = createOffsetMap(text);
      return fc.tuple(fc.nat(map.codePointLength), fc.nat(map.codePointLength)).map(([a, b]) => ({
        text,
        start: map.toUtf16(Math.min(a, b)),
        end: map.toUtf16(Math.max(a, b)),
      }));
    });
    const trimmable = /^[\p{P}\p{S}\s\p{Cf}\p{M}]*$/u;

    it("keeps every word character the user selected, and ends on neither whitespace nor punctuation", () => {
      fc.assert(
        fc.property(selection, ({ text, start, end }) => {
          const range = snapToWords(text, start, end);
          const selected = text.slice(start, end);
          if (range === null) {
            // Null only when the selection held no word character at all.
            expect(trimmable.test(selected)).toBe(true);
            return;
          }
          expect(range.start).toBeLessThan(range.end);
          const result = text.slice(range.start, range.end);
          expect(/^[\p{P}\p{S}\s\p{Cf}\p{M}]/u.test(result)).toBe(false);
          // The result ends on a word character, or on the period of a dotted abbreviation.
          expect(/[\p{P}\p{S}\s\p{Cf}]$/u.test(result) && !result.endsWith(".")).toBe(false);
          // Everything selected that is not trimmable lies inside the result.
          const first = selected.search(/[^\p{P}\p{S}\s\p{Cf}\p{M}]/u);
          expect(range.start).toBeLessThanOrEqual(start + first);
          // Never between the halves of a surrogate pair.
          for (const edge of [range.start, range.end]) {
            const c = text.charCodeAt(edge);
            expect(c >= 0xdc00 && c <= 0xdfff && edge > 0 && text.charCodeAt(edge - 1) >= 0xd800 && text.charCodeAt(edge - 1) <= 0xdbff).toBe(false);
          }
        }),
      );
    });

    it("is idempotent: snapping a snapped range changes nothing", () => {
      fc.assert(
        fc.property(selection, ({ text, start, end }) => {
          const once = snapToWords(text, start, end);
          if (once) expect(snapToWords(text, once.start, once.end)).toEqual(once);
        }),
      );
    });

    it("returns any non-empty range unchanged when snapping is off", () => {
      fc.assert(
        fc.property(selection, ({ text, start, end }) => {
          expect(snapToWords(text, start, end, { enabled: false })).toEqual(start < end ? { start, end } : null);
        }),
      );
    });
  });
});

describe("wordBoundaryAfter / wordBoundaryBefore", () => {
  const text = "Hello, world!  Foo-bar\n\n“O'Brien” said 北京大学.";

  const words = ["Hello", "world", "Foo", "bar", "O'Brien", "said", "北京", "大学"];
  const starts = words.map((w) => text.indexOf(w));

  it("moves to the end of the current or next word", () => {
    const stops: number[] = [];
    for (let p = 0; p < text.length; p = wordBoundaryAfter(text, p)) stops.push(wordBoundaryAfter(text, p));
    // The last stop is the end of the text: no word follows "大学".
    expect(stops).toEqual([...words.map((w, i) => starts[i]! + w.length), text.length]);
  });

  it("moves to the start of the current or previous word", () => {
    const stops: number[] = [];
    for (let p = text.length; p > 0; p = wordBoundaryBefore(text, p)) stops.push(wordBoundaryBefore(text, p));
    expect(stops).toEqual([...starts].reverse());
  });

  it("from inside a word goes to that word's end or start", () => {
    expect(wordBoundaryAfter(text, 2)).toBe(5);
    expect(wordBoundaryBefore(text, 2)).toBe(0);
  });

  it("stays at the ends of the text", () => {
    expect(wordBoundaryAfter(text, text.length)).toBe(text.length);
    expect(wordBoundaryBefore(text, 0)).toBe(0);
    expect(wordBoundaryAfter("  ...  ", 1)).toBe(7);
    expect(wordBoundaryBefore("  ...  ", 6)).toBe(0);
  });

  it("crosses line breaks and skips emoji", () => {
    const t = "end.\n\n😀 🇫🇷\nstart";
    expect(wordBoundaryAfter(t, 3)).toBe(t.length);
    expect(wordBoundaryBefore(t, t.length - 5)).toBe(0);
  });

  it("works in the middle of a 1 MB line", () => {
    const filler = "lorem ipsum ".repeat(90_000);
    const t = `${filler}Secretary-General${filler}`;
    const at = t.indexOf("Secretary") + 2;
    expect(t.slice(wordBoundaryBefore(t, at), wordBoundaryAfter(t, at))).toBe("Secretary");
  });

  it("refuses positions out of range", () => {
    expect(() => wordBoundaryAfter("abc", 4)).toThrow(RangeError);
    expect(() => wordBoundaryBefore("abc", -1)).toThrow(RangeError);
  });

  it("always moves forward / backward, to a word edge, until the text's end / start", () => {
    fc.assert(
      fc.property(
        trickyText().chain((t) => fc.tuple(fc.constant(t), fc.nat(t.length))),
        ([t, p]) => {
          const after = wordBoundaryAfter(t, p);
          const before = wordBoundaryBefore(t, p);
          expect(after).toBeGreaterThanOrEqual(p);
          expect(before).toBeLessThanOrEqual(p);
          if (p < t.length && after === p) throw new Error("wordBoundaryAfter did not move");
          if (p > 0 && before === p) throw new Error("wordBoundaryBefore did not move");
          // A word boundary is also where snapping would put a span's edge.
          if (after > p && after < t.length) {
            const r = snapToWords(t, after - 1, after);
            expect(r?.end).toBe(after);
          }
          if (before < p && before > 0) {
            const r = snapToWords(t, before, before + 1);
            expect(r?.start).toBe(before);
          }
        },
      ),
    );
  });
});
