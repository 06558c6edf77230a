import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { codePointSlice, createOffsetMap } from "../../shared/offsets";
import { trickyText } from "./builders";

/** Code point offset -> UTF-16 offset, computed the slow obvious way. */
function naiveUtf16Offsets(text: string): number[] {
  const offsets = [0];
  for (const ch of text) offsets.push(offsets[offsets.length - 1]! + ch.length);
  return offsets;
}

describe("createOffsetMap", () => {
  it("is the identity for text without astral characters", () => {
    const text = "قالَ الرئيسُ e\u0301 שָׁלוֹם 北京\r\n";
    const map = createOffsetMap(text);
    expect(map.codePointLength).toBe(text.length);
    expect(map.utf16Length).toBe(text.length);
    for (let i = 0; i <= text.length; i++) {
      expect(map.toCodePoint(i)).toBe(i);
      expect(map.toUtf16(i)).toBe(i);
    }
  });

  it("counts a surrogate pair as one code point", () => {
    const map = createOffsetMap("a😀b🇫🇷c");
    // a=0, 😀=1..3, b=3, 🇫=4..6, 🇷=6..8, c=8
    expect(map.codePointLength).toBe(6);
    expect([0, 1, 3, 4, 6, 8, 9].map((u) => map.toCodePoint(u))).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect([0, 1, 2, 3, 4, 5, 6].map((c) => map.toUtf16(c))).toEqual([0, 1, 3, 4, 6, 8, 9]);
  });

  it("refuses a UTF-16 offset between the halves of a surrogate pair", () => {
    const map = createOffsetMap("a😀b");
    expect(() => map.toCodePoint(2)).toThrow(RangeError);
    expect(() => map.toCodePoint(2)).toThrow(/inside a surrogate pair/);
  });

  it.each([-1, 4, 1.5, Number.NaN, Number.POSITIVE_INFINITY])("refuses the out-of-range offset %s", (bad) => {
    for (const text of ["abc", "a😀"]) {
      const map = createOffsetMap(text);
      expect(() => map.toCodePoint(bad)).toThrow(RangeError);
      expect(() => map.toUtf16(bad === 4 ? 4 : bad)).toThrow(RangeError);
    }
  });

  it("counts a lone surrogate as one code point, like Array.from", () => {
    for (const text of ["a\uD800b", "\uDC00\uD800", "x\uD83D", "\uDE00y", "\uD800\uD83D\uDE00\uDC00"]) {
      const map = createOffsetMap(text);
      expect(map.codePointLength).toBe(Array.from(text).length);
      const offsets = naiveUtf16Offsets(text);
      offsets.forEach((u, c) => {
        expect(map.toUtf16(c)).toBe(u);
        expect(map.toCodePoint(u)).toBe(c);
      });
    }
  });

  it("handles the empty text", () => {
    const map = createOffsetMap("");
    expect(map.codePointLength).toBe(0);
    expect(map.toCodePoint(0)).toBe(0);
    expect(map.toUtf16(0)).toBe(0);
    expect(() => map.toUtf16(1)).toThrow(RangeError);
  });

  it("agrees with the obvious conversion on a 1 MB text with emoji, for 10,000 offsets", () => {
    const paragraph = "Der Präsident 👨‍👩‍👧 sagte: «Wir 🇺🇦 kommen» — قالَ الرئيسُ 北京 𠜎.\n";
    const text = paragraph.repeat(Math.ceil((1024 * 1024) / paragraph.length));
    const naive = naiveUtf16Offsets(text);
    const map = createOffsetMap(text);
    expect(map.codePointLength).toBe(naive.length - 1);
    for (let k = 0; k < 10_000; k++) {
      const c = Math.floor((k * 7919 * 104729) % naive.length);
      expect(map.toUtf16(c)).toBe(naive[c]);
      expect(map.toCodePoint(naive[c]!)).toBe(c);
    }
  });
});

describe("offset properties over emoji, ZWJ sequences, flags, combining marks, Arabic, Hebrew, CJK and CRLF", () => {
  it("round-trips code point -> UTF-16 -> code point for every offset", () => {
    fc.assert(
      fc.property(trickyText(), (text) => {
        const map = createOffsetMap(text);
        for (let c = 0; c <= map.codePointLength; c++) expect(map.toCodePoint(map.toUtf16(c))).toBe(c);
      }),
    );
  });

  it("round-trips UTF-16 -> code point -> UTF-16 for every offset not inside a pair, and refuses the rest", () => {
    fc.assert(
      fc.property(trickyText(), (text) => {
        const map = createOffsetMap(text);
        const boundaries = new Set(naiveUtf16Offsets(text));
        for (let u = 0; u <= text.length; u++) {
          if (boundaries.has(u)) expect(map.toUtf16(map.toCodePoint(u))).toBe(u);
          else expect(() => map.toCodePoint(u)).toThrow(RangeError);
        }
      }),
    );
  });

  it("is strictly increasing in both directions", () => {
    fc.assert(
      fc.property(trickyText(), (text) => {
        const map = createOffsetMap(text);
        for (let c = 1; c <= map.codePointLength; c++) {
          const step = map.toUtf16(c) - map.toUtf16(c - 1);
          expect(step === 1 || step === 2).toBe(true);
        }
      }),
    );
  });

  it("slices exactly what Array.from(text).slice (Python's text[start:end]) gives", () => {
    fc.assert(
      fc.property(
        trickyText().chain((text) => {
          const n = Array.from(text).length;
          return fc.tuple(fc.constant(text), fc.nat(n), fc.nat(n));
        }),
        ([text, a, b]) => {
          const [start, end] = a <= b ? [a, b] : [b, a];
          const map = createOffsetMap(text);
          const expected = Array.from(text).slice(start, end).join("");
          expect(text.slice(map.toUtf16(start), map.toUtf16(end))).toBe(expected);
          expect(codePointSlice(text, start, end)).toBe(expected);
          expect(map.codePointLength).toBe(Array.from(text).length);
        },
      ),
    );
  });
});

describe("codePointSlice", () => {
  it("slices by code points", () => {
    const text = "👨‍👩‍👧 met e\u0301mile in 🇫🇷";
    // 👨‍👩‍👧 is five code points (three people, two ZWJ); 🇫🇷 is two.
    expect(codePointSlice(text, 0, 5)).toBe("👨‍👩‍👧");
    expect(codePointSlice(text, 10, 16)).toBe("e\u0301mile");
    expect(codePointSlice(text, 20, 22)).toBe("🇫🇷");
  });

  it("throws instead of clamping like Python", () => {
    expect(() => codePointSlice("abc", 0, 4)).toThrow(RangeError);
    expect(() => codePointSlice("abc", -1, 2)).toThrow(RangeError);
    expect(() => codePointSlice("abc", 2, 1)).toThrow(RangeError);
  });
});
