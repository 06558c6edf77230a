/**
 * Seeded text and spans for the benchmarks, so runs on any machine measure
 * the same work.
 *
 * `corpusKit` is self-contained (no imports, nothing from module scope): the
 * seeding code sends its source into the page with `toString()` and runs it
 * there, so documents of tens of megabytes are generated where they are
 * stored instead of crossing the DevTools protocol. Node uses the same
 * function for the import files and the project file the CLI exports.
 */

/** A span as the generator makes it: UTF-16 offsets into its text, never across a line break. */
export interface CorpusSpan {
  start: number;
  end: number;
  label: string;
}

export interface CorpusKit {
  /** A uniform number in [0, 1). */
  random(): number;
  /** A whole number in [0, n). */
  int(n: number): number;
  /** A UUID-shaped id drawn from the seed (stable across runs). */
  id(): string;
  /** One paragraph of about `chars` characters: sentences of words, some non-ASCII. */
  paragraph(chars: number): string;
  /** About `chars` characters in paragraphs of about `paragraphChars`, separated by blank lines. */
  text(chars: number, paragraphChars: number): string;
  /** `count` spans at word boundaries, about `overlapShare` of them nested in or crossing another. */
  spans(text: string, count: number, overlapShare: number): CorpusSpan[];
  /** A short title of a few words. */
  title(): string;
  /** A whole document: text, id, title (generated unless given) and spans with ids, in one fixed order of draws. */
  document(shape: DocumentShape, title?: string): CorpusDocument;
}

/** What a generated document looks like. */
export interface DocumentShape {
  chars: number;
  paragraphChars: number;
  spans: number;
  overlapShare: number;
}

export interface CorpusDocument {
  id: string;
  title: string;
  text: string;
  spans: (CorpusSpan & { id: string })[];
}

export function corpusKit(seed: number): CorpusKit {
  // mulberry32: tiny, fast and good enough for test data.
  let state = seed >>> 0;
  const random = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number): number => Math.floor(random() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;

  const syllables = ["ka", "lo", "mi", "ren", "sa", "tor", "vel", "an", "is", "dor", "ma", "ne", "qua", "ri", "sul", "te", "ba", "gen", "hol", "ur"];
  const words: string[] = [];
  for (let i = 0; i < 600; i++) {
    let w = "";
    const n = 1 + int(3);
    for (let j = 0; j < n; j++) w += pick(syllables);
    words.push(w);
  }
  // Words outside ASCII keep offsets honest: accents, CJK, Arabic, an emoji (a surrogate pair).
  const foreign = ["café", "Zürich", "東京", "القاهرة", "naïve", "Ελλάδα", "🙂", "São"];
  const names = ["Okafor", "Lindqvist", "Haddad", "Moreau", "Tanaka", "Silva", "Novak", "Mensah", "Kowalski", "Reyes"];

  const word = (): string => {
    const r = random();
    if (r < 0.01) return pick(foreign);
    if (r < 0.08) return pick(names);
    return pick(words);
  };

  const sentence = (): string => {
    const n = 6 + int(14);
    let s = word();
    s = s[0]!.toUpperCase() + s.slice(1);
    for (let i = 1; i < n; i++) s += (random() < 0.08 ? ", " : " ") + word();
    return s + (random() < 0.1 ? "?" : ".");
  };

  const paragraph = (chars: number): string => {
    let p = sentence();
    while (p.length < chars) p += " " + sentence();
    return p;
  };

  const text = (chars: number, paragraphChars: number): string => {
    const parts: string[] = [];
    let total = 0;
    while (total < chars) {
      const p = paragraph(Math.max(20, Math.round(paragraphChars * (0.4 + random() * 1.2))));
      parts.push(p);
      total += p.length + 2;
    }
    return parts.join("\n\n");
  };

  const id = (): string => {
    const hex = (n: number): string => {
      let s = "";
      for (let i = 0; i < n; i++) s += int(16).toString(16);
      return s;
    };
    return `${hex(8)}-${hex(4)}-4${hex(3)}-${(8 + int(4)).toString(16)}${hex(3)}-${hex(12)}`;
  };

  const labels = ["actor", "event", "date", "quote"];

  const spans = (body: string, count: number, overlapShare: number): CorpusSpan[] => {
    // Words as [start, end, line]; a span never runs past the line its first word is on.
    const starts: number[] = [];
    const ends: number[] = [];
    const lines: number[] = [];
    const re = /[^\s.,?]+/gu;
    let line = 0;
    let lastEnd = 0;
    for (let m = re.exec(body); m; m = re.exec(body)) {
      for (let i = lastEnd; i < m.index; i++) if (body.charCodeAt(i) === 10) line++;
      starts.push(m.index);
      ends.push(m.index + m[0].length);
      lines.push(line);
      lastEnd = m.index + m[0].length;
    }
    const wordCount = starts.length;
    if (wordCount === 0) return [];
    const out: CorpusSpan[] = [];
    const made: [number, number][] = [];
    const lastOnLine = (w: number, want: number): number => {
      let end = w;
      while (end < want && end + 1 < wordCount && lines[end + 1] === lines[w]) end++;
      return end;
    };
    for (let i = 0; i < count; i++) {
      let first: number;
      let last: number;
      const r = random();
      if (made.length > 0 && r < overlapShare / 2) {
        // Nested inside an earlier span.
        const [a, b] = pick(made);
        first = a + int(b - a + 1);
        last = first + int(b - first + 1);
      } else if (made.length > 0 && r < overlapShare) {
        // Starting inside an earlier span and running past its end.
        const [a, b] = pick(made);
        first = a + int(b - a + 1);
        last = lastOnLine(first, b + 1 + int(3));
      } else {
        first = int(wordCount);
        last = lastOnLine(first, first + int(4));
      }
      made.push([first, last]);
      out.push({ start: starts[first]!, end: ends[last]!, label: pick(labels) });
    }
    return out;
  };

  const title = (): string => {
    const n = 2 + int(4);
    const parts: string[] = [];
    for (let i = 0; i < n; i++) parts.push(word());
    return parts.join(" ");
  };

  const document = (shape: DocumentShape, given?: string): CorpusDocument => {
    const body = text(shape.chars, shape.paragraphChars);
    const docId = id();
    const docTitle = given ?? title();
    return { id: docId, title: docTitle, text: body, spans: spans(body, shape.spans, shape.overlapShare).map((s) => ({ ...s, id: id() })) };
  };

  return { random, int, id, paragraph, text, spans, title, document };
}
