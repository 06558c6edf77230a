/**
 * The records of a project file as they are written: schemas that check a
 * parsed line, and the functions that build a line from an in-memory record.
 * Offsets here are code points; converting them is the caller's business.
 */
import { z } from "../zod";
import { attributeDefsSchema, linkTypeDefsSchema } from "../coding/schemas";
import type { ExtraFields } from "./snapshot";

type IssueInput = { input?: unknown };
const missingOr = (what: string) => (issue: IssueInput) => (issue.input === undefined ? "is missing" : `must be ${what}`);

const text = (what = "a string") => z.string({ error: missingOr(what) });
const id = () => text("a non-empty string").min(1, { error: "must not be empty" });
const time = () => z.int({ error: missingOr("a whole number of milliseconds") });
const count = () => z.int({ error: missingOr("a whole number") }).nonnegative({ error: "must not be negative" });

export const LABEL_KEYS = ["id", "name", "color", "key", "attributes"] as const;
export const PROJECT_KEYS = ["id", "name", "labels", "linkTypes", "createdAt", "updatedAt"] as const;
export const DOCUMENT_KEYS = ["id", "title", "textHash", "text", "createdAt", "publishedAt", "source", "status", "updatedAt"] as const;
export const SPAN_KEYS = ["id", "docId", "start", "end", "label", "text", "annotator", "createdAt", "updatedAt", "deleted", "attrs", "actorId", "updatedBy"] as const;
export const LINK_KEYS = ["id", "docId", "type", "from", "to", "annotator", "createdAt", "updatedAt", "deleted", "updatedBy"] as const;
export const ACTOR_KEYS = ["id", "name", "aliases", "kind", "identifier", "notes", "createdAt", "updatedAt", "deleted", "mergedInto", "updatedBy"] as const;
export const MANIFEST_KEYS = ["format", "formatVersion", "appVersion", "createdAt", "counts", "members"] as const;

export const labelSchema = z.object({ id: id(), name: text(), color: text(), key: text(), attributes: attributeDefsSchema.optional() });

export const projectSchema = z.object({
  id: id(),
  name: text(),
  labels: z.array(z.record(z.string(), z.unknown(), { error: "must be an object" }), { error: missingOr("a list") }),
  linkTypes: linkTypeDefsSchema.optional(),
  createdAt: time(),
  updatedAt: time(),
});

export const documentLineSchema = z.object({
  id: id(),
  title: text(),
  textHash: text("64 lowercase hex digits").regex(/^[0-9a-f]{64}$/, { error: "must be 64 lowercase hex digits (SHA-256)" }),
  text: text(),
  createdAt: time(),
  // Kept as written even when it is not a date: validateCoding reports it, nothing is lost.
  publishedAt: text().optional(),
  source: text().optional(),
  status: z.enum(["new", "in-progress", "done"], { error: 'must be "new", "in-progress" or "done"' }).optional(),
  updatedAt: time().optional(),
});
export type DocumentLine = z.infer<typeof documentLineSchema>;

export const spanLineSchema = z.object({
  id: id(),
  docId: id(),
  start: count(),
  end: count(),
  label: id(),
  text: text(),
  annotator: text(),
  createdAt: time(),
  updatedAt: time(),
  deleted: z.boolean({ error: missingOr("true or false") }),
  attrs: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]), { error: "must be an object of text, number or true/false values" }).optional(),
  actorId: id().optional(),
  updatedBy: text().optional(),
});
export type SpanLine = z.infer<typeof spanLineSchema>;

export const linkLineSchema = z.object({
  id: id(),
  docId: id(),
  type: id(),
  from: id(),
  to: id(),
  annotator: text(),
  createdAt: time(),
  updatedAt: time(),
  deleted: z.boolean({ error: missingOr("true or false") }),
  updatedBy: text().optional(),
});
export type LinkLine = z.infer<typeof linkLineSchema>;

export const actorLineSchema = z.object({
  id: id(),
  name: text(),
  aliases: z.array(z.string(), { error: missingOr("a list of strings") }),
  kind: text().optional(),
  identifier: text().optional(),
  notes: text().optional(),
  createdAt: time(),
  updatedAt: time(),
  deleted: z.boolean({ error: missingOr("true or false") }),
  mergedInto: id().optional(),
  updatedBy: text().optional(),
});
export type ActorLine = z.infer<typeof actorLineSchema>;

/** The part of manifest.json every format version shares: enough to decide whether a file can be read. */
export const manifestEnvelopeSchema = z.object({
  format: z.unknown(),
  formatVersion: z.int({ error: missingOr("a whole number") }).positive({ error: "must be 1 or more" }),
});

export const manifestSchema = z.object({
  appVersion: text(),
  createdAt: time(),
  counts: z.object({ documents: count(), spans: count(), links: count().optional(), actors: count().optional() }, { error: missingOr("an object") }),
  members: z.record(
    z.string(),
    z.object(
      {
        sha256: text().regex(/^[0-9a-f]{64}$/, { error: "must be 64 lowercase hex digits" }),
        bytes: count(),
      },
      { error: "must be an object" },
    ),
    { error: missingOr("an object") },
  ),
});

/** The fields of `raw` outside `known`, or undefined when there are none. */
export function extraFields(raw: Record<string, unknown>, known: readonly string[]): ExtraFields | undefined {
  let extra: ExtraFields | undefined;
  for (const key of Object.keys(raw)) {
    if (known.includes(key)) continue;
    extra ??= {};
    extra[key] = raw[key];
  }
  return extra;
}

/** `known` followed by the fields of `extra` that `known` does not define: known fields always win. */
export function withExtra<T extends object>(known: T, extra: ExtraFields | undefined): T & ExtraFields {
  if (extra === undefined) return known as T & ExtraFields;
  const out: ExtraFields = { ...(known as ExtraFields) };
  for (const key of Object.keys(extra)) if (!Object.hasOwn(known, key)) out[key] = extra[key];
  return out as T & ExtraFields;
}

/** One problem sentence for a failed parse: `field "start" must be a whole number; field "text" is missing`. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => {
      const where = issue.path.length > 0 ? `field "${issue.path.map(String).join(".")}"` : "the record";
      return `${where} ${issue.message}`;
    })
    .join("; ");
}
