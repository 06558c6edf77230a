/**
 * The event-coding members of a project file: links.jsonl (links between
 * spans) and actors.jsonl (the actor registry). Both are optional: files
 * written before event coding lack them, and an older Spanwise keeps them
 * byte for byte as members it does not know.
 *
 * Reading refuses only what breaks the file's structure (a record of the
 * wrong shape, a repeated id, a link of a document the file lacks). A link to
 * a span that does not exist, or an actor merged into a missing one, is
 * kept: validateCoding reports it and exports leave it out, so no work is
 * lost to a colleague's half-finished edit.
 */
import { ACTORS_MEMBER, LINKS_MEMBER } from "./format";
import { parseJsonLines, type LineNumbers } from "./jsonLines";
import { ACTOR_KEYS, LINK_KEYS, actorLineSchema, describeIssues, extraFields, linkLineSchema, withExtra } from "./records";
import type { SnapshotActor, SnapshotLink } from "./snapshot";

export interface CodingMembersContext {
  projectId: string;
  /** The file's documents (a link of any other is refused). */
  docIds: { has(id: string): boolean };
  maxLineBytes: number;
  lineNumbers: LineNumbers;
  report: (problem: string) => void;
}

/**
 * Takes links.jsonl and actors.jsonl out of `members` (the file's other
 * members, changed in place) and reads them. Each is undefined when the file
 * does not have it.
 */
export function readCodingMembers(members: Map<string, Uint8Array>, context: CodingMembersContext): { links?: SnapshotLink[]; actors?: SnapshotActor[] } {
  const out: { links?: SnapshotLink[]; actors?: SnapshotActor[] } = {};
  const linkBytes = members.get(LINKS_MEMBER);
  if (linkBytes !== undefined) {
    members.delete(LINKS_MEMBER);
    out.links = readLinks(parseJsonLines(linkBytes, LINKS_MEMBER, context.maxLineBytes, context.lineNumbers, context.report), context);
  }
  const actorBytes = members.get(ACTORS_MEMBER);
  if (actorBytes !== undefined) {
    members.delete(ACTORS_MEMBER);
    out.actors = readActors(parseJsonLines(actorBytes, ACTORS_MEMBER, context.maxLineBytes, context.lineNumbers, context.report), context);
  }
  return out;
}

function readLinks(records: Record<string, unknown>[], context: CodingMembersContext): SnapshotLink[] {
  return readRecords(records, LINKS_MEMBER, "link", context, (raw) => {
    const parsed = linkLineSchema.safeParse(raw);
    if (!parsed.success) return describeIssues(parsed.error);
    const line = parsed.data;
    if (!context.docIds.has(line.docId)) return `link "${line.id}" belongs to document "${line.docId}", which is not in the file`;
    return withOptionalExtra<SnapshotLink>({ ...line, projectId: context.projectId }, extraFields(raw, LINK_KEYS));
  });
}

function readActors(records: Record<string, unknown>[], context: CodingMembersContext): SnapshotActor[] {
  return readRecords(records, ACTORS_MEMBER, "actor", context, (raw) => {
    const parsed = actorLineSchema.safeParse(raw);
    if (!parsed.success) return describeIssues(parsed.error);
    return withOptionalExtra<SnapshotActor>({ ...withoutUndefined(parsed.data), projectId: context.projectId }, extraFields(raw, ACTOR_KEYS));
  });
}

/**
 * Reads the records of a member with `read` (a record, or why it cannot be
 * read), refusing repeated ids; each problem names the line.
 */
function readRecords<T extends { id: string }>(
  records: Record<string, unknown>[],
  member: string,
  what: string,
  context: CodingMembersContext,
  read: (raw: Record<string, unknown>) => T | string,
): T[] {
  const out: T[] = [];
  const seen = new Map<string, string>();
  for (const [i, raw] of records.entries()) {
    const at = where(member, raw, i, context.lineNumbers);
    const record = read(raw);
    if (typeof record === "string") {
      context.report(`${at}: ${record}`);
      continue;
    }
    const earlier = seen.get(record.id);
    if (earlier !== undefined) {
      context.report(`${at}: ${what} id "${record.id}" is used twice (also ${earlier})`);
      continue;
    }
    seen.set(record.id, at);
    out.push(record);
  }
  return out;
}

function withOptionalExtra<T extends { extra?: Record<string, unknown> }>(record: T, extra: Record<string, unknown> | undefined): T {
  return extra === undefined ? record : { ...record, extra };
}

/** The line of links.jsonl for `link`: known fields in a fixed order, then unknown ones. */
export function linkLine(link: SnapshotLink): string {
  const { id, docId, type, from, to, annotator, createdAt, updatedAt, deleted, updatedBy } = link;
  return JSON.stringify(withExtra(withoutUndefined({ id, docId, type, from, to, annotator, createdAt, updatedAt, deleted, updatedBy }), link.extra));
}

/** The line of actors.jsonl for `actor`; optional fields only when set. */
export function actorLine(actor: SnapshotActor): string {
  const { id, name, aliases, kind, identifier, notes, createdAt, updatedAt, deleted, mergedInto, updatedBy } = actor;
  return JSON.stringify(withExtra(withoutUndefined({ id, name, aliases, kind, identifier, notes, createdAt, updatedAt, deleted, mergedInto, updatedBy }), actor.extra));
}

type SpanOptionalFields = { attrs?: Record<string, string | number | boolean>; actorId?: string; updatedBy?: string };

/**
 * A span's optional fields (attrs, actorId, updatedBy), present only when
 * set: what encode writes after the v1 fields and decode reads back.
 */
export function spanCodingFields(span: SpanOptionalFields): SpanOptionalFields {
  const out: SpanOptionalFields = {};
  if (span.attrs !== undefined) out.attrs = span.attrs;
  if (span.actorId !== undefined) out.actorId = span.actorId;
  if (span.updatedBy !== undefined) out.updatedBy = span.updatedBy;
  return out;
}

function where(member: string, record: object, index: number, lineNumbers: LineNumbers): string {
  const line = lineNumbers.get(record, index);
  return line === undefined ? `${member} record ${index + 1}` : `${member} line ${line}`;
}

/** `record` without the keys whose value is undefined, so records compare equal whether or not an optional field was written. */
export function withoutUndefined<T extends object>(record: T): T {
  const out = {} as T;
  for (const key of Object.keys(record) as (keyof T)[]) if (record[key] !== undefined) out[key] = record[key];
  return out;
}
