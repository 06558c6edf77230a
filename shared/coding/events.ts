/**
 * Event records: one per event span, gathered from its links (source and
 * target actors, date), the registry (canonical names and identifiers) and
 * its attributes (event type, mode). This is the row of the events view and
 * what eventExport.ts writes; the format is described in EVENTS.md.
 *
 * Nothing here throws on bad coding: a link to a missing span, a value
 * outside its list, an unreadable date are left out of the record's fields
 * and listed in its `problems`; the evidence (the span's text) stays.
 */
import type { LabelDef, SpanRecord } from "../model";
import { compareSpans } from "../model";
import { createOffsetMap, type OffsetMap } from "../offsets";
import { actorsById } from "./actors";
import { cleanAttrs } from "./attributes";
import { normalizeDate, parseDateValue, type DateGranularity } from "./dates";
import { linkProblem } from "./links";
import { labelAttributes, projectLinkTypes, type ActorRecord, type CodingSource, type LinkRecord, type LinkRole, type LinkTypeDef } from "./model";

/** An actor of an event: the span that names it and, when linked, the registry actor. */
export interface EventActor {
  spanId: string;
  /** The actor span's text. */
  text: string;
  /** The registry actor, after merges; absent when the span is not linked to one. */
  actorId?: string;
  /** The registry's canonical name. */
  name?: string;
  /** The registry's identifier (e.g. a Wikidata id). */
  identifier?: string;
  /** The registry actor's kind, else the span's `kind` attribute. */
  kind?: string;
}

export interface EventDate {
  /** ISO 8601: "2022-05-06", "2022-06", "2022" or "2022-05-04/2022-05-06". */
  value: string;
  granularity: DateGranularity;
  /** First and last day covered, "YYYY-MM-DD". */
  first: string;
  last: string;
  /** The date span it comes from. */
  spanId: string;
  text: string;
  /** True when read from the span's text now, because no value was stored on it. */
  automatic: boolean;
}

/** A date span linked to an event that gives no calendar value: its text, and the stored value when that is what is wrong. */
export interface UnreadDate {
  spanId: string;
  text: string;
  /** The stored value that is not a calendar date; absent when the text could not be read. */
  value?: string;
}

export interface EventQuote {
  spanId: string;
  text: string;
  /** UTF-16 offsets into the document text. */
  start: number;
  end: number;
  codePointStart: number;
  codePointEnd: number;
  speakers: EventActor[];
}

/** One event: a row of the events view. Offsets are UTF-16 for the app, with code point ones for exports. */
export interface EventRow {
  /** The event span's id. */
  id: string;
  docId: string;
  docTitle: string;
  publishedAt?: string;
  start: number;
  end: number;
  /** Code point offsets of the event span, half-open. */
  codePointStart: number;
  codePointEnd: number;
  /** The event span's text: the evidence. */
  text: string;
  /** The event type (the span's `type` attribute), when it fits its list. */
  type?: string;
  /** The mode (the span's `mode` attribute), when it fits. */
  mode?: string;
  date?: EventDate;
  /** The linked date span when it gives no calendar value (the reason is in `problems`); absent when `date` is set. */
  unreadDate?: UnreadDate;
  sources: EventActor[];
  targets: EventActor[];
  /** The innermost quote span around the event, with its speakers. */
  quote?: EventQuote;
  annotator: string;
  createdAt: number;
  updatedAt: number;
  /** What was left out of the fields above, and why. */
  problems: string[];
}

export interface EventRowOptions {
  /** Only event spans by this annotator. */
  annotator?: string;
}

/**
 * The labels whose spans are events: those a link with the source, target or
 * date role starts from ("event" by default).
 */
export function eventLabels(types: readonly LinkTypeDef[]): Set<string> {
  const out = new Set<string>();
  for (const type of types) if (type.role === "source" || type.role === "target" || type.role === "date") type.from.forEach((l) => out.add(l));
  if (out.size === 0) out.add("event");
  return out;
}

