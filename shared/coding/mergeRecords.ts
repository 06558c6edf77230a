/**
 * Merging records that live as last-writer-wins registers: spans, links and
 * registry actors. Each is matched by id; of two versions the one with the
 * later `updatedAt` wins; at equal times the deletion wins, then the greater
 * canonical JSON. That is a total order on versions, so the winner does not
 * depend on which side is the base (see shared/merge.ts for the laws).
 */
import type { AttributeDef, LinkTypeDef } from "./model";

export interface Versioned {
  id: string;
  updatedAt: number;
  deleted: boolean;
}

/** How one kind of record changed the base. */
export interface RecordCounts {
  /** Live records the base did not have. */
  added: number;
  /** Tombstones of records the base never had, carried so the deletion travels on. */
  tombstonesAdded: number;
  /** Base records replaced by a later incoming version (other than a deletion). */
  changed: number;
  /** Live base records the incoming side deleted later. */
  removed: number;
}

/** Two differing versions of one record, and which one the merge kept. */
export interface RegisterConflict<T> {
  current: T;
  candidate: T;
  keepIncoming: boolean;
  reason: "later" | "tie";
}

export interface RegisterMerge<T> {
  /** The base's records in their order, replaced where the incoming version won, then new ones in incoming order. */
  records: T[];
  /** Records new or different from the base's: what a store must write. */
  changed: T[];
  counts: RecordCounts;
  conflicts: RegisterConflict<T>[];
}

export interface RegisterRules<T> {
  /** The incoming record as the base would hold it (its project id, its document id). */
  adopt(record: T): T;
  /** Whether two versions with equal times and deletion are the same, cheaply, before keys are built. */
  same(a: T, b: T): boolean;
  /** A version as canonical text, independent of which side holds it. */
  key(record: T): string;
}

/** Merges `incoming` into `base` record by record (see the module comment). Pure. */
export function mergeRegister<T extends Versioned>(base: readonly T[], incoming: readonly T[], rules: RegisterRules<T>): RegisterMerge<T> {
  const records = [...base];
  const index = new Map<string, number>();
  base.forEach((record, i) => index.set(record.id, i));
  const out: RegisterMerge<T> = { records, changed: [], counts: { added: 0, tombstonesAdded: 0, changed: 0, removed: 0 }, conflicts: [] };
  for (const record of incoming) {
    const candidate = rules.adopt(record);
    const at = index.get(record.id);
    if (at === undefined) {
      index.set(record.id, records.length);
      records.push(candidate);
      out.changed.push(candidate);
      if (candidate.deleted) out.counts.tombstonesAdded++;
      else out.counts.added++;
      continue;
    }
    const current = records[at]!;
    const order = compareVersions(current, candidate, rules);
    if (order === 0) continue;
    const keepIncoming = order < 0;
    out.conflicts.push({ current, candidate, keepIncoming, reason: current.updatedAt === candidate.updatedAt ? "tie" : "later" });
    if (!keepIncoming) continue;
    records[at] = candidate;
    out.changed.push(candidate);
    if (candidate.deleted && !current.deleted) out.counts.removed++;
    else out.counts.changed++;
  }
  return out;
}

/** Negative when `b` wins, positive when `a` wins, 0 for the same version. */
export function compareVersions<T extends Versioned>(a: T, b: T, rules: Pick<RegisterRules<T>, "same" | "key">): number {
  if (a.updatedAt !== b.updatedAt) return a.updatedAt - b.updatedAt;
  if (a.deleted !== b.deleted) return a.deleted ? 1 : -1;
  if (rules.same(a, b)) return 0;
  const ka = rules.key(a);
  const kb = rules.key(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/**
 * A label's or a project's definitions after a merge: the base's list, then
 * the incoming definitions whose ids it lacks. Absent on the base (the
 * defaults, never edited there): the incoming list. Undefined when neither
 * side has one.
 */
export function unionDefinitions<T extends AttributeDef | LinkTypeDef>(base: readonly T[] | undefined, incoming: readonly T[] | undefined): T[] | undefined {
  if (incoming === undefined) return base && [...base];
  if (base === undefined) return [...incoming];
  const ids = new Set(base.map((d) => d.id));
  return [...base, ...incoming.filter((d) => !ids.has(d.id))];
}
