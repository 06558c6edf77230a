/**
 * Word snapping: turns a rough mouse selection into the span a researcher
 * meant, and finds word boundaries for keyboard movement.
 *
 * Word boundaries come from `Intl.Segmenter` (Unicode UAX #29 plus ICU's
 * dictionaries for scripts written without spaces, such as Chinese, Japanese
 * and Thai), so Arabic, Hebrew and CJK are handled by the same code as
 * English. All offsets are UTF-16 code units, half-open, like the rest of the app.
 */

/** A half-open UTF-16 range into a document's text. */
export interface TextRange {
  start: number;
  end: number;
}

/** Options for {@link snapToWords}. */
export interface SnapOptions {
  /**
   * `false` is the "snapping off" setting: the selection is taken exactly as
   * made (only an empty one is refused). Defaults to `true`.
   */
  enabled?: boolean;
}

/**
 * Expands the selection `[start, end)` to whole words and trims what a span
 * should not start or end with.
 *
 * - The start moves back to the start of the word (segment) containing
 *   `start`; the end moves forward to the end of the word containing `end - 1`.
 *   A selection that already starts and ends at word boundaries keeps them.
 * - Whitespace, punctuation, symbols (Unicode P, S, White_Space) and invisible
 *   format characters (Cf, e.g. the bidi marks common in Arabic and Hebrew
 *   text) are then trimmed from both ends, together with any combining marks
 *   attached to them. Apostrophes inside words (O'Brien, Isma'il, don’t) are
 *   part of the word and stay. One exception: the final period of a dotted
 *   abbreviation (U.S., p.m., e.g.) stays when it was selected, because the
 *   segmenter splits it off but a researcher tagging "U.S." means all of it.
 * - Only the lines around the two ends are segmented, so the cost does not
 *   grow with the document. A selection across several lines keeps its interior.
 *
 * Returns null when the selection is empty or nothing but whitespace,
 * punctuation and symbols is left (a lone emoji, for instance, trims to
 * nothing). Throws a RangeError for offsets that are not integers with
 * `0 <= start <= end <= text.length`.
 */
export function snapToWords(text: string, start: number, end: number, options: SnapOptions = {}): TextRange | null {
  checkOffset(text, start, "start");
  checkOffset(text, end, "end");
  if (start > end) throw new RangeError(`Selection [${start}, ${end}) ends before it starts.`);
  if (start === end) return null;
  if (options.enabled === false) return { start, end };

  const expandedStart = segmentContaining(text, start)?.start ?? start;
  const expandedEnd = segmentContaining(text, end - 1)?.end ?? end;
  const trimmedStart = skipTrimmableForward(text, expandedStart, expandedEnd);
  let trimmedEnd = skipTrimmableBackward(text, trimmedStart, expandedEnd);
  if (trimmedStart >= trimmedEnd) return null;

  if (trimmedEnd < expandedEnd && text.charCodeAt(trimmedEnd) === 0x2e /* . */) {
    const last = segmentContaining(text, trimmedEnd - 1);
    if (last && last.start >= trimmedStart && DOTTED_ABBREVIATION.test(text.slice(last.start, last.end))) trimmedEnd++;
  }
  return { start: trimmedStart, end: trimmedEnd };
}

/**
 * Where Ctrl+Right (Option+Right on macOS) puts the caret: the end of the
 * word containing `pos`, or if `pos` is at a word's end or between words, the
 * end of the next word. Punctuation, symbols, spaces and line breaks are
 * skipped. Returns `text.length` when no word follows.
 */
export function wordBoundaryAfter(text: string, pos: number): number {
  checkOffset(text, pos, "position");
  let p = pos;
  search: while (p < text.length) {
    if (text.charCodeAt(p) === NEWLINE) {
      p++;
      continue;
    }
    const w = windowAround(text, p);
    const segments = segmentWords(text.slice(w.from, w.to));
    const length = w.to - w.from;
    let i = p - w.from;
    while (i < length) {
      const s = segments.containing(i)!;
      const segmentEnd = s.index + s.segment.length;
      if (isWordSegment(s.segment)) {
        // A word that touches a window edge cut mid-line may be cut short;
        // look again from its start, in a window centred there.
        if (w.cutTo && segmentEnd === length && w.from + s.index > p) {
          p = w.from + s.index;
          continue search;
        }
        // The segmenter attaches format characters (a bidi mark after an
        // Arabic word) to the word; stop where snapping would end a span.
        const wordEnd = skipTrimmableBackward(text, w.from + s.index, w.from + segmentEnd);
        if (wordEnd > p) return wordEnd;
      }
      i = segmentEnd;
    }
    p = w.to;
  }
  return text.length;
}

/**
 * Where Ctrl+Left (Option+Left on macOS) puts the caret: the start of the
 * word containing `pos - 1`, or if `pos` is at a word's start or between
 * words, the start of the previous word. Returns 0 when no word precedes.
 */
export function wordBoundaryBefore(text: string, pos: number): number {
  checkOffset(text, pos, "position");
  let p = pos;
  search: while (p > 0) {
    if (text.charCodeAt(p - 1) === NEWLINE) {
      p--;
      continue;
    }
    const w = windowAround(text, p - 1);
    const segments = segmentWords(text.slice(w.from, w.to));
    let i = p - w.from;
    while (i > 0) {
      const s = segments.containing(i - 1)!;
      if (isWordSegment(s.segment)) {
        const segmentEnd = w.from + s.index + s.segment.length;
        if (w.cutFrom && s.index === 0 && segmentEnd < p) {
          p = segmentEnd;
          continue search;
        }
        const wordStart = skipTrimmableForward(text, w.from + s.index, segmentEnd);
        if (wordStart < p) return wordStart;
      }
      i = s.index;
    }
    p = w.from;
  }
  return 0;
}

