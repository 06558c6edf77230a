/**
 * Converts between the two kinds of text offset Spanwise uses.
 *
 * Inside the app an offset is a JavaScript string index: a UTF-16 code unit,
 * half-open `[start, end)`. At every boundary to the outside (exports, project
 * files, the CLI) an offset is a Unicode code point index, half-open, because
 * that is what Python's `text[start:end]`, spaCy, doccano, Prodigy and brat
 * mean by a character offset. The two differ only at astral characters
 * (U+10000 and above: most emoji, rarer CJK ideographs, mathematical letters),
 * which take two UTF-16 code units (a surrogate pair) but one code point.
 *
 * A lone surrogate (a high surrogate not followed by a low one, or a low one
 * not preceded by a high one) counts as one code point, as it does for
 * `Array.from(text)` and for Python reading the JSON escape `"\udc00"`.
 */

/** Converts offsets of one text in both directions. Build it once per text with {@link createOffsetMap}. */
export interface OffsetMap {
  /** Length of the text in UTF-16 code units (`text.length`). */
  readonly utf16Length: number;
  /** Length of the text in code points (`Array.from(text).length`). */
  readonly codePointLength: number;
  /**
   * The code point offset of a UTF-16 offset. Throws a RangeError if the
   * offset is not an integer in `[0, utf16Length]` or falls between the two
   * halves of a surrogate pair (no code point offset corresponds to it).
   */
  toCodePoint(utf16Index: number): number;
  /** The UTF-16 offset of a code point offset. Throws a RangeError if it is not an integer in `[0, codePointLength]`. */
  toUtf16(codePointIndex: number): number;
}

/**
 * Scans `text` once and returns an {@link OffsetMap} for it.
 *
 * Building is O(n); each conversion is O(1) when the text has no surrogate
 * pairs (the common case: most prose is entirely in the Basic Multilingual
 * Plane, including Arabic, Hebrew and common CJK) and O(log p) otherwise,
 * where p is the number of surrogate pairs. That keeps a 1 MB document with
 * 10,000 spans cheap to export.
 */
export function createOffsetMap(text: string): OffsetMap {
  const pairStarts = surrogatePairStarts(text);
  const utf16Length = text.length;
  const codePointLength = utf16Length - pairStarts.length;

  if (pairStarts.length === 0) {
    return {
      utf16Length,
      codePointLength,
      toCodePoint: (utf16Index) => {
        checkIndex(utf16Index, utf16Length, "UTF-16");
        return utf16Index;
      },
      toUtf16: (codePointIndex) => {
        checkIndex(codePointIndex, codePointLength, "code point");
        return codePointIndex;
      },
    };
  }

  // The code point index of each pair: pair j is preceded by j other pairs,
  // each of which is one code point shorter than its UTF-16 length.
  const pairCodePoints = new Int32Array(pairStarts.length);
  for (let j = 0; j < pairStarts.length; j++) pairCodePoints[j] = pairStarts[j]! - j;

  return {
    utf16Length,
    codePointLength,
    toCodePoint: (utf16Index) => {
      checkIndex(utf16Index, utf16Length, "UTF-16");
      const before = countLessThan(pairStarts, utf16Index);
      if (before > 0 && pairStarts[before - 1]! + 1 === utf16Index) {
        throw new RangeError(`UTF-16 offset ${utf16Index} falls inside a surrogate pair (between the two halves of one character).`);
      }
      return utf16Index - before;
    },
    toUtf16: (codePointIndex) => {
      checkIndex(codePointIndex, codePointLength, "code point");
      return codePointIndex + countLessThan(pairCodePoints, codePointIndex);
    },
  };
}

/**
 * `text[start:end]` as Python means it: the substring between two code point
 * offsets. Unlike Python it does not clamp or accept negative offsets; it
 * throws a RangeError, because an offset out of range is a bug to report.
 * Builds an {@link OffsetMap} on each call: for many slices of one text,
 * build the map once and slice with `toUtf16`.
 */
export function codePointSlice(text: string, start: number, end: number): string {
  const map = createOffsetMap(text);
  if (start > end) throw new RangeError(`Code point range [${start}, ${end}) ends before it starts.`);
  return text.slice(map.toUtf16(start), map.toUtf16(end));
}

/** UTF-16 indices of the high surrogate of every well-formed surrogate pair, ascending. */
function surrogatePairStarts(text: string): Int32Array {
  // Most texts have none; skip the array allocation for them with one regex scan
  // (native, far faster than a charCodeAt loop over a megabyte).
  if (!/[\uD800-\uDBFF][\uDC00-\uDFFF]/.test(text)) return new Int32Array(0);
  const starts: number[] = [];
  const n = text.length;
  for (let i = 0; i < n - 1; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        starts.push(i);
        i++; // the low half is consumed; it cannot start another pair
      }
    }
  }
  return Int32Array.from(starts);
}

/** Number of elements of the ascending array `sorted` that are less than `value`. */
function countLessThan(sorted: Int32Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function checkIndex(index: number, length: number, kind: string): void {
  // Number.isInteger also rejects NaN and ±Infinity, which would otherwise
  // slip through comparisons and produce NaN offsets in an export.
  if (!Number.isInteger(index) || index < 0 || index > length) {
    throw new RangeError(`${kind} offset ${index} is out of range [0, ${length}].`);
  }
}
