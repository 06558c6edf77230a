/**
 * Checks a project's event coding and reports what is wrong where, never
 * throwing and never changing anything: a link to a span that does not
 * exist, an alias two actors share, an attribute value outside its list, a
 * date that cannot be read, a definition that makes no sense. The app shows
 * these next to what they concern; exports leave the values out of their
 * structured fields (see cleanAttrs) and keep the evidence.
 */
import { FORBIDDEN_JSON_KEYS } from "../safeJson";
import type { LabelDef, SpanRecord } from "../model";
import { actorsById, resolveActor, sharedAliases } from "./actors";
import { attrValueProblem } from "./attributes";
import { isMonthDay, normalizeDate, parseDateValue, parseMonthDay } from "./dates";
import { linkProblem } from "./links";
import { ATTRIBUTE_TYPES, labelAttributes, projectLinkTypes, type AttributeDef, type CodingSource, type LinkTypeDef } from "./model";

export type CodingProblemKind =
  | "label-definition"
  | "link-type-definition"
  | "attr-unknown"
  | "attr-invalid"
  | "actor-link"
  | "date-unparseable"
  | "link-unknown-type"
  | "link-missing-span"
  | "link-invalid"
  | "link-too-many"
  | "link-duplicate"
  | "alias-shared"
  | "actor-invalid"
  | "published-at";

/** One thing wrong, with where it is: the ids a UI needs to show it in place. */
export interface CodingProblem {
  kind: CodingProblemKind;
  /** A sentence naming the document, span text, actor or label concerned. */
  message: string;
  docId?: string;
  spanId?: string;
  linkId?: string;
  actorIds?: string[];
  labelId?: string;
  attributeId?: string;
}

export interface ValidateCodingOptions {
  /**
   * Also read the text of date spans that have no stored calendar value and
   * report those the parser cannot read (chrono on each: slower on big
   * projects). Default false.
   */
  parseDates?: boolean;
}

const ROLES = new Set(["source", "target", "date", "speaker"]);

/** Every problem of `source`'s coding, in a stable order: definitions, spans, links, registry. */
export function validateCoding(source: CodingSource, options: ValidateCodingOptions = {}): CodingProblem[] {
  const problems: CodingProblem[] = [];
  const labels = new Map(source.labels.map((l) => [l.id, l]));
  const linkTypes = projectLinkTypes(source);
  const docs = new Map(source.documents.map((d) => [d.doc.id, d]));
  const actors = actorsById(source.actors);
  const spans = new Map(source.spans.map((s) => [s.id, s]));

  for (const label of source.labels) checkLabel(label, problems);
  checkLinkTypes(linkTypes, labels, problems);

  for (const { doc } of source.documents) {
    if (doc.publishedAt !== undefined && isMonthDay(doc.publishedAt)) {
      // A day known without its year ("--03-03"), kept until the year is known.
      if (!parseMonthDay(doc.publishedAt)) problems.push({ kind: "published-at", docId: doc.id, message: `"${doc.title}": the publication date "${doc.publishedAt}" does not exist.` });
    } else if (doc.publishedAt !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(doc.publishedAt.slice(0, 10))) {
      problems.push({ kind: "published-at", docId: doc.id, message: `"${doc.title}": the publication date "${doc.publishedAt}" is not a calendar date (YYYY-MM-DD).` });
    } else if (doc.publishedAt !== undefined && !parseDateValue(doc.publishedAt.slice(0, 10))) {
      problems.push({ kind: "published-at", docId: doc.id, message: `"${doc.title}": the publication date "${doc.publishedAt}" does not exist.` });
    }
  }

  const where = (span: SpanRecord) => {
    const entry = docs.get(span.docId);
    const text = entry ? entry.text.slice(span.start, span.end) : "";
    return `In "${entry?.doc.title ?? span.docId}", ${span.label} ${JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text)}`;
  };
  for (const span of source.spans) {
    if (span.deleted) continue;
    const label = labels.get(span.label);
    const defs = label ? labelAttributes(label) : [];
    const byId = new Map(defs.map((def) => [def.id, def]));
    const at = { docId: span.docId, spanId: span.id, labelId: span.label };
    for (const [id, value] of Object.entries(span.attrs ?? {})) {
      const def = byId.get(id);
      if (!def || def.type === "actor") {
        problems.push({ kind: "attr-unknown", ...at, attributeId: id, message: `${where(span)}: the label has no attribute "${id}" (value ${JSON.stringify(value)} kept, not exported).` });
        continue;
      }
      const problem = attrValueProblem(def, value, span.attrs, actors);
      if (problem) problems.push({ kind: "attr-invalid", ...at, attributeId: id, message: `${where(span)}: ${def.name} ${problem}.` });
    }
    if (span.actorId !== undefined && !resolveActor(actors, span.actorId)) {
      const gone = actors.has(span.actorId) ? "a deleted registry actor" : `actor "${span.actorId}", which is not in the registry`;
      problems.push({ kind: "actor-link", ...at, actorIds: [span.actorId], message: `${where(span)}: links to ${gone}.` });
    }
    if (options.parseDates) {
      const dateDef = defs.find((def) => def.autoFill === "normalizedDate");
      if (dateDef && span.attrs?.[dateDef.id] === undefined) {
        const entry = docs.get(span.docId);
        const read = normalizeDate(entry ? entry.text.slice(span.start, span.end) : "", entry?.doc.publishedAt);
        if (!read.ok) problems.push({ kind: "date-unparseable", ...at, attributeId: dateDef.id, message: `${where(span)}: ${read.problem}` });
      }
    }
  }

  checkLinks(source, linkTypes, spans, where, problems);

  for (const shared of sharedAliases(source.actors)) {
    const names = shared.actorIds.map((id) => `"${actors.get(id)!.name}"`).join(" and ");
    problems.push({ kind: "alias-shared", actorIds: shared.actorIds, message: `The alias "${shared.spellings[0]}" belongs to ${names}; suggestions cannot tell them apart.` });
  }
  for (const actor of source.actors) {
    if (actor.deleted) continue;
    if (actor.name.trim() === "") problems.push({ kind: "actor-invalid", actorIds: [actor.id], message: `Registry actor "${actor.id}" has no name.` });
    if (actor.mergedInto !== undefined && !resolveActor(actors, actor.id)) {
      problems.push({
        kind: "actor-invalid",
        actorIds: [actor.id, actor.mergedInto],
        message: `Registry actor "${actor.name}" was merged into "${actor.mergedInto}", which is missing, deleted or merged back into it.`,
      });
    }
  }
  return problems;
}

