/**
 * Merging two copies of a project, deterministically, without a server or a
 * common ancestor.
 *
 * - Documents match by `textHash`: the same article imported by two people is
 *   one document. When both sides have it, the base's record (id, title,
 *   extra fields) is kept and the incoming side's spans are re-pointed to it.
 * - Spans match by `id`. A span is a last-writer-wins register: of two
 *   versions the one with the later `updatedAt` wins; equal times go to the
 *   deletion, then to the greater canonical JSON (see {@link spanVersionKey}).
 *   That is a total order on versions, so the winner does not depend on which
 *   side is which. A tombstone is just a version with `deleted: true`, so a
 *   deletion removes the span on the other side unless that side edited it
 *   later. Versions that differ are listed in the report as conflicts.
 * - The annotator is a field of the span: every annotator's spans stay theirs,
 *   and the layers of several people live side by side.
 * - Labels: the base's, then the incoming labels whose ids the base lacks.
 * - The project's identity (id, name, createdAt) is the base's; its updatedAt
 *   the later of the two.
 *
 * Laws (property-tested in tests/shared/merge*.test.ts), stated over
 * {@link canonicalContent}, i.e. documents keyed by text hash and spans with
 * their `docId` replaced by that hash, since ids of matched documents and the
 * base's titles legitimately depend on which side is the base:
 * - idempotence: merge(merge(A, B), B) equals merge(A, B) exactly, and its
 *   report counts no change;
 * - commutativity: canonical(merge(A, B)) = canonical(merge(B, A));
 * - associativity: canonical(merge(merge(A, B), C)) = canonical(merge(A, merge(B, C))).
 * The laws assume valid snapshots (see shared/projectFile checkSnapshot):
 * unique ids and one document per text on each side.
 */
import type { ProjectSnapshot, SnapshotDocument, SnapshotLabel, SnapshotSpan } from "./projectFile/snapshot";

/** What a conflict looked like on one side. `start`/`end` are UTF-16 offsets, as in the app. */
export interface SpanVersionSummary {
  label: string;
  start: number;
  end: number;
  text: string;
  annotator: string;
  updatedAt: number;
  deleted: boolean;
}

export interface MergeConflict {
  spanId: string;
  docTitle: string;
  /** Which version the merged project has. */
  kept: "base" | "incoming";
  /** `later`: the kept version has the later updatedAt; `tie`: equal times, settled by the tie rule. */
  reason: "later" | "tie";
  base: SpanVersionSummary;
  incoming: SpanVersionSummary;
}

export interface MergeReport {
  /** Documents whose text the base did not have. */
  documentsAdded: number;
  labelsAdded: number;
  /** Live spans the base did not have. */
  spansAdded: number;
  /** Tombstones of spans the base never had, carried so the deletion travels on. */
  tombstonesAdded: number;
  /** Base spans replaced by a later incoming version (other than a deletion). */
  spansChanged: number;
  /** Live base spans that the incoming side deleted later. */
  spansRemoved: number;
  /**
   * Every span whose two versions differed, with the one kept. Without a
   * common ancestor a merge cannot tell an edit on one side from edits on
   * both, so each difference is listed; merging the same file again lists
   * again those settled for the base, and changes nothing.
   */
  conflicts: MergeConflict[];
  /** Anything else worth telling, as sentences (e.g. a member this version cannot merge). */
  notes: string[];
}

/** The records of the merged snapshot that are new or different from the base's: what a store must write. */
export interface MergeChanges {
  documents: SnapshotDocument[];
  /** Spans added (tombstones included) or replaced by the incoming version. */
  spans: SnapshotSpan[];
  labels: SnapshotLabel[];
  /** Unknown members the base did not have. */
  unknownMembers: string[];
}

export interface MergeResult {
  snapshot: ProjectSnapshot;
  report: MergeReport;
  changes: MergeChanges;
}

/**
 * Merges `incoming` into `base`. Pure: neither argument is changed. Records
 * keep the base's order, new ones follow in the incoming order; `changes`
 * lists what differs from the base, for a store to write in one transaction.
 * Throws only for an invalid snapshot (a span of a document it lacks).
 */
