/**
 * Reading, writing and checking a span's attribute values against its
 * label's definitions. Checking never throws: a value that does not fit is
 * described, kept on the span (never lost), and left out of the exports'
 * structured fields by {@link cleanAttrs}.
 */
import type { LabelDef, SpanRecord } from "../model";
import { parseDateValue } from "./dates";
import { allowedOptions, labelAttributes, type ActorRecord, type AttrValue, type AttributeDef } from "./model";
import { resolveActor } from "./actors";

/** A span's value of `def`: its `actorId` for an actor attribute, else its entry in `attrs`. */
export function attrValue(span: Pick<SpanRecord, "attrs" | "actorId">, def: Pick<AttributeDef, "id" | "type">): AttrValue | undefined {
  return def.type === "actor" ? span.actorId : span.attrs?.[def.id];
}

/**
 * `span` with `def` set to `value` (undefined clears it) and `updatedAt` set
 * to `now`: a new record, ready to be stored. `attrs` is left out when it
 * becomes empty.
 */
export function withAttrValue<T extends SpanRecord>(span: T, def: Pick<AttributeDef, "id" | "type">, value: AttrValue | undefined, now: number): T {
  const next: T = { ...span, updatedAt: now };
  if (def.type === "actor") {
    if (value === undefined) delete next.actorId;
    else next.actorId = String(value);
    return next;
  }
  const attrs = { ...span.attrs };
  if (value === undefined) delete attrs[def.id];
  else attrs[def.id] = value;
  if (Object.keys(attrs).length === 0) delete next.attrs;
  else next.attrs = attrs;
  return next;
}

/**
 * Why `value` does not fit `def`, as a phrase ("is not in its list"), or
 * undefined when it fits. `siblings` are the span's other values (a
 * dependent choice checks its parent); `actors` resolves actor links.
 */
export function attrValueProblem(
  def: AttributeDef,
  value: AttrValue,
  siblings: Readonly<Record<string, AttrValue>> | undefined,
  actors?: ReadonlyMap<string, ActorRecord>,
): string | undefined {
  switch (def.type) {
    case "choice": {
      if (typeof value !== "string") return `must be one of its list, not ${JSON.stringify(value)}`;
      const known = (def.options ?? []).some((option) => option.value === value);
      if (!known) return `has ${JSON.stringify(value)}, which is not in its list`;
      if (def.dependsOn !== undefined) {
        const parent = siblings?.[def.dependsOn];
        if (!allowedOptions(def, parent).some((option) => option.value === value)) {
          return `has ${JSON.stringify(value)}, which does not go with ${def.dependsOn} ${parent === undefined ? "unset" : JSON.stringify(parent)}`;
        }
      }
      return undefined;
    }
    case "text":
      return typeof value === "string" ? undefined : `must be text, not ${JSON.stringify(value)}`;
    case "number":
      return typeof value === "number" && Number.isFinite(value) ? undefined : `must be a number, not ${JSON.stringify(value)}`;
    case "boolean":
      return typeof value === "boolean" ? undefined : `must be yes or no, not ${JSON.stringify(value)}`;
    case "date":
      if (typeof value !== "string" || !parseDateValue(value)) {
        return `has ${JSON.stringify(value)}, which is not a calendar date (YYYY, YYYY-MM, YYYY-MM-DD or two of them joined by "/")`;
      }
      return undefined;
    case "actor": {
      if (typeof value !== "string") return `must be a registry actor, not ${JSON.stringify(value)}`;
      if (!actors) return undefined;
      if (!actors.has(value)) return `points to actor "${value}", which is not in the registry`;
      return resolveActor(actors, value) ? undefined : `points to actor "${value}", which was deleted`;
    }
    default:
      // A type from a newer Spanwise: nothing to check it against.
      return undefined;
  }
}

export interface CleanAttrs {
  /** The values that fit their definitions, by attribute id (actor attributes excluded: see `actorId`). */
  attrs: Record<string, AttrValue>;
  /** The span's actor link, when it resolves to a live registry actor (after merges). */
  actorId?: string;
  /** One sentence per value left out. */
  problems: string[];
}

/**
 * The span's values that can go into structured export fields: each checked
 * against the label's attributes. Values of attributes the label does not
 * define, or that do not fit, are left out and described.
 */
export function cleanAttrs(span: Pick<SpanRecord, "attrs" | "actorId">, label: LabelDef | undefined, actors?: ReadonlyMap<string, ActorRecord>): CleanAttrs {
  const defs = label ? labelAttributes(label) : [];
  const byId = new Map(defs.map((def) => [def.id, def]));
  const out: CleanAttrs = { attrs: {}, problems: [] };
  for (const [id, value] of Object.entries(span.attrs ?? {})) {
    const def = byId.get(id);
    if (!def || def.type === "actor") {
      out.problems.push(`attribute "${id}" is not defined for label "${label?.id ?? "?"}"`);
      continue;
    }
    const problem = attrValueProblem(def, value, span.attrs, actors);
    if (problem) out.problems.push(`${def.name} ${problem}`);
    else out.attrs[id] = value;
  }
  if (span.actorId !== undefined) {
    if (!actors) out.actorId = span.actorId;
    else {
      const resolved = resolveActor(actors, span.actorId);
      if (resolved) out.actorId = resolved.id;
      else out.problems.push(`the registry actor "${span.actorId}" ${actors.has(span.actorId) ? "was deleted" : "is not in the registry"}`);
    }
  }
  return out;
}