/** Every event of `source`, in document order, then reading order. */
export function buildEventRows(source: CodingSource, options: EventRowOptions = {}): EventRow[] {
  const types = projectLinkTypes(source);
  const typesById = new Map(types.map((t) => [t.id, t]));
  const events = eventLabels(types);
  const quoteLabels = new Set(types.filter((t) => t.role === "speaker").flatMap((t) => t.from));
  const labels = new Map(source.labels.map((l) => [l.id, l]));
  const actors = actorsById(source.actors);
  const spans = new Map<string, SpanRecord>();
  for (const span of source.spans) if (!span.deleted) spans.set(span.id, span);
  const linksFrom = new Map<string, LinkRecord[]>();
  for (const link of source.links) {
    if (link.deleted) continue;
    const list = linksFrom.get(link.from);
    if (list) list.push(link);
    else linksFrom.set(link.from, [link]);
  }
  const byDoc = new Map<string, { events: SpanRecord[]; quotes: SpanRecord[] }>();
  for (const span of spans.values()) {
    const isEvent = events.has(span.label) && (options.annotator === undefined || span.annotator === options.annotator);
    const isQuote = quoteLabels.has(span.label);
    if (!isEvent && !isQuote) continue;
    let entry = byDoc.get(span.docId);
    if (!entry) byDoc.set(span.docId, (entry = { events: [], quotes: [] }));
    if (isEvent) entry.events.push(span);
    if (isQuote) entry.quotes.push(span);
  }

  const context: RowContext = { typesById, labels, actors, spans, linksFrom };
  const rows: EventRow[] = [];
  for (const { doc, text } of source.documents) {
    const entry = byDoc.get(doc.id);
    if (!entry || entry.events.length === 0) continue;
    const map = createOffsetMap(text);
    for (const span of entry.events.sort(compareSpans)) rows.push(buildRow(span, doc, text, map, entry.quotes, context));
  }
  return rows;
}

interface RowContext {
  typesById: ReadonlyMap<string, LinkTypeDef>;
  labels: ReadonlyMap<string, LabelDef>;
  actors: ReadonlyMap<string, ActorRecord>;
  spans: ReadonlyMap<string, SpanRecord>;
  linksFrom: ReadonlyMap<string, LinkRecord[]>;
}

function buildRow(
  span: SpanRecord,
  doc: CodingSource["documents"][number]["doc"],
  text: string,
  map: OffsetMap,
  quotes: readonly SpanRecord[],
  context: RowContext,
): EventRow {
  const problems: string[] = [];
  const clean = cleanAttrs(span, context.labels.get(span.label), context.actors);
  problems.push(...clean.problems);
  const row: EventRow = {
    id: span.id,
    docId: doc.id,
    docTitle: doc.title,
    start: span.start,
    end: span.end,
    codePointStart: map.toCodePoint(span.start),
    codePointEnd: map.toCodePoint(span.end),
    text: text.slice(span.start, span.end),
    sources: [],
    targets: [],
    annotator: span.annotator,
    createdAt: span.createdAt,
    updatedAt: span.updatedAt,
    problems,
  };
  if (doc.publishedAt !== undefined) row.publishedAt = doc.publishedAt;
  const type = clean.attrs.type;
  const mode = clean.attrs.mode;
  if (typeof type === "string") row.type = type;
  if (typeof mode === "string") row.mode = mode;

  const linked = linkedSpans(span, context, problems);
  row.sources = linked.source.map((s) => eventActor(s, text, context, problems));
  row.targets = linked.target.map((s) => eventActor(s, text, context, problems));
  const unread: UnreadDate[] = [];
  const dates = linked.date.map((s) => eventDate(s, text, doc.publishedAt, context, problems, unread)).filter((d) => d !== undefined);
  const values = new Set(dates.map((d) => d.value));
  if (values.size === 1) row.date = dates[0];
  else if (values.size > 1) problems.push(`it is linked to several dates (${[...values].join(", ")}), so none is given`);
  else if (unread.length > 0) row.unreadDate = unread[0];

  let quote: SpanRecord | undefined;
  for (const q of quotes) {
    if (q.id === span.id || q.start > span.start || q.end < span.end) continue;
    if (!quote || q.end - q.start < quote.end - quote.start) quote = q;
  }
  if (quote) {
    const speakers = linkedSpans(quote, context, problems).speaker.map((s) => eventActor(s, text, context, problems));
    row.quote = {
      spanId: quote.id,
      text: text.slice(quote.start, quote.end),
      start: quote.start,
      end: quote.end,
      codePointStart: map.toCodePoint(quote.start),
      codePointEnd: map.toCodePoint(quote.end),
      speakers,
    };
  }
  return row;
}