const NEWLINE = 0x0a;

/** What a span should not start or end with: punctuation, symbols, whitespace, invisible format characters. */
const TRIMMABLE = /^[\p{P}\p{S}\s\p{Cf}]$/u;
const MARK = /^\p{M}$/u;
/** A segment with at least one character that is not trimmable or a mark: a word, a number, a CJK word. */
const WORD_CHARACTER = /[^\p{P}\p{S}\s\p{Cf}\p{M}]/u;
/** "U.S", "p.m", "e.g", "Ph.D", "U.S.A": what the segmenter leaves of a dotted abbreviation. */
const DOTTED_ABBREVIATION = /^(?:\p{L}{1,3}\.)+\p{L}{1,3}$/u;

function isWordSegment(segment: string): boolean {
  return WORD_CHARACTER.test(segment);
}

let wordSegmenter: Intl.Segmenter | undefined;

function segmentWords(input: string): Intl.Segments {
  // Built once: constructing a segmenter loads ICU data and is far slower
  // than segmenting a line. The default locale is fine because UAX #29 word
  // breaking is not tailored by locale in ICU for the scripts we care about.
  wordSegmenter ??= new Intl.Segmenter(undefined, { granularity: "word" });
  return wordSegmenter.segment(input);
}

/**
 * The word segment (word, run of spaces, punctuation mark, emoji) containing
 * the character at `pos`; null at a line break or the end of the text, which
 * are boundaries already.
 */
function segmentContaining(text: string, pos: number): TextRange | null {
  if (pos >= text.length || text.charCodeAt(pos) === NEWLINE) return null;
  const w = windowAround(text, pos);
  const s = segmentWords(text.slice(w.from, w.to)).containing(pos - w.from)!;
  return { start: w.from + s.index, end: w.from + s.index + s.segment.length };
}

/** How far from `pos` a window reaches on each side; words are far shorter. */
const REACH = 1000;
/** A cut window edge is moved to whitespace, but never closer to `pos` than this. */
const MIN_CONTEXT = 200;

interface Window {
  from: number;
  to: number;
  /** True when an edge is not a line boundary but a cut in a very long line. */
  cutFrom: boolean;
  cutTo: boolean;
}

/**
 * The part of the line around `pos` worth segmenting: the whole line when it
 * is short, otherwise REACH code units either side, with each cut moved to a
 * space where there is one so that it does not split a word. Segmenting a
 * whole 1 MB single-line document for every selection would cost
 * milliseconds; this costs microseconds. `text[pos]` must not be a line break.
 */
function windowAround(text: string, pos: number): Window {
  let from = Math.max(0, pos - REACH);
  const before = text.slice(from, pos);
  const lineStart = before.lastIndexOf("\n");
  let cutFrom = false;
  if (lineStart >= 0) {
    from += lineStart + 1;
  } else if (from > 0) {
    cutFrom = true;
    const space = before.slice(0, Math.max(0, before.length - MIN_CONTEXT)).search(/\s/u);
    if (space >= 0) from += space + 1;
    else if (isLowSurrogate(text.charCodeAt(from))) from++;
  }

  let to = Math.min(text.length, pos + REACH);
  const after = text.slice(pos, to);
  const lineEnd = after.indexOf("\n");
  let cutTo = false;
  if (lineEnd >= 0) {
    to = pos + lineEnd;
  } else if (to < text.length) {
    cutTo = true;
    const tail = after.slice(MIN_CONTEXT);
    const space = lastWhitespace(tail);
    if (space >= 0) to = pos + MIN_CONTEXT + space;
    else if (isHighSurrogate(text.charCodeAt(to - 1))) to--;
  }
  return { from, to, cutFrom, cutTo };
}

function lastWhitespace(s: string): number {
  for (let i = s.length - 1; i >= 0; i--) if (/\s/u.test(s[i]!)) return i;
  return -1;
}

/** The first index in `[from, to)` that is not trimmable, skipping marks attached to trimmed characters. */
function skipTrimmableForward(text: string, from: number, to: number): number {
  let i = from;
  while (i < to) {
    const c = text.codePointAt(i)!;
    if (!TRIMMABLE.test(String.fromCodePoint(c))) break;
    i += c > 0xffff ? 2 : 1;
    // A combining mark or variation selector after a trimmed symbol (the
    // U+FE0F of "❤️") belongs to it; leaving it would start the span with an
    // orphan mark.
    while (i < to) {
      const m = text.codePointAt(i)!;
      if (!MARK.test(String.fromCodePoint(m))) break;
      i += m > 0xffff ? 2 : 1;
    }
  }
  return i;
}

/** The end of `[from, to)` once trimmable characters (and their marks) are removed from its end. */
function skipTrimmableBackward(text: string, from: number, to: number): number {
  let j = to;
  while (j > from) {
    let k = j;
    while (k > from) {
      const m = codePointBefore(text, k);
      if (!MARK.test(String.fromCodePoint(m))) break;
      k -= m > 0xffff ? 2 : 1;
    }
    if (k === from) break;
    const base = codePointBefore(text, k);
    if (!TRIMMABLE.test(String.fromCodePoint(base))) break;
    j = k - (base > 0xffff ? 2 : 1);
  }
  return j;
}

function codePointBefore(text: string, index: number): number {
  const low = text.charCodeAt(index - 1);
  if (isLowSurrogate(low) && index >= 2) {
    const high = text.charCodeAt(index - 2);
    if (isHighSurrogate(high)) return (high - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
  }
  return low;
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

function checkOffset(text: string, offset: number, what: string): void {
  if (!Number.isInteger(offset) || offset < 0 || offset > text.length) {
    throw new RangeError(`Selection ${what} ${offset} is out of range [0, ${text.length}].`);
  }
}