export function mergeSnapshots(base: ProjectSnapshot, incoming: ProjectSnapshot): MergeResult {
  const projectId = base.project.id;
  const report: MergeReport = {
    documentsAdded: 0,
    labelsAdded: 0,
    spansAdded: 0,
    tombstonesAdded: 0,
    spansChanged: 0,
    spansRemoved: 0,
    conflicts: [],
    notes: [],
  };
  const changes: MergeChanges = { documents: [], spans: [], labels: [], unknownMembers: [] };

  // Documents, matched by text hash. Incoming documents new to the base keep
  // their id unless the base already uses it for another text.
  const documents: SnapshotDocument[] = [...base.documents];
  const byHash = new Map<string, SnapshotDocument>();
  const byId = new Map<string, SnapshotDocument>();
  for (const entry of base.documents) {
    if (!byHash.has(entry.doc.textHash)) byHash.set(entry.doc.textHash, entry);
    byId.set(entry.doc.id, entry);
  }
  const incomingDocIds = new Map<string, SnapshotDocument>();
  for (const entry of incoming.documents) {
    let target = byHash.get(entry.doc.textHash);
    if (!target) {
      const id = byId.has(entry.doc.id) ? freeDocumentId(entry.doc.id, entry.doc.textHash, byId) : entry.doc.id;
      target = { ...entry, doc: { ...entry.doc, id, projectId } };
      documents.push(target);
      changes.documents.push(target);
      byHash.set(target.doc.textHash, target);
      byId.set(id, target);
      report.documentsAdded++;
    }
    incomingDocIds.set(entry.doc.id, target);
  }
  const docOf = (span: SnapshotSpan, ids: Map<string, SnapshotDocument>): SnapshotDocument => {
    const doc = ids.get(span.docId);
    if (!doc) throw new Error(`Span "${span.id}" belongs to document "${span.docId}", which is not in its project.`);
    return doc;
  };

  // Spans, matched by id; the later version wins.
  const spans: SnapshotSpan[] = [...base.spans];
  const spanIndex = new Map<string, number>();
  base.spans.forEach((span, i) => spanIndex.set(span.id, i));
  for (const span of incoming.spans) {
    const doc = docOf(span, incomingDocIds);
    const candidate: SnapshotSpan = { ...span, docId: doc.doc.id, projectId };
    const index = spanIndex.get(span.id);
    if (index === undefined) {
      spanIndex.set(span.id, spans.length);
      spans.push(candidate);
      changes.spans.push(candidate);
      if (span.deleted) report.tombstonesAdded++;
      else report.spansAdded++;
      continue;
    }
    const current = spans[index]!;
    const currentDoc = docOf(current, byId);
    const order = compareVersions(current, currentDoc.doc.textHash, candidate, doc.doc.textHash);
    if (order === 0) continue;
    const keepIncoming = order < 0;
    report.conflicts.push({
      spanId: span.id,
      docTitle: (keepIncoming ? doc : currentDoc).doc.title,
      kept: keepIncoming ? "incoming" : "base",
      reason: current.updatedAt === candidate.updatedAt ? "tie" : "later",
      base: summarize(current, currentDoc),
      incoming: summarize(candidate, doc),
    });
    if (!keepIncoming) continue;
    spans[index] = candidate;
    changes.spans.push(candidate);
    if (candidate.deleted && !current.deleted) report.spansRemoved++;
    else report.spansChanged++;
  }

  // Labels: the base's definitions, then labels only the incoming side has.
  const labels = [...base.project.labels];
  const labelIds = new Set(labels.map((label) => label.id));
  for (const label of incoming.project.labels) {
    if (labelIds.has(label.id)) continue;
    labels.push(label);
    changes.labels.push(label);
    labelIds.add(label.id);
    report.labelsAdded++;
  }

  // Members and manifest fields this version does not understand cannot be
  // merged, only carried: the base's win where both have them.
  const unknownMembers: Record<string, Uint8Array> = { ...base.unknownMembers };
  for (const name of Object.keys(incoming.unknownMembers).sort()) {
    const theirs = incoming.unknownMembers[name]!;
    const ours = unknownMembers[name];
    if (ours === undefined) {
      unknownMembers[name] = theirs;
      changes.unknownMembers.push(name);
    } else if (!sameBytes(ours, theirs)) report.notes.push(`Both projects have "${name}" with different contents; this version of Spanwise cannot merge it, so the base's was kept.`);
  }
  const manifestExtra = base.manifestExtra || incoming.manifestExtra ? { ...incoming.manifestExtra, ...base.manifestExtra } : undefined;

  const project = { ...base.project, labels, updatedAt: Math.max(base.project.updatedAt, incoming.project.updatedAt) };
  const snapshot: ProjectSnapshot = { project, documents, spans, unknownMembers };
  if (manifestExtra) snapshot.manifestExtra = manifestExtra;
  return { snapshot, report, changes };
}

