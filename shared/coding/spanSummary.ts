/**
 * A span told apart from its neighbours in the spans panel: a few words of
 * the text around it, and its coding in a line ("CONSULT · → Source actor:
 * Hamas · → Date: 2022-05-05"), so that 24 rows of "Actor Hamas" say which
 * is which. Computed for the rows on screen only, from a slice of the text.
 */
import type { LabelDef, SpanRecord } from "../model";
import { resolveActor } from "./actors";
import { attrValue } from "./attributes";
import { labelAttributes, type ActorRecord, type LinkRecord, type LinkTypeDef } from "./model";

export interface SpanContext {
  /** The words before the span, with the space that joins them to it; "…" when cut. */
  before: string;
  /** The words after it, likewise. */
  after: string;
}

/** How far the context looks, in UTF-16 units: enough for a few words, never the whole text. */
const REACH = 120;

/**
 * Up to `words` words on either side of `[start, end)` within its paragraph
 * (the context never crosses a line break), each side at most `chars` long.
 */
export function spanContext(text: string, start: number, end: number, words = 4, chars = 36): SpanContext {
  const rawBefore = text.slice(Math.max(0, start - REACH), start);
  const rawAfter = text.slice(end, end + REACH);
  const para = rawBefore.lastIndexOf("\n");
  const stop = rawAfter.search(/[\r\n]/);
  const beforeCut = para >= 0 ? rawBefore.slice(para + 1) : rawBefore;
  const afterCut = stop >= 0 ? rawAfter.slice(0, stop) : rawAfter;
  // Whether the paragraph (or the text) goes on past what was looked at.
  const beforeMore = para < 0 && start > REACH;
  const afterMore = stop < 0 && end + REACH < text.length;

  const beforeWords = beforeCut.split(/\s+/);
  const leadingSpace = /\s$/.test(beforeCut) ? " " : "";
  if (leadingSpace) beforeWords.pop();
  let before = beforeWords.slice(-words).join(" ");
  let cutBefore = beforeMore || beforeWords.filter(Boolean).length > words;
  if (before.length > chars) {
    before = before.slice(before.length - chars).replace(/^\S*\s/, "");
    cutBefore = true;
  }
  before = before.trimStart();

  const afterWords = afterCut.split(/\s+/);
  const trailingSpace = /^\s/.test(afterCut) ? " " : "";
  if (trailingSpace) afterWords.shift();
  let after = afterWords.slice(0, words).join(" ");
  let cutAfter = afterMore || afterWords.filter(Boolean).length > words;
  if (after.length > chars) {
    after = after.slice(0, chars).replace(/\s\S*$/, "");
    cutAfter = true;
  }
  after = after.trimEnd();

  return {
    before: before === "" ? "" : `${cutBefore ? "… " : ""}${before}${leadingSpace}`,
    after: after === "" ? "" : `${trailingSpace}${after}${cutAfter ? " …" : ""}`,
  };
}

/** What a span's coding line reads from. */
export interface SpanCodingContext {
  labels: ReadonlyMap<string, LabelDef>;
  linkTypes: ReadonlyMap<string, LinkTypeDef>;
  /** The document's live spans by id, to name link ends. */
  spans: ReadonlyMap<string, SpanRecord>;
  actors: ReadonlyMap<string, ActorRecord>;
  text: string;
  /** Live links from and to each span. */
  linksFrom: ReadonlyMap<string, readonly LinkRecord[]>;
  linksTo: ReadonlyMap<string, readonly LinkRecord[]>;
}

const NAME = 28;
const clip = (s: string, n = NAME) => {
  const t = s.trim().replace(/\s+/g, " ");
  return t.length > n ? `${t.slice(0, n - 1)}…` : t;
};

/** The live links of `links`, from or to each span id. */
export function linksBySpan(links: readonly LinkRecord[]): { linksFrom: Map<string, LinkRecord[]>; linksTo: Map<string, LinkRecord[]> } {
  const linksFrom = new Map<string, LinkRecord[]>();
  const linksTo = new Map<string, LinkRecord[]>();
  const add = (map: Map<string, LinkRecord[]>, key: string, link: LinkRecord) => {
    const list = map.get(key);
    if (list) list.push(link);
    else map.set(key, [link]);
  };
  for (const link of links) {
    if (link.deleted) continue;
    add(linksFrom, link.from, link);
    add(linksTo, link.to, link);
  }
  return { linksFrom, linksTo };
}

/** A span as the far end of a link names it: its registry actor, its calendar date, else its text. */
function spanName(span: SpanRecord | undefined, context: SpanCodingContext): string {
  if (!span) return "a missing span";
  const actor = span.actorId === undefined ? undefined : resolveActor(context.actors, span.actorId);
  if (actor) return clip(actor.name);
  const label = context.labels.get(span.label);
  const date = label && labelAttributes(label).find((d) => d.type === "date");
  const value = date && span.attrs?.[date.id];
  if (typeof value === "string") return value;
  return `“${clip(context.text.slice(span.start, span.end), 20)}”`;
}

/**
 * The span's coding, one short part each: its attribute values (an event
 * type, "untyped" when an event has none, a date's value), its registry
 * actor, its links out ("→ Source actor: Hamas") and in ("Source actor of
 * “invited”").
 */
export function spanCoding(span: SpanRecord, context: SpanCodingContext): string[] {
  const parts: string[] = [];
  const label = context.labels.get(span.label);
  for (const def of label ? labelAttributes(label) : []) {
    const value = attrValue(span, def);
    if (def.type === "actor") {
      if (value === undefined) continue;
      const actor = resolveActor(context.actors, String(value));
      parts.push(actor ? `= ${clip(actor.name)}` : "registry actor deleted");
    } else if (value === undefined) {
      if (def.id === "type" && def.type === "choice") parts.push("untyped");
      else if (def.type === "date") parts.push("no calendar date");
    } else if (def.type === "boolean") {
      if (value === true) parts.push(def.name);
    } else {
      parts.push(typeof value === "string" ? clip(value) : String(value));
    }
  }
  const typeName = (id: string) => context.linkTypes.get(id)?.name ?? id;
  // In the order of the project's link types, then as they were made (as the details panel lists them).
  const order = new Map([...context.linkTypes.keys()].map((id, i) => [id, i]));
  const byType = (x: LinkRecord, y: LinkRecord) => (order.get(x.type) ?? order.size) - (order.get(y.type) ?? order.size) || x.createdAt - y.createdAt;
  for (const link of [...(context.linksFrom.get(span.id) ?? [])].sort(byType)) parts.push(`→ ${typeName(link.type)}: ${spanName(context.spans.get(link.to), context)}`);
  for (const link of [...(context.linksTo.get(span.id) ?? [])].sort(byType)) parts.push(`${typeName(link.type)} of ${spanName(context.spans.get(link.from), context)}`);
  return parts;
}
