/**
 * A document's title as a coder knows it: the headline of the article, found
 * in the first lines of its text after the boilerplate a saved web page
 * starts with ("Skip to main content", cookie notices, navigation crumbs,
 * language menus, a site's tagline). Real collections name files by ids
 * ("000_bc1e5b86ce48cb8e.txt"), which say nothing in a document list.
 */

/** Lines of the text looked at: a headline comes before the article body. */
const LINES_LOOKED_AT = 12;
/** A headline is a line of this many characters… */
const MIN_CHARS = 12;
const MAX_CHARS = 200;
/** …and at most this many words; a line with fewer words is a section name or tagline when a longer heading follows. */
const MAX_WORDS = 30;
const SHORT_WORDS = 5;
/** A title made from the first sentence is cut at a word near this length. */
const SENTENCE_TITLE_CHARS = 90;

/** Lines a web page puts before its content, never a headline. */
const BOILERPLATE: readonly RegExp[] = [
  /^skip to (main )?(content|navigation)\b/i,
  /\bcookies?\b/i,
  /^(accept|reject|manage)( all)?( cookies| settings)?$/i,
  /^(menu|search|home|sign in|log ?in|subscribe|newsletter|advertisement|share|print|close|toggle navigation|main menu)$/i,
  // Navigation crumbs: "Home > World > Middle East", "News / Politics".
  /^[^>»›]{1,40}(\s[>»›]\s[^>»›]{1,40})+$/,
  // Language menus and similar lists of single words: "Portuguese / Spanish / English", "EN | FR | AR".
  /^[\p{L}]+(\s*[/|·•]\s*[\p{L}]+)+$/u,
  // Bylines and datelines on their own line.
  /^by\s+\p{Lu}/u,
  /^(updated|published|posted)\b/i,
];

/** A line that only gives a date (and perhaps a time): "October 20, 2020 at 2:40 pm", "2022-05-10". */
const DATE_ONLY = /^(\p{L}+,?\s+)?(\p{L}+\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+\p{L}+\s+\d{4}|\d{4}-\d{2}-\d{2})(\s*(at\s+)?\d{1,2}[:.]\d{2}\s*(am|pm|a\.m\.|p\.m\.)?(\s*\p{Lu}{2,4})?)?$/iu;

function isBoilerplate(line: string): boolean {
  return BOILERPLATE.some((pattern) => pattern.test(line)) || DATE_ONLY.test(line);
}

function wordCount(line: string): number {
  return line.split(/\s+/u).filter(Boolean).length;
}

/** A line shaped like a heading: short, not a sentence, with letters. */
function isHeadingLike(line: string): boolean {
  if (line.length < MIN_CHARS || line.length > MAX_CHARS) return false;
  if (wordCount(line) > MAX_WORDS) return false;
  if (!/\p{L}/u.test(line)) return false;
  // A sentence of the body ends with a period (an abbreviation like "U.S." at the end is rare in headlines).
  if (/[.:;,]$/u.test(line) && !/\.\.\.$|…$/u.test(line)) return false;
  // A photo credit or caption: mostly capitals with a slash ("ALEXANDER NEMENOV/AFP via Getty Images").
  if (/\/\s*\p{Lu}{2,}/u.test(line) || /\bvia Getty Images\b|\bReuters\/|\bAFP\b.*\bphoto\b/iu.test(line)) return false;
  return true;
}

/**
 * The headline of `text`, or undefined when its first lines have none (the
 * text starts with its body). Boilerplate lines are skipped; of the first
 * run of heading-like lines, a short one (a section name or a site's
 * tagline) gives way to a longer one after it.
 */
export function headlineOf(text: string): string | undefined {
  const lines = text
    .split("\n", LINES_LOOKED_AT * 4)
    .map((line) => line.replace(/\s+/gu, " ").trim())
    .filter((line) => line !== "")
    .slice(0, LINES_LOOKED_AT);
  const run: string[] = [];
  for (const line of lines) {
    if (isBoilerplate(line)) {
      if (run.length > 0) break;
      continue;
    }
    if (!isHeadingLike(line)) break;
    run.push(line);
  }
  if (run.length === 0) return undefined;
  return run.find((line, i) => wordCount(line) > SHORT_WORDS || i === run.length - 1);
}

/**
 * A title for a text without a headline: its first sentence, cut at a word
 * near {@link SENTENCE_TITLE_CHARS} characters with "…".
 */
export function firstSentenceTitle(text: string): string | undefined {
  const first = text
    .split("\n")
    .map((line) => line.replace(/\s+/gu, " ").trim())
    .find((line) => line !== "" && !isBoilerplate(line));
  if (first === undefined) return undefined;
  const sentence = /^.+?[.!?](?=\s|$)/u.exec(first)?.[0] ?? first;
  if (sentence.length <= SENTENCE_TITLE_CHARS) return sentence;
  const cut = sentence.slice(0, SENTENCE_TITLE_CHARS);
  const space = cut.lastIndexOf(" ");
  return `${(space > SENTENCE_TITLE_CHARS / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:]+$/u, "")}…`;
}

/** The title a document gets on import: its headline, else its first sentence, else `fallback` (the file's name). */
export function titleFromText(text: string, fallback: string): string {
  return headlineOf(text) ?? firstSentenceTitle(text) ?? fallback;
}
