/**
 * Event records as files: JSON Lines with PLOVER's field names where they
 * fit, and CSV (RFC 4180, written by papaparse). EVENTS.md documents both.
 */
import Papa from "papaparse";
import type { EventActor, EventRow } from "./events";
import { isoTime } from "../isoTime";

/** An actor as PLOVER's actor object names its fields, plus Spanwise's ids. */
export interface PloverActor {
  /** The text of the actor span. */
  actor_text: string;
  /** The registry's canonical name; null when the span is not linked to the registry. */
  identifier_text: string | null;
  /** The registry's identifier (e.g. a Wikidata id), or null. */
  identifier_id: string | null;
  kind: string | null;
  /** The registry actor's id in the project, or null. */
  actor_id: string | null;
  span_id: string;
}

/** One line of the events JSONL export. */
export interface EventJson {
  id: string;
  /** The date, or the start of a range: "2022-05-06", "2022-06" or "2022"; null when the event has none. */
  date: string | null;
  /** The end of a range, else null. */
  enddate: string | null;
  date_granularity: "day" | "month" | "year" | "range" | "month-day" | null;
  /** Source actors. */
  actor: PloverActor[];
  /** Target actors. */
  recipient: PloverActor[];
  /** The event type (e.g. "ASSAULT"), or null. */
  event: string | null;
  mode: string | null;
  /** The event span's text. */
  text: string;
  /** Code point offsets of `text` in the document's text, half-open. */
  text_info: { start: number; end: number };
  /** The quote around the event, with its speakers, or null. */
  quote: { text: string; start: number; end: number; speaker: PloverActor[] } | null;
  doc_id: string;
  doc_title: string;
  published_at: string | null;
  /** The annotator of the event span. */
  coder: string;
  /** When the event span was last changed: "YYYY-MM-DD" and an ISO 8601 time in UTC. */
  coded_date: string;
  coded_time: string;
  /** Values left out of the fields above, and why; present only when there are any. */
  problems?: string[];
}

/** A row as a JSON record. */
export function eventToJson(row: EventRow): EventJson {
  const [date, enddate] = row.date ? splitRange(row.date.value) : [null, null];
  const record: EventJson = {
    id: row.id,
    date,
    enddate,
    date_granularity: row.date?.granularity ?? null,
    actor: row.sources.map(ploverActor),
    recipient: row.targets.map(ploverActor),
    event: row.type ?? null,
    mode: row.mode ?? null,
    text: row.text,
    text_info: { start: row.codePointStart, end: row.codePointEnd },
    quote: row.quote ? { text: row.quote.text, start: row.quote.codePointStart, end: row.quote.codePointEnd, speaker: row.quote.speakers.map(ploverActor) } : null,
    doc_id: row.docId,
    doc_title: row.docTitle,
    published_at: row.publishedAt ?? null,
    coder: row.annotator,
    coded_date: isoTime(row.updatedAt).slice(0, 10),
    coded_time: isoTime(row.updatedAt),
  };
  if (row.problems.length > 0) record.problems = [...row.problems];
  return record;
}

function ploverActor(actor: EventActor): PloverActor {
  return {
    actor_text: actor.text,
    identifier_text: actor.name ?? null,
    identifier_id: actor.identifier ?? null,
    kind: actor.kind ?? null,
    actor_id: actor.actorId ?? null,
    span_id: actor.spanId,
  };
}

function splitRange(value: string): [string, string | null] {
  const slash = value.indexOf("/");
  return slash < 0 ? [value, null] : [value.slice(0, slash), value.slice(slash + 1)];
}

/** The events as JSON Lines: one record per line, each ending in "\n". */
export function* eventsJsonl(rows: Iterable<EventRow>): Generator<string, void, undefined> {
  for (const row of rows) yield `${JSON.stringify(eventToJson(row))}\n`;
}

/** The columns of the CSV export, in order. */
export const EVENT_CSV_COLUMNS = [
  "id",
  "date",
  "enddate",
  "date_granularity",
  "actor",
  "actor_identifier",
  "recipient",
  "recipient_identifier",
  "event",
  "mode",
  "text",
  "start",
  "end",
  "quote",
  "speaker",
  "doc_id",
  "doc_title",
  "published_at",
  "coder",
  "coded_date",
  "problems",
] as const;

/** Several values in one cell are joined with this. */
export const CSV_LIST_SEPARATOR = "; ";

/**
 * The events as CSV: a header row, then one row per event, CRLF line ends,
 * fields quoted when they hold a comma, quote or line break (RFC 4180). An
 * actor cell lists the canonical names (or the span text when an actor span
 * is not linked to the registry); the identifier cell lists their
 * identifiers in the same order, empty where there is none.
 *
 * A cell starting with `=`, `+`, `-`, `@`, tab or CR gets a single quote in
 * front, so that a spreadsheet opening the file shows it instead of running
 * it as a formula (OWASP's CSV injection advice); `exact: true` writes the
 * values as they are, for tools that read CSV as data.
 */
export function eventsCsv(rows: Iterable<EventRow>, options: { exact?: boolean } = {}): string {
  const data: string[][] = [];
  for (const row of rows) {
    const json = eventToJson(row);
    const names = (actors: PloverActor[]) => actors.map((a) => a.identifier_text ?? a.actor_text).join(CSV_LIST_SEPARATOR);
    const ids = (actors: PloverActor[]) => (actors.some((a) => a.identifier_id) ? actors.map((a) => a.identifier_id ?? "").join(CSV_LIST_SEPARATOR) : "");
    const cells: Record<(typeof EVENT_CSV_COLUMNS)[number], string> = {
      id: json.id,
      date: json.date ?? "",
      enddate: json.enddate ?? "",
      date_granularity: json.date_granularity ?? "",
      actor: names(json.actor),
      actor_identifier: ids(json.actor),
      recipient: names(json.recipient),
      recipient_identifier: ids(json.recipient),
      event: json.event ?? "",
      mode: json.mode ?? "",
      text: json.text,
      start: String(json.text_info.start),
      end: String(json.text_info.end),
      quote: json.quote?.text ?? "",
      speaker: json.quote ? names(json.quote.speaker) : "",
      doc_id: json.doc_id,
      doc_title: json.doc_title,
      published_at: json.published_at ?? "",
      coder: json.coder,
      coded_date: json.coded_date,
      problems: (json.problems ?? []).join(CSV_LIST_SEPARATOR),
    };
    data.push(EVENT_CSV_COLUMNS.map((column) => cells[column]));
  }
  const csv = Papa.unparse({ fields: [...EVENT_CSV_COLUMNS], data }, { newline: "\r\n", quotes: false, escapeFormulae: !options.exact });
  // papaparse ends a header without rows with a line break, and the last row without one.
  return csv.endsWith("\r\n") ? csv : `${csv}\r\n`;
}
