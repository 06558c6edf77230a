/**
 * Event-coding actions: attribute values, links between spans, registry
 * actors for actor spans. Each is one undoable history step, written in one
 * transaction before it shows as saved.
 */
import { withAttrValue } from "../shared/coding/attributes";
import { normalizeDate } from "../shared/coding/dates";
import { proposeTargets } from "../shared/coding/candidates";
import { deleteSpanWithLinks, linkTargets } from "../shared/coding/links";
import { labelAttributes, type ActorRecord, type AttrValue, type AttributeDef, type LinkRecord, type LinkTypeDef } from "../shared/coding/model";
import { tombstone, type DocumentRecord, type LabelDef, type SpanRecord } from "../shared/model";
import { history, type Edit } from "./store/history";

/** Attribute values a new span starts with: a date span's calendar value read from its text. */
export function initialAttrs(label: LabelDef | undefined, spanText: string, doc: Pick<DocumentRecord, "publishedAt">): Record<string, AttrValue> | undefined {
  if (!label) return undefined;
  const attrs: Record<string, AttrValue> = {};
  for (const def of labelAttributes(label)) {
    if (def.autoFill !== "normalizedDate") continue;
    const date = normalizeDate(spanText, doc.publishedAt);
    if (date.ok) attrs[def.id] = date.value;
  }
  return Object.keys(attrs).length ? attrs : undefined;
}

/** What a new span is made from: where it is, its label, who tags it. */
export interface NewSpan {
  doc: Pick<DocumentRecord, "id" | "projectId" | "publishedAt">;
  /** The document's text, to fill values the label reads from the span's text. */
  text: string;
  start: number;
  end: number;
  labelId: string;
  label: LabelDef | undefined;
  annotator: string;
  actorId?: string;
}

/** A new span record, with the attribute values tagging it by hand gives. Tagging and "tag all mentions" both make spans here. */
export function newSpan({ doc, text, start, end, labelId, label, annotator, actorId }: NewSpan, now: number): SpanRecord {
  const span: SpanRecord = { id: crypto.randomUUID(), projectId: doc.projectId, docId: doc.id, start, end, label: labelId, annotator, createdAt: now, updatedAt: now, deleted: false };
  const attrs = initialAttrs(label, text.slice(start, end), doc);
  if (attrs) span.attrs = attrs;
  if (actorId !== undefined) span.actorId = actorId;
  return span;
}

/** The attribute that holds an event span's type: a choice attribute with the id "type" (what event records read). */
export function eventTypeAttribute(label: LabelDef | undefined): AttributeDef | undefined {
  return label ? labelAttributes(label).find((d) => d.id === "type" && d.type === "choice") : undefined;
}

/** Sets (or clears, with undefined) one attribute of a span. */
export async function setAttribute(span: SpanRecord, def: Pick<AttributeDef, "id" | "type">, value: AttrValue | undefined): Promise<void> {
  const after = withAttrValue(span, def, value, Date.now());
  await history.perform({ label: `Set ${def.id}`, docId: span.docId, edits: [{ before: span, after }] });
}

/** Points an actor span at a registry actor (or clears it). */
export async function setSpanActor(span: SpanRecord, actorId: string | undefined): Promise<void> {
  const after: SpanRecord = { ...span, updatedAt: Date.now() };
  if (actorId === undefined) delete after.actorId;
  else after.actorId = actorId;
  await history.perform({ label: "Set actor", docId: span.docId, edits: [{ before: span, after }] });
}

/**
 * Adds a registry actor named after a span and points the span at it, in
 * one step (undo removes both).
 */
export async function addActorFromSpan(span: SpanRecord, name: string): Promise<ActorRecord> {
  const now = Date.now();
  const actor: ActorRecord = { id: crypto.randomUUID(), projectId: span.projectId, name, aliases: [], createdAt: now, updatedAt: now, deleted: false };
  const after: SpanRecord = { ...span, actorId: actor.id, updatedAt: now };
  const written = await history.perform({ label: "Add actor", docId: span.docId, edits: [{ before: span, after }], actorEdits: [{ before: null, after: actor }] });
  return written.actors[0]!;
}

/**
 * Links `from` to `to` with a link type. For a single-valued type (an
 * event's date) the link it replaces is removed in the same step.
 */
export async function addLink(type: LinkTypeDef, from: SpanRecord, to: SpanRecord, links: readonly LinkRecord[], annotator: string): Promise<LinkRecord | null> {
  const linkEdits = newLinkEdits(type, from, to, links, annotator, Date.now());
  if (!linkEdits) return null;
  const written = await history.perform({ label: `Link ${type.name}`, docId: from.docId, edits: [], linkEdits });
  return written.links[0]!;
}

/**
 * The link records a new link of `type` from `from` to `to` writes: the
 * link, and for a single-valued type tombstones of the links it replaces;
 * null when that link exists already.
 */
export function newLinkEdits(type: LinkTypeDef, from: SpanRecord, to: Pick<SpanRecord, "id">, links: readonly LinkRecord[], annotator: string, now: number): Edit<LinkRecord>[] | null {
  const live = links.filter((l) => !l.deleted && l.from === from.id && l.type === type.id);
  if (live.some((l) => l.to === to.id)) return null;
  const link: LinkRecord = {
    id: crypto.randomUUID(),
    projectId: from.projectId,
    docId: from.docId,
    type: type.id,
    from: from.id,
    to: to.id,
    annotator,
    createdAt: now,
    updatedAt: now,
    deleted: false,
  };
  const linkEdits: Edit<LinkRecord>[] = [{ before: null, after: link }];
  if (type.single) for (const old of live) linkEdits.push({ before: old, after: tombstone(old, now) });
  return linkEdits;
}

export async function removeLink(link: LinkRecord): Promise<void> {
  await history.perform({ label: "Remove link", docId: link.docId, edits: [], linkEdits: [{ before: link, after: tombstone(link, Date.now()) }] });
}

/** Removes `span` and its live links in one undoable step; returns how many links went (the caller says so). */
export async function removeSpanWithLinks(span: SpanRecord, links: readonly LinkRecord[]): Promise<number> {
  const removed = deleteSpanWithLinks(span, links, Date.now());
  const before = new Map(links.map((l) => [l.id, l]));
  await history.perform({
    label: "Remove span",
    docId: span.docId,
    edits: [{ before: span, after: removed.span }],
    linkEdits: removed.links.map((after) => ({ before: before.get(after.id)!, after })),
  });
  return removed.links.length;
}

/**
 * The spans a link of `type` from `from` may point to, best first (see
 * shared/coding/candidates.ts): the order in which the keyboard steps
 * through them.
 */
export function linkCandidates(
  type: LinkTypeDef,
  from: SpanRecord,
  spans: readonly SpanRecord[],
  context: { text: string; links: readonly LinkRecord[]; types: readonly LinkTypeDef[] },
): SpanRecord[] {
  const targets = linkTargets(type, from, spans).filter((s) => !s.deleted);
  return proposeTargets(context.text, type, from, targets, context.links, context.types);
}
