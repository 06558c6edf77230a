/**
 * Dates on the calendar: a date span's text ("on Thursday", "May 4-6", "in
 * early June") read as an ISO 8601 value relative to the document's
 * publication date, with chrono-node doing the parsing.
 *
 * Values are ISO 8601 calendar dates at the precision the text gives: a day
 * ("2022-05-06"), a month ("2022-06"), a year ("2022"), or an interval of two
 * of those ("2022-05-04/2022-05-06"). News conventions apply where the text
 * leaves a choice: a bare weekday is the last such day on or before
 * publication ("Thursday" in Tuesday's paper is last Thursday), and a month
 * and day without a year take the year that puts them closest to publication.
 *
 * A publication date may be known only by its month and day ("--03-03", the
 * ISO 8601 form for a day of any year), from a dateline without a year
 * ("BEIRUT, March 3 —"). Then a month and day in the text ("March 3") is read
 * as a month and day too ("--03-03", granularity "month-day"), while a
 * weekday or "yesterday" waits for the year.
 *
 * chrono-node is told the reference time and a UTC offset of 0, so results do
 * not depend on the machine's time zone.
 */
import * as chrono from "chrono-node";

export type DateGranularity = "day" | "month" | "year" | "range" | "month-day";

export interface NormalizedDate {
  ok: true;
  /** The ISO 8601 value: "2022-05-06", "2022-06", "2022", "2022-05-04/2022-05-06", or "--05-06" (a month and day, year unknown). */
  value: string;
  granularity: DateGranularity;
  /** First day covered, "YYYY-MM-DD" (for sorting and filtering); a month-day's own value, "--MM-DD". */
  first: string;
  /** Last day covered, "YYYY-MM-DD"; a month-day's own value. */
  last: string;
}

export interface DateProblem {
  ok: false;
  /** Why the text gives no calendar date, as a sentence. */
  problem: string;
}

export interface NormalizeDateOptions {
  /** Read "10/05/2022" as 10 May (day first, British and most non-US usage) rather than October 5. */
  dayFirst?: boolean;
}

/** A day as [year, month (1-12), day]. */
type Day = [number, number, number];
type Precision = "day" | "month" | "year";

/**
 * The calendar date `text` names, relative to `publishedAt` (an ISO date, or a
 * date-time whose date part is taken). Never throws: text without a date, a
 * relative date without a publication date, or a date too vague for the
 * calendar ("last week") gives `ok: false` with the reason.
 */
export function normalizeDate(text: string, publishedAt?: string, options: NormalizeDateOptions = {}): NormalizedDate | DateProblem {
  const trimmed = text.trim();
  if (trimmed === "") return { ok: false, problem: "There is no text to read a date from." };
  let reference: Day | undefined;
  let monthDay: [number, number] | undefined;
  if (publishedAt !== undefined && isMonthDay(publishedAt)) {
    monthDay = parseMonthDay(publishedAt);
    if (!monthDay) return { ok: false, problem: `The publication date "${publishedAt}" is not a day of the year (--MM-DD).` };
  } else if (publishedAt !== undefined && publishedAt !== "") {
    reference = parseIsoDay(publishedAt.slice(0, 10));
    if (!reference) return { ok: false, problem: `The publication date "${publishedAt}" is not a calendar date (YYYY-MM-DD).` };
  }
  if (/\b(last|this|next|past|previous|coming)\s+(week|weekend)\b|\bweeks?\s+ago\b/i.test(trimmed)) {
    return { ok: false, problem: `"${trimmed}" names a week, not a day on the calendar; enter the date by hand.` };
  }

  const read = readWithChrono(trimmed, reference ?? [2001, 6, 15], options);
  if (read && reference === undefined) {
    // Without a publication date only absolute dates can be read: one that
    // moves when the reference moves was relative ("Thursday", "yesterday").
    const moved = readWithChrono(trimmed, [2011, 2, 20], options);
    if (!moved || moved.value !== read.value) {
      if (monthDay) {
        const sameDay = readMonthDay(trimmed, options);
        if (sameDay) return sameDay;
        return { ok: false, problem: `"${trimmed}" is relative to when the text was published, and the year it was published is unknown; set the year of the publication date first.` };
      }
      return { ok: false, problem: `"${trimmed}" is relative to when the text was published; set the document's publication date first.` };
    }
  }
  if (read) return read;

  const years = readYears(trimmed);
  if (years) return years;
  return { ok: false, problem: `No calendar date could be read from "${trimmed}".` };
}

