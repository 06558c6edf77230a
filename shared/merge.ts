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
 * - Links between spans and registry actors are registers too, merged the
 *   same way by id (links re-pointed to the base's document). Merging two
 *   actors is an edit of both (see shared/coding/actors.ts), so it travels.
 * - A document's publication date: the base's; the incoming one where the
 *   base has none.
 * - The annotator is a field of the span: every annotator's spans stay theirs,
 *   and the layers of several people live side by side.
 * - Labels: the base's, then the incoming labels whose ids the base lacks;
 *   label attributes and link types likewise, by id.
 * - The project's identity (id, name, createdAt) is the base's; its updatedAt
 *   the later of the two.
 *
 * Laws (property-tested in tests/shared/merge*.test.ts), stated over
 * {@link canonicalContent}, i.e. documents keyed by text hash and spans and
 * links with their `docId` replaced by that hash, since ids of matched documents and the
 * base's titles legitimately depend on which side is the base:
 * - idempotence: merge(merge(A, B), B) equals merge(A, B) exactly, and its
 *   report counts no change;
 * - commutativity: canonical(merge(A, B)) = canonical(merge(B, A));
 * - associativity: canonical(merge(merge(A, B), C)) = canonical(merge(A, merge(B, C))).
 * The laws assume valid snapshots (see shared/projectFile checkSnapshot):
 * unique ids and one document per text on each side.
 */
import { mergeRegister, unionDefinitions, type RecordCounts, type RegisterMerge } from "./coding/mergeRecords";
import type { ProjectSnapshot, SnapshotActor, SnapshotDocument, SnapshotLabel, SnapshotLink, SnapshotSpan } from "./projectFile/snapshot";

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

/** Two versions of a link or actor that differed, and which one the merge kept. */
export interface RecordConflict {
  id: string;
  kept: "base" | "incoming";
  reason: "later" | "tie";
  /** `what` names the record: an actor's name, a link's type. */
  base: { what: string; updatedAt: number; deleted: boolean };
  incoming: { what: string; updatedAt: number; deleted: boolean };
}

/** How the links, or the registry actors, of the base changed. */
export interface RecordMergeReport extends RecordCounts {
  conflicts: RecordConflict[];
}

export interface MergeReport {
  /** Documents whose text the base did not have. */
  documentsAdded: number;
  /** Base documents that took the incoming publication date, having none. */
  documentsUpdated: number;
  labelsAdded: number;
  /** Labels both had, to which the incoming side's attributes were added. */
  labelsChanged: number;
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
  links: RecordMergeReport;
  actors: RecordMergeReport;
  /** Anything else worth telling, as sentences (e.g. a member this version cannot merge). */
  notes: string[];
}

/** The records of the merged snapshot that are new or different from the base's: what a store must write. */
export interface MergeChanges {
  /** Documents added. */
  documents: SnapshotDocument[];
  /** Base documents whose record changed (a publication date taken from the incoming side). */
  documentUpdates: SnapshotDocument[];
  /** Spans added (tombstones included) or replaced by the incoming version. */
  spans: SnapshotSpan[];
  /** Links added or replaced, likewise. */
  links: SnapshotLink[];
  /** Registry actors added or replaced, likewise. */
  actors: SnapshotActor[];
  /** Labels added, or changed by added attributes. */
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
 * Throws only for an invalid snapshot (a span or link of a document it lacks).
 */
export function mergeSnapshots(base: ProjectSnapshot, incoming: ProjectSnapshot): MergeResult {
  const projectId = base.project.id;
  const report: MergeReport = {
    documentsAdded: 0,
    documentsUpdated: 0,
    labelsAdded: 0,
    labelsChanged: 0,
    spansAdded: 0,
    tombstonesAdded: 0,
    spansChanged: 0,
    spansRemoved: 0,
    conflicts: [],
    links: emptyRecordReport(),
    actors: emptyRecordReport(),
    notes: [],
  };
  const changes: MergeChanges = { documents: [], documentUpdates: [], spans: [], links: [], actors: [], labels: [], unknownMembers: [] };

  // Documents, matched by text hash. Incoming documents new to the base keep
  // their id unless the base already uses it for another text.
  const documents: SnapshotDocument[] = [...base.documents];
  const byHash = new Map<string, SnapshotDocument>();
  const byId = new Map<string, SnapshotDocument>();
  const positions = new Map<string, number>();
  base.documents.forEach((entry, i) => {
    if (!byHash.has(entry.doc.textHash)) byHash.set(entry.doc.textHash, entry);
    byId.set(entry.doc.id, entry);
    positions.set(entry.doc.id, i);
  });
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
    } else if (target.doc.publishedAt === undefined && entry.doc.publishedAt !== undefined) {
      // The base's record wins, but a publication date it lacks is taken: relative dates need it.
      const dated: SnapshotDocument = { ...target, doc: { ...target.doc, publishedAt: entry.doc.publishedAt } };
      documents[positions.get(target.doc.id)!] = dated;
      changes.documentUpdates.push(dated);
      byHash.set(dated.doc.textHash, dated);
      byId.set(dated.doc.id, dated);
      report.documentsUpdated++;
      target = dated;
    }
    incomingDocIds.set(entry.doc.id, target);
  }
  const docOf = (record: { id: string; docId: string }, ids: Map<string, SnapshotDocument>, what = "Span"): SnapshotDocument => {
    const doc = ids.get(record.docId);
    if (!doc) throw new Error(`${what} "${record.id}" belongs to document "${record.docId}", which is not in its project.`);
    return doc;
  };
  // The text hash of each adopted incoming record's document: versions are compared by it, whichever side holds them.
  const adoptedHash = new Map<SnapshotSpan | SnapshotLink, string>();
  const hashOf = (record: SnapshotSpan | SnapshotLink) => adoptedHash.get(record) ?? byId.get(record.docId)?.doc.textHash ?? `missing:${record.docId}`;
  const adopt = <T extends SnapshotSpan | SnapshotLink>(record: T, what: string): T => {
    const doc = docOf(record, incomingDocIds, what);
    const adopted = { ...record, docId: doc.doc.id, projectId };
    adoptedHash.set(adopted, doc.doc.textHash);
    return adopted;
  };

  // Spans, matched by id; the later version wins.
  const spans = mergeRegister(base.spans, incoming.spans, {
    adopt: (span) => adopt(span, "Span"),
    // The common case, the same version on both sides, without building keys.
    same: (a, b) =>
      a.start === b.start &&
      a.end === b.end &&
      a.label === b.label &&
      a.annotator === b.annotator &&
      a.createdAt === b.createdAt &&
      a.actorId === b.actorId &&
      sameAttrs(a.attrs, b.attrs) &&
      a.extra === undefined &&
      b.extra === undefined &&
      hashOf(a) === hashOf(b),
    key: (span) => spanVersionKey(span, hashOf(span)),
  });
  for (const c of spans.conflicts) {
    const currentDoc = docOf(c.current, byId);
    const doc = docOf(c.candidate, byId);
    report.conflicts.push({
      spanId: c.current.id,
      docTitle: (c.keepIncoming ? doc : currentDoc).doc.title,
      kept: c.keepIncoming ? "incoming" : "base",
      reason: c.reason,
      base: summarize(c.current, currentDoc),
      incoming: summarize(c.candidate, doc),
    });
  }
  changes.spans = spans.changed;
  report.spansAdded = spans.counts.added;
  report.tombstonesAdded = spans.counts.tombstonesAdded;
  report.spansChanged = spans.counts.changed;
  report.spansRemoved = spans.counts.removed;

  // Links, like spans: by id, re-pointed to the base's document.
  let links: SnapshotLink[] | undefined;
  if (base.links !== undefined || incoming.links !== undefined) {
    const merged = mergeRegister(base.links ?? [], incoming.links ?? [], {
      adopt: (link) => adopt(link, "Link"),
      same: () => false,
      key: (link) => linkVersionKey(link, hashOf(link)),
    });
    links = merged.records;
    changes.links = merged.changed;
    report.links = recordReport(merged, (link) => `${link.type} link`);
  }

  // Registry actors: by id; a rename or merge is an edit like any other.
  let actors: SnapshotActor[] | undefined;
  if (base.actors !== undefined || incoming.actors !== undefined) {
    const merged = mergeRegister(base.actors ?? [], incoming.actors ?? [], {
      adopt: (actor) => ({ ...actor, projectId }),
      same: () => false,
      key: actorVersionKey,
    });
    actors = merged.records;
    changes.actors = merged.changed;
    report.actors = recordReport(merged, (actor) => actor.name);
  }

  // Labels: the base's definitions, then labels only the incoming side has;
  // the attributes of a label both have, likewise.
  const labels = [...base.project.labels];
  const labelIndex = new Map(labels.map((label, i) => [label.id, i]));
  for (const label of incoming.project.labels) {
    const at = labelIndex.get(label.id);
    if (at === undefined) {
      labelIndex.set(label.id, labels.length);
      labels.push(label);
      changes.labels.push(label);
      report.labelsAdded++;
      continue;
    }
    const mine = labels[at]!;
    const attributes = unionDefinitions(mine.attributes, label.attributes);
    if (attributes !== undefined && attributes.length !== (mine.attributes?.length ?? -1)) {
      const changed = { ...mine, attributes };
      labels[at] = changed;
      changes.labels.push(changed);
      report.labelsChanged++;
    }
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
  const linkTypes = unionDefinitions(base.project.linkTypes, incoming.project.linkTypes);
  if (linkTypes !== undefined) project.linkTypes = linkTypes;
  const snapshot: ProjectSnapshot = { project, documents, spans: spans.records, unknownMembers };
  if (links !== undefined) snapshot.links = links;
  if (actors !== undefined) snapshot.actors = actors;
  if (manifestExtra) snapshot.manifestExtra = manifestExtra;
  return { snapshot, report, changes };
}

/** Attribute values are primitives, so comparing them key by key is exact. */
function sameAttrs(a: SnapshotSpan["attrs"], b: SnapshotSpan["attrs"]): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => Object.hasOwn(b, key) && a[key] === b[key]);
}

