/**
 * The per-span merge rule, on its own so that a file merge, a sync pull and
 * curation all settle two versions of one span the same way.
 *
 * A span is a last-writer-wins register: of two versions the one with the
 * later `updatedAt` wins; at equal times the deletion wins, then the greater
 * canonical JSON ({@link spanVersionKey}). That is a total order on versions,
 * so {@link mergeSpan} is commutative, idempotent and associative
 * (tests/shared/mergeSpan.property.test.ts).
 */
import { compareVersions, type RegisterRules } from "./coding/mergeRecords";
import type { SpanRecord } from "./model";
import { stableStringify } from "./stableStringify";

/**
 * How a version names its document in the comparison: by default its
 * `docId`; across two projects (a file merge) the document's text hash, since
 * the same article can have a different id on each side.
 */
export type DocumentKey<T extends SpanRecord> = (span: T) => string;

const byDocId = (span: SpanRecord) => span.docId;

/**
 * A span version as canonical JSON: sorted keys, `docId` replaced by its
 * document key, without what is local to one store (`projectId`, `rev`).
 */
export function spanVersionKey<T extends SpanRecord>(span: T, documentKey: string): string {
  const { projectId: _projectId, docId: _docId, rev: _rev, ...rest } = span;
  return stableStringify({ ...rest, docTextHash: documentKey });
}

/** The rule as the merge of whole record lists takes it (shared/coding/mergeRecords.ts). */
export function spanVersionRules<T extends SpanRecord & { extra?: unknown }>(documentKey: DocumentKey<T> = byDocId): Pick<RegisterRules<T>, "same" | "key"> {
  return {
    // The common case, the same version on both sides, without building keys.
    same: (a, b) =>
      a.start === b.start &&
      a.end === b.end &&
      a.label === b.label &&
      a.annotator === b.annotator &&
      a.updatedBy === b.updatedBy &&
      a.createdAt === b.createdAt &&
      a.actorId === b.actorId &&
      sameAttrs(a.attrs, b.attrs) &&
      a.extra === undefined &&
      b.extra === undefined &&
      documentKey(a) === documentKey(b),
    key: (span) => spanVersionKey(span, documentKey(span)),
  };
}

/** Negative when `b` wins, positive when `a` wins, 0 when they are the same version. */
export function compareSpanVersions<T extends SpanRecord>(a: T, b: T, documentKey: DocumentKey<T> = byDocId): number {
  return compareVersions(a, b, spanVersionRules(documentKey));
}

/** Of two versions of one span (the same id), the one a merge keeps. */
export function mergeSpan<T extends SpanRecord>(a: T, b: T, documentKey: DocumentKey<T> = byDocId): T {
  if (a.id !== b.id) throw new Error(`mergeSpan compares versions of one span, not "${a.id}" and "${b.id}".`);
  return compareSpanVersions(a, b, documentKey) < 0 ? b : a;
}

/** Attribute values are primitives, so comparing them key by key is exact. */
function sameAttrs(a: SpanRecord["attrs"], b: SpanRecord["attrs"]): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => Object.hasOwn(b, key) && a[key] === b[key]);
}
