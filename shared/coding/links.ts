/**
 * Links between spans: which spans a link of a type may join, what removing a
 * span does to its links, and how undo brings both back. Pure: functions
 * return new records with `updatedAt` set for the caller to store together.
 */
import { tombstone, type SpanRecord } from "../model";
import type { LinkRecord, LinkTypeDef } from "./model";

/** Live links by the ids of the spans they join (each link is listed under both ends). */
export function linksBySpan(links: readonly LinkRecord[]): Map<string, LinkRecord[]> {
  const out = new Map<string, LinkRecord[]>();
  const add = (spanId: string, link: LinkRecord) => {
    const list = out.get(spanId);
    if (list) list.push(link);
    else out.set(spanId, [link]);
  };
  for (const link of links) {
    if (link.deleted) continue;
    add(link.from, link);
    if (link.to !== link.from) add(link.to, link);
  }
  return out;
}

/**
 * Why a link of `type` from `from` to `to` is not allowed, as a phrase, or
 * undefined when it is: both spans live, in one document, distinct, with
 * labels the type allows.
 */
export function linkProblem(type: LinkTypeDef, from: SpanRecord, to: SpanRecord): string | undefined {
  if (from.deleted || to.deleted) return "joins a removed span";
  if (from.id === to.id) return "joins a span to itself";
  if (from.docId !== to.docId) return "joins spans of two documents";
  if (!type.from.includes(from.label)) return `starts at ${withArticle(from.label)} span, but a ${type.name} link starts at ${listLabels(type.from)}`;
  if (!type.to.includes(to.label)) return `points to ${withArticle(to.label)} span, but a ${type.name} link points to ${listLabels(type.to)}`;
  return undefined;
}

/** The spans a link of `type` from `from` may point to, in reading order as given: for picking a target. */
export function linkTargets(type: LinkTypeDef, from: SpanRecord, spans: readonly SpanRecord[]): SpanRecord[] {
  return spans.filter((to) => linkProblem(type, from, to) === undefined);
}

/** The link types that may start at a span of `label`. */
export function linkTypesFrom(types: readonly LinkTypeDef[], label: string): LinkTypeDef[] {
  return types.filter((type) => type.from.includes(label));
}

/**
 * Removing a span: its tombstone and tombstones of its live links, all with
 * `updatedAt = now`. Store them in one transaction; undo writes the
 * versions from before (renderer/store/history.ts).
 */
export function deleteSpanWithLinks<S extends SpanRecord, L extends LinkRecord>(span: S, links: readonly L[], now: number): { span: S; links: L[] } {
  const touched = links.filter((link) => !link.deleted && (link.from === span.id || link.to === span.id));
  return { span: tombstone(span, now), links: touched.map((link) => tombstone(link, now)) };
}

/**
 * What to tell the user after removing a span that links pointed to or from
 * (an actor that events name as source or target): how many links went, and
 * that undo brings them back. Undefined when no link went.
 */
export function linksRemovedMessage(count: number): string | undefined {
  if (count === 0) return undefined;
  return `Removed the span and ${count === 1 ? "the link" : `the ${count} links`} to it or from it (events and quotes no longer name it). Ctrl+Z brings ${count === 1 ? "it" : "them"} back.`;
}

function withArticle(word: string): string {
  return `${/^[aeiou]/i.test(word) ? "an" : "a"} ${word}`;
}

function listLabels(labels: readonly string[]): string {
  return labels.length === 0 ? "no label" : labels.join(" or ");
}
