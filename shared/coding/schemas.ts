/**
 * The shapes of coding definitions as stored (project files, the store):
 * checked structurally with zod. Loose objects, so fields a newer Spanwise
 * adds to a definition survive a round trip; what the values mean is checked
 * by validateCoding, which reports rather than refuses.
 */
import { z } from "../zod";
import type { AttributeDef, LinkTypeDef } from "./model";

const nonEmpty = z.string().min(1, { error: "must not be empty" });
const strings = z.array(z.string(), { error: "must be a list of strings" });

export const choiceOptionSchema = z.looseObject({ value: z.string(), label: z.string().optional(), when: strings.optional() });

export const attributeDefSchema = z.looseObject({
  id: nonEmpty,
  name: z.string(),
  // Any string: a type from a newer version is kept, and reported by validateCoding.
  type: nonEmpty,
  options: z.array(choiceOptionSchema).optional(),
  dependsOn: z.string().optional(),
  autoFill: z.string().optional(),
});

export const linkTypeDefSchema = z.looseObject({
  id: nonEmpty,
  name: z.string(),
  from: strings,
  to: strings,
  role: z.string().optional(),
  single: z.boolean().optional(),
  key: z.string().optional(),
});

/** Parsed attribute definitions, typed as the app's (an unknown `type` string stays as it was). */
export const attributeDefsSchema = z.array(attributeDefSchema, { error: "must be a list" }).transform((defs) => defs as AttributeDef[]);
export const linkTypeDefsSchema = z.array(linkTypeDefSchema, { error: "must be a list" }).transform((defs) => defs as LinkTypeDef[]);
