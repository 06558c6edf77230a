/**
 * What a date span's text says when it gives no calendar value: "May 4"
 * in an article without a publication date is a day whose year is unknown,
 * "Thursday" a weekday whose week is unknown. The events table shows this
 * instead of a blank cell, so a coder sees at a glance what is missing.
 */
import * as chrono from "chrono-node";

/** Two far-apart reference days: a reading that moves between them was relative to the day of publication. */
const REFERENCES = [new Date(Date.UTC(2001, 5, 15, 12)), new Date(Date.UTC(2011, 1, 20, 12))];

/** As in dates.ts: text naming a week, which no calendar day stands for. */
const WEEK = /\b(last|this|next|past|previous|coming)\s+(week|weekend)\b|\bweeks?\s+ago\b/i;

/**
 * The date's text with what is missing for the calendar: "May 4, year
 * unknown", "Thursday, week unknown", "yesterday, publication date unknown",
 * "last week, a week rather than a day" or "the summit, no date in the text".
 */
export function describeUndatedText(text: string): string {
  const shown = text.trim().replace(/\s+/g, " ");
  if (shown === "") return "an empty date span";
  if (WEEK.test(shown)) return `${shown}, a week rather than a day`;
  const [a, b] = REFERENCES.map((instant) => chrono.casual.parse(shown, { instant, timezone: 0 }, { forwardDate: false })[0]);
  if (!a || !b) return `${shown}, no date in the text`;
  const start = a.start;
  const certain = (part: "year" | "month" | "day" | "weekday") => start.isCertain(part);
  if (certain("month") && !certain("year")) return `${shown}, year unknown`;
  if (certain("weekday") && !certain("day")) return `${shown}, week unknown`;
  if (a.start.date().getTime() !== b.start.date().getTime()) return `${shown}, publication date unknown`;
  return `${shown}, not a day on the calendar`;
}
