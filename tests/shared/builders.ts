/**
 * Small fixture builders for tests of shared/ (and anyone else who needs a
 * document with spans). In the spirit of prosemirror-test-builder's
 * `doc(p("foo"))`: write the annotated text, get the records.
 *
 *   const { text, spans } = annotated("[actor: Obama] met [actor: Putin] on [date: 1 May].");
 *   const doc = docRecord(text);
 */
import fc from "fast-check";
import type { DocumentRecord, SpanRecord } from "../../shared/model";

/** A fixed time (2024-05-01T12:00:00Z) so records and exports are reproducible. */
export const T0 = Date.UTC(2024, 4, 1, 12, 0, 0);

export const TEST_PROJECT_ID = "project-1";
export const TEST_DOC_ID = "doc-1";

/**
 * A document record for `text`. `textHash` is a placeholder: compute it with
 * shared/hash.ts `sha256Hex` when a test depends on it.
 */
export function docRecord(text: string, overrides: Partial<DocumentRecord> = {}): DocumentRecord {
  return {
    id: TEST_DOC_ID,
    projectId: TEST_PROJECT_ID,
    title: "Test document",
    textHash: "0".repeat(64),
    length: text.length,
    createdAt: T0,
    ...overrides,
  };
}

/** A live span over UTF-16 `[start, end)`; its id defaults to one derived from its place and label. */
export function spanRecord(start: number, end: number, overrides: Partial<SpanRecord> = {}): SpanRecord {
  const label = overrides.label ?? "actor";
  return {
    id: `span-${start}-${end}-${label}`,
    projectId: TEST_PROJECT_ID,
    docId: TEST_DOC_ID,
    start,
    end,
    label,
    annotator: "ana",
    createdAt: T0,
    updatedAt: T0,
    deleted: false,
    ...overrides,
  };
}

/** A span over the `occurrence`-th (0-based) appearance of `needle` in `text`. Throws if there is none. */
export function spanOver(text: string, needle: string, overrides: Partial<SpanRecord> = {}, occurrence = 0): SpanRecord {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`spanOver: ${JSON.stringify(needle)} does not occur ${occurrence + 1} time(s) in the text.`);
  }
  return spanRecord(at, at + needle.length, overrides);
}

/**
 * Parses markup into a text and its spans: `[label: words]` is a span, and
 * spans nest (`[event: [actor: Obama] visited Paris]`). A "[" not followed by
 * `label: ` and a "]" with no span open are ordinary text. Spans get ids
 * "s1", "s2", … in the order they open, and `overrides` on every span.
 */
export function annotated(markup: string, overrides: Partial<SpanRecord> = {}): { text: string; spans: SpanRecord[] } {
  const open: { label: string; start: number; id: string }[] = [];
  const spans: SpanRecord[] = [];
  let text = "";
  let count = 0;
  for (let i = 0; i < markup.length; ) {
    const opening = markup[i] === "[" ? /^\[([\w-]+): /.exec(markup.slice(i)) : null;
    if (opening) {
      open.push({ label: opening[1]!, start: text.length, id: `s${++count}` });
      i += opening[0].length;
    } else if (markup[i] === "]" && open.length > 0) {
      const { label, start, id } = open.pop()!;
      spans.push(spanRecord(start, text.length, { id, label, ...overrides }));
      i++;
    } else {
      text += markup[i];
      i++;
    }
  }
  if (open.length > 0) throw new Error(`annotated: unclosed span(s) ${open.map((o) => o.label).join(", ")}.`);
  return { text, spans: spans.sort((a, b) => Number(a.id.slice(1)) - Number(b.id.slice(1))) };
}

/**
 * Pieces of real-world text that break naive offset code: astral emoji, ZWJ
 * sequences, flags, skin tones, keycaps, combining marks, Arabic with harakat
 * and bidi marks, Hebrew with niqqud, CJK (BMP and astral), mathematical
 * letters, apostrophes, punctuation, CRLF and line breaks.
 */
export const TRICKY_TEXT_PIECES: readonly string[] = [
  "a", "word", "Obama", "O'Brien", "don’t", "U.S.", " ", "  ", "\n", "\r\n", "\t", ".", ",", "“", "”", "—", "(", ")",
  "😀", "👨‍👩‍👧", "🇫🇷", "👍🏽", "❤️", "1️⃣", "e\u0301", "n\u0303o", "𝒳", "𠜎",
  "قالَ", "الرئيسُ", "إسماعيل", "\u200F", "שָׁלוֹם", "北京大学", "東京", "の", "한국어",
];

/** Random text built from {@link TRICKY_TEXT_PIECES} mixed with arbitrary code points (no lone surrogates). */
export function trickyText(maxPieces = 40): fc.Arbitrary<string> {
  const piece = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...TRICKY_TEXT_PIECES) },
    { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 3 }) },
  );
  return fc.array(piece, { maxLength: maxPieces }).map((pieces) => pieces.join(""));
}