function readWithChrono(text: string, reference: Day, options: NormalizeDateOptions): NormalizedDate | undefined {
  const parser = options.dayFirst ? chrono.en.GB : chrono.casual;
  const instant = new Date(Date.UTC(reference[0], reference[1] - 1, reference[2], 12));
  const results = parser.parse(text, { instant, timezone: 0 }, { forwardDate: false });
  if (results.length === 0) return undefined;
  const first = results[0]!;
  const last = results[results.length - 1]!;
  const start = readComponents(first.start, first.text, reference);
  // "May 4-6" is one result with an end; "between May 4 and May 6" two results.
  const endComponents = first.end ?? (results.length > 1 ? last.start : undefined);
  if (!endComponents) return start && single(start.day, start.precision);
  const end = readComponents(endComponents, first.end ? first.text : last.text, reference);
  if (!start || !end) return undefined;
  return range(start, end);
}

/** A parsed point: its day and how much of it the text gave. */
function readComponents(components: chrono.ParsedComponents, matched: string, reference: Day): { day: Day; precision: Precision } | undefined {
  const year = components.get("year");
  const month = components.get("month");
  const day = components.get("day");
  if (year === null || month === null || day === null) return undefined;
  if (components.isCertain("day")) return { day: [year, month, day], precision: "day" };
  if (components.isCertain("weekday")) {
    // chrono reads a bare weekday as the nearest one, often in the future;
    // news means the last one on or before publication. "next/last/this
    // Thursday" say which, and chrono reads those right.
    if (/\b(next|last|this|coming|past|previous)\b/i.test(matched)) return { day: [year, month, day], precision: "day" };
    return { day: lastWeekdayOnOrBefore(reference, components.get("weekday")!), precision: "day" };
  }
  if (components.isCertain("month")) return { day: [year, month, 1], precision: "month" };
  if (components.isCertain("year")) return { day: [year, 1, 1], precision: "year" };
  // "this morning", "at noon": the reference day itself.
  return { day: [year, month, day], precision: "day" };
}

/**
 * A month and day without a year ("March 3", "3 March"), as "--MM-DD"; undefined
 * for anything else (a weekday, a range, a month alone, a relative day).
 */
function readMonthDay(text: string, options: NormalizeDateOptions): NormalizedDate | undefined {
  const parser = options.dayFirst ? chrono.en.GB : chrono.casual;
  const results = parser.parse(text, { instant: new Date(Date.UTC(2001, 5, 15, 12)), timezone: 0 }, { forwardDate: false });
  if (results.length !== 1 || results[0]!.end) return undefined;
  const { start } = results[0]!;
  if (!start.isCertain("month") || !start.isCertain("day") || start.isCertain("year") || start.isCertain("weekday")) return undefined;
  const value = `--${pad(start.get("month")!)}-${pad(start.get("day")!)}`;
  return { ok: true, value, granularity: "month-day", first: value, last: value };
}

/** Whether `value` is written as a month and day without a year, "--MM-DD" (whether or not that day exists). */
export function isMonthDay(value: string): boolean {
  return /^--\d{2}-\d{2}$/.test(value);
}

/** "--MM-DD" as [month, day] of a day that exists in some year (29 February included), or undefined. */
export function parseMonthDay(value: string): [number, number] | undefined {
  const m = /^--(\d{2})-(\d{2})$/.exec(value);
  if (!m) return undefined;
  const month = Number(m[1]);
  const day = Number(m[2]);
  // 2000 was a leap year: every day of the year exists in it.
  return parseIsoDay(`2000-${m[1]}-${m[2]}`) ? [month, day] : undefined;
}