/**
 * Orders two versions of one span: negative when `b` wins, positive when `a`
 * wins, 0 when they are the same version. Later `updatedAt` wins; at equal
 * times a deletion wins (deleting is the more deliberate act), then the
 * greater {@link spanVersionKey}. Each side's document is identified by its
 * text hash, so the order is the same whichever side is the base.
 */
function compareVersions(a: SnapshotSpan, aHash: string, b: SnapshotSpan, bHash: string): number {
  if (a.updatedAt !== b.updatedAt) return a.updatedAt - b.updatedAt;
  if (a.deleted !== b.deleted) return a.deleted ? 1 : -1;
  // The common case, the same version on both sides, without building keys.
  if (
    aHash === bHash &&
    a.start === b.start &&
    a.end === b.end &&
    a.label === b.label &&
    a.annotator === b.annotator &&
    a.createdAt === b.createdAt &&
    a.id === b.id &&
    a.extra === undefined &&
    b.extra === undefined
  ) {
    return 0;
  }
  const ka = spanVersionKey(a, aHash);
  const kb = spanVersionKey(b, bHash);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** A span version as canonical JSON: sorted keys, `docId` replaced by the document's text hash, no `projectId`. */
export function spanVersionKey(span: SnapshotSpan, textHash: string): string {
  const { projectId: _projectId, docId: _docId, ...rest } = span;
  return stableStringify({ ...rest, docTextHash: textHash });
}

/**
 * The part of a project that merging must agree on whichever side is the
 * base: label ids, documents by text hash with their text, every span (by id)
 * with its document given by text hash, and the names of unknown members.
 */
export function canonicalContent(snapshot: ProjectSnapshot): string {
  const hashOf = new Map(snapshot.documents.map((d) => [d.doc.id, d.doc.textHash]));
  const documents = snapshot.documents.map((d) => ({ textHash: d.doc.textHash, text: d.text })).sort((a, b) => compareStrings(a.textHash, b.textHash));
  const spans = [...snapshot.spans].sort((a, b) => compareStrings(a.id, b.id)).map((span) => spanVersionKey(span, hashOf.get(span.docId) ?? `missing:${span.docId}`));
  const labels = snapshot.project.labels.map((label) => label.id).sort(compareStrings);
  return stableStringify({ labels, documents, spans, unknownMembers: Object.keys(snapshot.unknownMembers).sort(compareStrings) });
}

function summarize(span: SnapshotSpan, doc: SnapshotDocument): SpanVersionSummary {
  const { label, start, end, annotator, updatedAt, deleted } = span;
  return { label, start, end, text: doc.text.slice(start, end), annotator, updatedAt, deleted };
}

/** An id for an incoming document whose id the base already uses for another text. Deterministic, so merging is too. */
function freeDocumentId(id: string, textHash: string, taken: Map<string, unknown>): string {
  for (let length = 12; ; length++) {
    const candidate = `${id}~${textHash.slice(0, Math.min(length, 64))}${length > 64 ? `~${length}` : ""}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** JSON with object keys sorted at every depth, so equal values give equal strings. */
export function stableStringify(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== "object" || Array.isArray(v)) return v;
    // No prototype, so a key like "__proto__" stays an ordinary key.
    const sorted = Object.create(null) as Record<string, unknown>;
    for (const key of Object.keys(v).sort(compareStrings)) sorted[key] = (v as Record<string, unknown>)[key];
    return sorted;
  });
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
