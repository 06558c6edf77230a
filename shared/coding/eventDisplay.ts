/**
 * How an event record reads in the events table: actors by their text with
 * the registry's name beside it, a date that has no calendar value by what
 * its text does say, an event without a type as "untyped", and everything
 * that keeps a record from being complete as sentences a coder can act on.
 */
import { describeUndatedText } from "./dateKnown";
import type { EventActor, EventRow } from "./events";

/** A cell's text, and whether it stands for a value that is missing. */
export interface EventCell {
  text: string;
  missing: boolean;
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** "the group (Hamas)": the span's text, with the registry actor's canonical name when it says something else. */
export function eventActorText(actor: EventActor): string {
  return actor.name === undefined || same(actor.name, actor.text) ? actor.text : `${actor.text} (${actor.name})`;
}

/** The date column: the calendar value, else what the linked date's text says ("May 4, year unknown"), else nothing. */
export function eventDateCell(row: Pick<EventRow, "date" | "unreadDate">): EventCell {
  if (row.date) return { text: row.date.value, missing: false };
  const unread = row.unreadDate;
  if (!unread) return { text: "", missing: false };
  const text = unread.value === undefined ? describeUndatedText(unread.text) : `${unread.text.trim()}, stored as “${unread.value}”, not a calendar date`;
  return { text, missing: true };
}

/** The event column: type and mode, or "untyped". */
export function eventTypeCell(row: Pick<EventRow, "type" | "mode">): EventCell {
  if (row.type === undefined) return { text: row.mode === undefined ? "untyped" : `untyped / ${row.mode}`, missing: true };
  return { text: row.mode === undefined ? row.type : `${row.type} / ${row.mode}`, missing: false };
}

const sentence = (s: string) => `${s.charAt(0).toUpperCase()}${s.slice(1)}${/[.!?]$/.test(s) ? "" : "."}`;

/**
 * What keeps the record from being complete or exact, one sentence each: the
 * fields a PLOVER record cannot do without that are missing (type, source actor),
 * then what was left out of it and why (`row.problems`).
 */
export function eventProblems(row: Pick<EventRow, "type" | "sources" | "problems">): string[] {
  const out: string[] = [];
  if (row.type === undefined) out.push("It has no event type.");
  if (row.sources.length === 0) out.push("No source actor is linked: who did it?");
  for (const problem of row.problems) out.push(sentence(problem));
  return out;
}
