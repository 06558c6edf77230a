/**
 * The event-coding fields of the dataset export (jsonl.ts): a span's checked
 * attribute values and registry actor, and a document's links. Values that do
 * not fit their definitions, and links that do not hold, are left out of
 * these structured fields and described in the span's `problems`; the span
 * itself (the evidence) is always exported.
 */
import { resolveActor } from "../coding/actors";
import { cleanAttrs } from "../coding/attributes";
import { linkProblem } from "../coding/links";
import { projectLinkTypes, type ActorRecord, type AttrValue, type LinkRecord, type LinkTypeDef } from "../coding/model";
import type { LabelDef, SpanRecord } from "../model";
import { isoTime } from "../isoTime";

/** What the export needs to know about a project's coding. All optional: without it, values are exported unchecked. */
export interface ExportCoding {
  /** The project's labels: attribute values are checked against them. */
  labels?: readonly LabelDef[];
  /** The project's link types (default: the four default ones). */
  linkTypes?: readonly LinkTypeDef[];
  /** The actor registry by id: actor links are resolved to canonical names. */
  actors?: ReadonlyMap<string, ActorRecord>;
}

/** A span's registry actor in the export. */
export interface ExportActor {
  id: string;
  /** The canonical name. */
  name?: string;
  /** The registry's identifier (e.g. a Wikidata id). */
  identifier?: string;
}

/** A link of the export; `from` and `to` are span ids of the same line. */
export interface ExportLink {
  id: string;
  type: string;
  from: string;
  to: string;
  annotator: string;
  created_at: string;
  updated_at: string;
}

/** The coding fields of one exported span, present only when there is something to say. */
export function spanCodingFields(span: SpanRecord, coding: ExportCoding): { attrs?: Record<string, AttrValue>; actor?: ExportActor; problems?: string[] } {
  if (span.attrs === undefined && span.actorId === undefined) return {};
  const out: { attrs?: Record<string, AttrValue>; actor?: ExportActor; problems?: string[] } = {};
  if (coding.labels === undefined) {
    if (span.attrs !== undefined) out.attrs = { ...span.attrs };
    if (span.actorId !== undefined) out.actor = actorOf(span.actorId, coding.actors);
    return out;
  }
  const clean = cleanAttrs(span, coding.labels.find((l) => l.id === span.label), coding.actors);
  if (Object.keys(clean.attrs).length > 0) out.attrs = clean.attrs;
  if (clean.actorId !== undefined) out.actor = actorOf(clean.actorId, coding.actors);
  if (clean.problems.length > 0) out.problems = clean.problems;
  return out;
}

function actorOf(id: string, actors: ReadonlyMap<string, ActorRecord> | undefined): ExportActor {
  const actor = actors && resolveActor(actors, id);
  if (!actor) return { id };
  const out: ExportActor = { id: actor.id, name: actor.name };
  if (actor.identifier !== undefined && actor.identifier !== "") out.identifier = actor.identifier;
  return out;
}

/**
 * The document's live links between its exported spans, in the order given,
 * leaving out those to spans not exported (removed, of another document, of
 * another annotator) and those whose type or labels do not hold.
 */
export function exportLinks(links: readonly LinkRecord[], spans: ReadonlyMap<string, SpanRecord>, coding: ExportCoding): ExportLink[] {
  const types = new Map(projectLinkTypes(coding).map((t) => [t.id, t]));
  const out: ExportLink[] = [];
  for (const link of links) {
    if (link.deleted) continue;
    const from = spans.get(link.from);
    const to = spans.get(link.to);
    const type = types.get(link.type);
    if (!from || !to || !type || linkProblem(type, from, to) !== undefined) continue;
    out.push({
      id: link.id,
      type: link.type,
      from: link.from,
      to: link.to,
      annotator: link.annotator,
      created_at: isoTime(link.createdAt),
      updated_at: isoTime(link.updatedAt),
    });
  }
  return out;
}
