/**
 * A document's publication date, when its first lines say it: a labelled
 * line ("Published: 2022-05-10", "Posted on May 10, 2022") or a short line
 * that is mostly a full date (a byline or dateline: "May 10, 2022",
 * "Tuesday 10 May 2022 | By Jane Doe"). A full date with a year wins; failing
 * one, a dateline or labelled line with a month and day but no year
 * ("BEIRUT, March 3 —") gives the day without the year, "--03-03", kept
 * until someone knows the year. "Updated" and "Accessed" lines are not
 * publication dates.
 */
import * as chrono from "chrono-node";

export interface PublicationDate {
  /** "YYYY-MM-DD", or "--MM-DD" when the text gives no year. */
  value: string;
  /** UTF-16 offsets of the date's text in the document, half-open. */
  start: number;
  end: number;
}

/** How far into a document to look: its head, not its body. */
const MAX_LINES = 12;
const MAX_CHARS = 2000;
/** A line longer than this is prose, not a byline or dateline. */
const MAX_UNLABELLED_LINE = 90;

const LABEL = /^\s*(?:first\s+)?(?:published|publication\s+date|posted|date|dated)\b\s*(?:on|at)?\s*[:\-–—]?\s*/i;
/** A news dateline opening a paragraph: a place in capitals, then a comma ("GENEVA, March 3, 2023 — …"). */
const DATELINE = /^\s*\p{Lu}[\p{Lu} .'’-]{1,30},\s/u;
const NOT_PUBLICATION = /\b(updated|modified|edited|accessed|retrieved|last\s+reviewed)\b/i;

/**
 * The publication date the text states in its first lines, or undefined. A
 * labelled line anywhere in the head wins over an unlabelled one.
 */
export function extractPublicationDate(text: string): PublicationDate | undefined {
  const head = text.slice(0, MAX_CHARS);
  const lines: { text: string; offset: number }[] = [];
  let offset = 0;
  for (const line of head.split("\n")) {
    if (lines.length >= MAX_LINES) break;
    if (line.trim() !== "") lines.push({ text: line, offset });
    offset += line.length + 1;
  }
  let unlabelled: PublicationDate | undefined;
  let yearless: PublicationDate | undefined;
  for (const line of lines) {
    if (NOT_PUBLICATION.test(line.text)) continue;
    const label = LABEL.exec(line.text);
    if (label) {
      const rest = line.text.slice(label[0].length);
      const found = fullDate(rest, line.offset + label[0].length, true);
      if (found) return found;
      yearless ??= monthDay(rest, line.offset + label[0].length, true);
      continue;
    }
    if (!unlabelled && (line.text.trim().length <= MAX_UNLABELLED_LINE || DATELINE.test(line.text))) unlabelled = fullDate(line.text, line.offset, false);
    if (!yearless && DATELINE.test(line.text)) yearless = monthDay(line.text, line.offset, false);
  }
  return unlabelled ?? yearless;
}

/** A month and day stated without a year in `text` ("March 3"), as "--MM-DD"; placed like {@link fullDate}. */
function monthDay(text: string, offset: number, labelled: boolean): PublicationDate | undefined {
  const [result] = chrono.strict.parse(text, { instant: new Date(Date.UTC(2000, 0, 1, 12)), timezone: 0 });
  if (!result) return undefined;
  const { start } = result;
  if (start.isCertain("year") || !start.isCertain("month") || !start.isCertain("day")) return undefined;
  if (!labelled && result.index > 40) return undefined;
  const value = `--${String(start.get("month")).padStart(2, "0")}-${String(start.get("day")).padStart(2, "0")}`;
  const matched = result.text.trimEnd();
  return { value, start: offset + result.index, end: offset + result.index + matched.length };
}

/** A date with day, month and year all stated in `text`; unlabelled, it must start the line or follow a short lead ("GAZA CITY,"). */
function fullDate(text: string, offset: number, labelled: boolean): PublicationDate | undefined {
  const [result] = chrono.strict.parse(text, { instant: new Date(Date.UTC(2000, 0, 1, 12)), timezone: 0 });
  if (!result) return undefined;
  const { start } = result;
  if (!start.isCertain("year") || !start.isCertain("month") || !start.isCertain("day")) return undefined;
  if (!labelled && result.index > 40) return undefined;
  const value = `${String(start.get("year")).padStart(4, "0")}-${String(start.get("month")).padStart(2, "0")}-${String(start.get("day")).padStart(2, "0")}`;
  const matched = result.text.trimEnd();
  return { value, start: offset + result.index, end: offset + result.index + matched.length };
}
