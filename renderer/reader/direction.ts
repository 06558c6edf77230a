/**
 * The direction of a paragraph, found as HTML's `dir="auto"` finds it: from
 * its first strong character (a letter of a right-to-left script makes it
 * right-to-left, any other letter left-to-right; digits, punctuation and
 * spaces are weak and skipped). The reader sets `dir="auto"` on every
 * paragraph, so the browser lays it out this way; the keyboard asks here
 * which way "forward" is, so both always agree.
 */
export type TextDirection = "ltr" | "rtl";

// Scripts written right to left (Unicode's Bidi_Class R and AL letters).
const RTL_LETTER = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Adlam}\p{Script=Hanifi_Rohingya}\p{Script=Yezidi}\p{Script=Imperial_Aramaic}\p{Script=Phoenician}\p{Script=Avestan}]/u;
const LETTER = /\p{L}/u;
const RLM = 0x200f;
const LRM = 0x200e;

/** The direction of `text[from, to)` by its first strong character; "ltr" when it has none. */
export function paragraphDirection(text: string, from = 0, to = text.length): TextDirection {
  for (let i = from; i < to; i++) {
    const code = text.codePointAt(i)!;
    const ch = String.fromCodePoint(code);
    if (code > 0xffff) i++;
    if (code === RLM) return "rtl";
    if (code === LRM) return "ltr";
    if (!LETTER.test(ch)) continue;
    return RTL_LETTER.test(ch) ? "rtl" : "ltr";
  }
  return "ltr";
}