/** A lone year ("2021", "in 2021") or two ("from 2019 to 2021"), which chrono does not read as dates. */
function readYears(text: string): NormalizedDate | undefined {
  const years = [...text.matchAll(/(?<![\d.,])(1[0-9]{3}|20[0-9]{2}|2100)(?![\d.,]*\d)/g)].map((m) => Number(m[1]));
  if (years.length === 1) return single([years[0]!, 1, 1], "year");
  if (years.length === 2) return range({ day: [years[0]!, 1, 1], precision: "year" }, { day: [years[1]!, 1, 1], precision: "year" });
  return undefined;
}

function single(day: Day, precision: Precision): NormalizedDate {
  const value = formatDay(day, precision);
  return { ok: true, value, granularity: precision, first: firstDay(day, precision), last: lastDay(day, precision) };
}

function range(start: { day: Day; precision: Precision }, end: { day: Day; precision: Precision }): NormalizedDate | undefined {
  const a = single(start.day, start.precision);
  const b = single(end.day, end.precision);
  if (a.value === b.value) return a;
  if (b.last < a.first) return undefined;
  return { ok: true, value: `${a.value}/${b.value}`, granularity: "range", first: a.first, last: b.last };
}

/**
 * Reads a stored date value back: what {@link normalizeDate} writes, or what a
 * user typed in its place. Undefined when it is not one of the five forms, names
 * a day that does not exist, or is an interval that ends before it starts.
 */
export function parseDateValue(value: string): NormalizedDate | undefined {
  if (isMonthDay(value)) return parseMonthDay(value) && { ok: true, value, granularity: "month-day", first: value, last: value };
  const parts = value.split("/");
  if (parts.length > 2) return undefined;
  const points = parts.map(parsePoint);
  if (points.some((p) => p === undefined)) return undefined;
  const [start, end] = points as { day: Day; precision: Precision }[];
  if (!end) return single(start!.day, start!.precision);
  const both = range(start!, end);
  return both && both.granularity === "range" ? both : undefined;
}

function parsePoint(text: string): { day: Day; precision: Precision } | undefined {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text);
  if (!m) return undefined;
  const year = Number(m[1]);
  if (m[3] !== undefined) {
    const day = parseIsoDay(text);
    return day && { day, precision: "day" };
  }
  if (m[2] !== undefined) {
    const month = Number(m[2]);
    return month >= 1 && month <= 12 ? { day: [year, month, 1], precision: "month" } : undefined;
  }
  return { day: [year, 1, 1], precision: "year" };
}

/** "YYYY-MM-DD" as a day that exists, or undefined. */
function parseIsoDay(text: string): Day | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return undefined;
  const day: Day = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(day[0], day[1] - 1, day[2]));
  return date.getUTCFullYear() === day[0] && date.getUTCMonth() === day[1] - 1 && date.getUTCDate() === day[2] ? day : undefined;
}

function lastWeekdayOnOrBefore(reference: Day, weekday: number): Day {
  const date = new Date(Date.UTC(reference[0], reference[1] - 1, reference[2]));
  const back = (date.getUTCDay() - weekday + 7) % 7;
  date.setUTCDate(date.getUTCDate() - back);
  return [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

function formatDay([year, month, day]: Day, precision: Precision): string {
  const y = pad(year, 4);
  if (precision === "year") return y;
  if (precision === "month") return `${y}-${pad(month)}`;
  return `${y}-${pad(month)}-${pad(day)}`;
}

function firstDay(day: Day, precision: Precision): string {
  return formatDay(precision === "year" ? [day[0], 1, 1] : precision === "month" ? [day[0], day[1], 1] : day, "day");
}

function lastDay(day: Day, precision: Precision): string {
  if (precision === "day") return formatDay(day, "day");
  const month = precision === "year" ? 12 : day[1];
  const days = new Date(Date.UTC(day[0], month, 0)).getUTCDate();
  return formatDay([day[0], month, days], "day");
}