function emptyRecordReport(): RecordMergeReport {
  return { added: 0, tombstonesAdded: 0, changed: 0, removed: 0, conflicts: [] };
}

function recordReport<T extends { id: string; updatedAt: number; deleted: boolean }>(merged: RegisterMerge<T>, describe: (record: T) => string): RecordMergeReport {
  return {
    ...merged.counts,
    conflicts: merged.conflicts.map((c) => ({
      id: c.current.id,
      kept: c.keepIncoming ? "incoming" : "base",
      reason: c.reason,
      base: { what: describe(c.current), updatedAt: c.current.updatedAt, deleted: c.current.deleted },
      incoming: { what: describe(c.candidate), updatedAt: c.candidate.updatedAt, deleted: c.candidate.deleted },
    })),
  };
}

/** A span version as canonical JSON: sorted keys, `docId` replaced by the document's text hash, no `projectId`. */
export function spanVersionKey(span: SnapshotSpan, textHash: string): string {
  const { projectId: _projectId, docId: _docId, ...rest } = span;
  return stableStringify({ ...rest, docTextHash: textHash });
}

/** A link version as canonical JSON, like {@link spanVersionKey}. */
export function linkVersionKey(link: SnapshotLink, textHash: string): string {
  const { projectId: _projectId, docId: _docId, ...rest } = link;
  return stableStringify({ ...rest, docTextHash: textHash });
}

