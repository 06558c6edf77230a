/**
 * Times in exports: ISO 8601 in UTC with milliseconds, exactly as
 * `Date.prototype.toISOString` writes them ("2024-05-01T12:00:00.000Z").
 *
 * An export of a million spans writes two million of these, and
 * `toISOString` (a call into the engine's date code each time) was a tenth of
 * the whole export. Spans are made in runs on the same day, so the date part
 * is kept from the previous call and only the clock time is built.
 */

const DAY_MS = 86_400_000;
/** 9999-12-31T23:59:59.999Z: later (and earlier than 1970) times go to toISOString, which writes expanded years. */
const LAST_FOUR_DIGIT_YEAR_MS = 253_402_300_799_999;

const TWO_DIGITS = Array.from({ length: 60 }, (_, n) => String(n).padStart(2, "0"));
const THREE_DIGITS = Array.from({ length: 1000 }, (_, n) => String(n).padStart(3, "0"));

let lastDay = -1;
let lastDayPrefix = "";

/** `new Date(ms).toISOString()`, faster for runs of times on the same day. Throws RangeError for an invalid time, as toISOString does. */
export function isoTime(ms: number): string {
  if (!Number.isInteger(ms) || ms < 0 || ms > LAST_FOUR_DIGIT_YEAR_MS) return new Date(ms).toISOString();
  const day = Math.floor(ms / DAY_MS);
  if (day !== lastDay) {
    lastDayPrefix = new Date(day * DAY_MS).toISOString().slice(0, 11);
    lastDay = day;
  }
  let rest = ms - day * DAY_MS;
  const hours = Math.floor(rest / 3_600_000);
  rest -= hours * 3_600_000;
  const minutes = Math.floor(rest / 60_000);
  rest -= minutes * 60_000;
  const seconds = Math.floor(rest / 1000);
  return `${lastDayPrefix}${TWO_DIGITS[hours]}:${TWO_DIGITS[minutes]}:${TWO_DIGITS[seconds]}.${THREE_DIGITS[rest - seconds * 1000]}Z`;
}