function checkLabel(label: LabelDef, problems: CodingProblem[]): void {
  const defs = labelAttributes(label);
  const report = (message: string, attributeId?: string) =>
    problems.push({ kind: "label-definition", labelId: label.id, ...(attributeId === undefined ? {} : { attributeId }), message: `Label "${label.name}": ${message}` });
  const ids = new Set<string>();
  let actorAttributes = 0;
  for (const def of defs) {
    if (ids.has(def.id)) report(`the attribute id "${def.id}" is used twice.`, def.id);
    ids.add(def.id);
    if (FORBIDDEN_JSON_KEYS.has(def.id)) report(`"${def.id}" cannot be an attribute id.`, def.id);
    if (!ATTRIBUTE_TYPES.includes(def.type)) report(`attribute "${def.name}" has the type "${def.type}", which this version of Spanwise does not know.`, def.id);
    if (def.type === "actor") actorAttributes++;
    if (def.type === "choice") checkOptions(def, report);
  }
  for (const def of defs) {
    if (def.dependsOn !== undefined && !defs.some((other) => other.id === def.dependsOn && other.id !== def.id)) {
      report(`attribute "${def.name}" depends on "${def.dependsOn}", which the label does not have.`, def.id);
    }
  }
  if (actorAttributes > 1) report("only one attribute can link a span to a registry actor.");
}

function checkOptions(def: AttributeDef, report: (message: string, attributeId?: string) => void): void {
  const options = def.options ?? [];
  if (options.length === 0) report(`the choice "${def.name}" has an empty list.`, def.id);
  const values = new Set<string>();
  for (const option of options) {
    if (values.has(option.value)) report(`the choice "${def.name}" lists "${option.value}" twice.`, def.id);
    values.add(option.value);
  }
}

function checkLinkTypes(types: readonly LinkTypeDef[], labels: ReadonlyMap<string, LabelDef>, problems: CodingProblem[]): void {
  const ids = new Set<string>();
  for (const type of types) {
    const report = (message: string) => problems.push({ kind: "link-type-definition", message: `Link type "${type.name}": ${message}` });
    if (ids.has(type.id)) report(`the id "${type.id}" is used twice.`);
    ids.add(type.id);
    for (const label of [...type.from, ...type.to]) if (!labels.has(label)) report(`the label "${label}" is not defined.`);
    if (type.role !== undefined && !ROLES.has(type.role)) report(`the role "${type.role}" is not one of source, target, date, speaker.`);
  }
}

function checkLinks(
  source: CodingSource,
  types: readonly LinkTypeDef[],
  spans: ReadonlyMap<string, SpanRecord>,
  where: (span: SpanRecord) => string,
  problems: CodingProblem[],
): void {
  const typesById = new Map(types.map((t) => [t.id, t]));
  const seen = new Set<string>();
  const singles = new Map<string, number>();
  for (const link of source.links) {
    if (link.deleted) continue;
    const at = { docId: link.docId, linkId: link.id };
    const type = typesById.get(link.type);
    const from = spans.get(link.from);
    const to = spans.get(link.to);
    const what = `The ${type?.name ?? link.type} link "${link.id}"`;
    if (!type) {
      problems.push({ kind: "link-unknown-type", ...at, message: `${what} has a type the project does not define.` });
      continue;
    }
    if (!from || !to) {
      const missing = [!from && `its start "${link.from}"`, !to && `its target "${link.to}"`].filter(Boolean).join(" and ");
      problems.push({ kind: "link-missing-span", ...at, ...(from ? { spanId: from.id } : {}), message: `${what} points to spans that do not exist: ${missing}.` });
      continue;
    }
    const problem = from.docId !== link.docId || to.docId !== link.docId ? "joins spans of another document" : linkProblem(type, from, to);
    if (problem) {
      problems.push({ kind: "link-invalid", ...at, spanId: from.id, message: `${where(from)}: ${what} ${problem}.` });
      continue;
    }
    const key = `${link.type}\u0000${link.from}\u0000${link.to}`;
    if (seen.has(key)) problems.push({ kind: "link-duplicate", ...at, spanId: from.id, message: `${where(from)}: the ${type.name} link to the same span is there twice.` });
    seen.add(key);
    if (type.single) {
      const singleKey = `${link.type}\u0000${link.from}`;
      const count = (singles.get(singleKey) ?? 0) + 1;
      singles.set(singleKey, count);
      if (count === 2) problems.push({ kind: "link-too-many", ...at, spanId: from.id, message: `${where(from)}: has more than one ${type.name} link.` });
    }
  }
}