/** An actor version as canonical JSON, without `projectId`. */
export function actorVersionKey(actor: SnapshotActor): string {
  const { projectId: _projectId, ...rest } = actor;
  return stableStringify(rest);
}

/**
 * The part of a project that merging must agree on whichever side is the
 * base: label ids, documents by text hash with their text, every span and
 * link (by id) with its document given by text hash, every registry actor,
 * and the names of unknown members.
 */
export function canonicalContent(snapshot: ProjectSnapshot): string {
  const hashOf = new Map(snapshot.documents.map((d) => [d.doc.id, d.doc.textHash]));
  const hash = (docId: string) => hashOf.get(docId) ?? `missing:${docId}`;
  const byId = <T extends { id: string }>(records: readonly T[]) => [...records].sort((a, b) => compareStrings(a.id, b.id));
  const documents = snapshot.documents.map((d) => ({ textHash: d.doc.textHash, text: d.text })).sort((a, b) => compareStrings(a.textHash, b.textHash));
  const spans = byId(snapshot.spans).map((span) => spanVersionKey(span, hash(span.docId)));
  const links = byId(snapshot.links ?? []).map((link) => linkVersionKey(link, hash(link.docId)));
  const actors = byId(snapshot.actors ?? []).map(actorVersionKey);
  const labels = snapshot.project.labels.map((label) => label.id).sort(compareStrings);
  return stableStringify({ labels, documents, spans, links, actors, unknownMembers: Object.keys(snapshot.unknownMembers).sort(compareStrings) });
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