/** The spans `span` links to, by role; links that are broken are described in `problems` and skipped. */
function linkedSpans(span: SpanRecord, context: RowContext, problems: string[]): Record<LinkRole, SpanRecord[]> {
  const out: Record<LinkRole, SpanRecord[]> = { source: [], target: [], date: [], speaker: [] };
  for (const link of context.linksFrom.get(span.id) ?? []) {
    const type = context.typesById.get(link.type);
    if (!type) {
      problems.push(`a link of the unknown type "${link.type}" was left out`);
      continue;
    }
    if (type.role === undefined) continue;
    const to = context.spans.get(link.to);
    const problem = !to ? "points to a span that does not exist" : linkProblem(type, span, to);
    if (problem) {
      problems.push(`a ${type.name} link ${problem}, so it was left out`);
      continue;
    }
    out[type.role].push(to!);
  }
  for (const list of Object.values(out)) list.sort(compareSpans);
  return out;
}

function eventActor(span: SpanRecord, text: string, context: RowContext, problems: string[]): EventActor {
  const clean = cleanAttrs(span, context.labels.get(span.label), context.actors);
  const out: EventActor = { spanId: span.id, text: text.slice(span.start, span.end) };
  if (span.actorId !== undefined && clean.actorId === undefined) {
    problems.push(`the actor ${JSON.stringify(out.text)} links to a registry actor that is missing or deleted`);
  }
  const registered = clean.actorId === undefined ? undefined : context.actors.get(clean.actorId);
  if (registered) {
    out.actorId = registered.id;
    out.name = registered.name;
    if (registered.identifier !== undefined && registered.identifier !== "") out.identifier = registered.identifier;
    if (registered.kind !== undefined) out.kind = registered.kind;
  }
  if (out.kind === undefined && typeof clean.attrs.kind === "string") out.kind = clean.attrs.kind;
  return out;
}

function eventDate(span: SpanRecord, text: string, publishedAt: string | undefined, context: RowContext, problems: string[], unread: UnreadDate[]): EventDate | undefined {
  const label = context.labels.get(span.label);
  const def = label ? labelAttributes(label).find((d) => d.autoFill === "normalizedDate") ?? labelAttributes(label).find((d) => d.type === "date") : undefined;
  const spanText = text.slice(span.start, span.end);
  const stored = def ? span.attrs?.[def.id] : undefined;
  if (stored !== undefined) {
    const parsed = typeof stored === "string" ? parseDateValue(stored) : undefined;
    if (!parsed) {
      problems.push(`the date ${JSON.stringify(spanText)} has the value ${JSON.stringify(stored)}, which is not a calendar date`);
      unread.push({ spanId: span.id, text: spanText, value: String(stored) });
      return undefined;
    }
    return { value: parsed.value, granularity: parsed.granularity, first: parsed.first, last: parsed.last, spanId: span.id, text: spanText, automatic: false };
  }
  const read = normalizeDate(spanText, publishedAt);
  if (!read.ok) {
    problems.push(`the date ${JSON.stringify(spanText)} could not be read: ${read.problem}`);
    unread.push({ spanId: span.id, text: spanText });
    return undefined;
  }
  return { value: read.value, granularity: read.granularity, first: read.first, last: read.last, spanId: span.id, text: spanText, automatic: true };
}
