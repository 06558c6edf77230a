/**
 * Merging two copies of a project, deterministically, without a server or a
 * common ancestor.
 *
 * - Documents match by `textHash`: the same article imported by two people is
 *   one document. When both sides have it, the base's record (id, title,
 *   extra fields) is kept and the incoming side's spans are re-pointed to it.
 * - Spans match by `id` and are settled by the per-span rule, mergeSpan
 *   (shared/mergeSpan.ts): a last-writer-wins register, the later `updatedAt`
 *   winning, equal times going to the deletion, then to the greater canonical
 *   JSON. That is a total order on versions, so the winner does not depend on
 *   which side is which. A tombstone is just a version with `deleted: true`, so a
 *   deletion removes the span on the other side unless that side edited it
 *   later. Versions that differ are listed in the report as conflicts.
 * - Links between spans and registry actors are registers too, merged the
 *   same way by id (links re-pointed to the base's document). Merging two
 *   actors is an edit of both (see shared/coding/actors.ts), so it travels.
 * - A document's title and status, as the coder set them, are a register:
 *   the side with the later `updatedAt` wins (equal times: the greater
 *   canonical JSON). The publication date goes with the winner, or comes from
 *   the other side where the winner has none; the source file name is the
 *   base's, or the incoming one where the base has none.
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
import { spanVersionKey, spanVersionRules } from "./mergeSpan";
import { compareStrings, stableStringify } from "./stableStringify";
import type { DocumentRecord } from "./model";
import type { ProjectSnapshot, SnapshotActor, SnapshotDocument, SnapshotLabel, SnapshotLink, SnapshotSpan } from "./projectFile/snapshot";

/** What a conflict looked like on one side. `start`/`end` are UTF-16 offsets, as in the app. */
export interface SpanVersionSummary {
  label: string;
  start: number;
  end: number;
  text: string;
  annotator: string;
  /** Who made this version's last change, when not the annotator (SpanRecord.updatedBy). */
  updatedBy?: string;
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

/** One side's version of a link or actor in a conflict. */
export interface RecordVersionSummary {
  what: string;
  /** Who made the change (a link's updatedBy or annotator, an actor's updatedBy); absent when unknown. */
  by?: string;
  updatedAt: number;
  deleted: boolean;
}

/** Two versions of a link or actor that differed, and which one the merge kept. */
export interface RecordConflict {
  id: string;
  kept: "base" | "incoming";
  reason: "later" | "tie";
  /** `what` names the record: an actor's name, a link's type. */
  base: RecordVersionSummary;
  incoming: RecordVersionSummary;
}

/** How the links, or the registry actors, of the base changed. */
export interface RecordMergeReport extends RecordCounts {
  conflicts: RecordConflict[];
}

export interface MergeReport {
  /** Documents whose text the base did not have. */
  documentsAdded: number;
  /** Base documents that took the incoming title, status or publication date (a later rename, or a date the base lacked). */
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
  /** Base documents whose record changed (a later title or status, a publication date taken from the incoming side). */
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
  const docs = mergeDocuments(base, incoming, report, changes);
  const spans = mergeSpans(base.spans, incoming.spans, docs, report, changes);
  const links = mergeLinks(base.links, incoming.links, docs, report, changes);
  const actors = mergeActors(base, incoming, report, changes);
  const labels = mergeLabels(base.project.labels, incoming.project.labels, report, changes);
  const unknownMembers = carryUnknownMembers(base.unknownMembers, incoming.unknownMembers, report, changes);
  const manifestExtra = base.manifestExtra || incoming.manifestExtra ? { ...incoming.manifestExtra, ...base.manifestExtra } : undefined;

  const project = { ...base.project, labels, updatedAt: Math.max(base.project.updatedAt, incoming.project.updatedAt) };
  const linkTypes = unionDefinitions(base.project.linkTypes, incoming.project.linkTypes);
  if (linkTypes !== undefined) project.linkTypes = linkTypes;
  const snapshot: ProjectSnapshot = { project, documents: docs.documents, spans, unknownMembers };
  if (links !== undefined) snapshot.links = links;
  if (actors !== undefined) snapshot.actors = actors;
  if (manifestExtra) snapshot.manifestExtra = manifestExtra;
  return { snapshot, report, changes };
}

/** The merged documents, and how records of either side find theirs. */
interface MergedDocuments {
  documents: SnapshotDocument[];
  /** The incoming record re-pointed to the merged document of its text, with the base's project id. */
  adopt<T extends SnapshotSpan | SnapshotLink>(record: T, what: string): T;
  /** The text hash of a record's document, whichever side holds it: versions are compared by it. */
  hashOf(record: SnapshotSpan | SnapshotLink): string;
  /** The merged document of a record of the merged snapshot. */
  docOf(record: { id: string; docId: string }): SnapshotDocument;
}

/**
 * Documents, matched by text hash. Incoming documents new to the base keep
 * their id unless the base already uses it for another text; a base document
 * takes the incoming publication date when it has none.
 */
function mergeDocuments(base: ProjectSnapshot, incoming: ProjectSnapshot, report: MergeReport, changes: MergeChanges): MergedDocuments {
  const projectId = base.project.id;
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
    } else {
      const doc = mergedDocumentFields(target.doc, entry.doc);
      if (doc !== target.doc) {
        const updated: SnapshotDocument = { ...target, doc };
        documents[positions.get(target.doc.id)!] = updated;
        changes.documentUpdates.push(updated);
        byHash.set(doc.textHash, updated);
        byId.set(doc.id, updated);
        report.documentsUpdated++;
        target = updated;
      }
    }
    incomingDocIds.set(entry.doc.id, target);
  }
  const find = (record: { id: string; docId: string }, ids: Map<string, SnapshotDocument>, what = "Span"): SnapshotDocument => {
    const doc = ids.get(record.docId);
    if (!doc) throw new Error(`${what} "${record.id}" belongs to document "${record.docId}", which is not in its project.`);
    return doc;
  };
  const adoptedHash = new Map<SnapshotSpan | SnapshotLink, string>();
  return {
    documents,
    adopt: (record, what) => {
      const doc = find(record, incomingDocIds, what);
      const adopted = { ...record, docId: doc.doc.id, projectId };
      adoptedHash.set(adopted, doc.doc.textHash);
      return adopted;
    },
    hashOf: (record) => adoptedHash.get(record) ?? byId.get(record.docId)?.doc.textHash ?? `missing:${record.docId}`,
    docOf: (record) => find(record, byId),
  };
}

/** What the coder sets on a document, as one register's value: compared to settle a tie. */
function documentEditKey(doc: DocumentRecord): string {
  return stableStringify({ title: doc.title, status: doc.status ?? null, updatedAt: doc.updatedAt ?? null });
}

/**
 * The base document `base` after merging `incoming`'s record of the same
 * text, or `base` itself when nothing changes. Title and status follow the
 * later edit (see the module comment); a publication date or source file
 * name missing on the winning side is taken from the other.
 */
function mergedDocumentFields(base: DocumentRecord, incoming: DocumentRecord): DocumentRecord {
  const baseTime = base.updatedAt ?? -Infinity;
  const incomingTime = incoming.updatedAt ?? -Infinity;
  const incomingWins = incomingTime > baseTime || (incomingTime === baseTime && incoming.updatedAt !== undefined && documentEditKey(incoming) > documentEditKey(base));
  const [winner, other] = incomingWins ? [incoming, base] : [base, incoming];
  const merged: DocumentRecord = { ...base, title: winner.title };
  setOptional(merged, "status", winner.status);
  setOptional(merged, "updatedAt", winner.updatedAt);
  setOptional(merged, "publishedAt", winner.publishedAt ?? other.publishedAt);
  setOptional(merged, "source", base.source ?? incoming.source);
  const fields = (d: DocumentRecord) => stableStringify({ title: d.title, status: d.status, updatedAt: d.updatedAt, publishedAt: d.publishedAt, source: d.source });
  return fields(merged) === fields(base) ? base : merged;
}

function setOptional<K extends "status" | "updatedAt" | "publishedAt" | "source">(doc: DocumentRecord, key: K, value: DocumentRecord[K]): void {
  if (value === undefined) delete doc[key];
  else doc[key] = value;
}

/** Spans, matched by id and settled by the per-span rule (shared/mergeSpan.ts); each difference is reported. */
function mergeSpans(base: SnapshotSpan[], incoming: SnapshotSpan[], docs: MergedDocuments, report: MergeReport, changes: MergeChanges): SnapshotSpan[] {
  const spans = mergeRegister(base, incoming, { adopt: (span) => docs.adopt(span, "Span"), ...spanVersionRules<SnapshotSpan>(docs.hashOf) });
  for (const c of spans.conflicts) {
    const currentDoc = docs.docOf(c.current);
    const doc = docs.docOf(c.candidate);
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
  return spans.records;
}

/** Links, like spans: by id, re-pointed to the base's document. Undefined when neither side has links. */
function mergeLinks(base: SnapshotLink[] | undefined, incoming: SnapshotLink[] | undefined, docs: MergedDocuments, report: MergeReport, changes: MergeChanges): SnapshotLink[] | undefined {
  if (base === undefined && incoming === undefined) return undefined;
  const merged = mergeRegister(base ?? [], incoming ?? [], {
    adopt: (link) => docs.adopt(link, "Link"),
    same: () => false,
    key: (link) => linkVersionKey(link, docs.hashOf(link)),
  });
  changes.links = merged.changed;
  report.links = recordReport(merged, (link) => `${link.type} link`, (link) => link.updatedBy ?? link.annotator);
  return merged.records;
}

/** Registry actors: by id; a rename or merge is an edit like any other. Undefined when neither side has a registry. */
function mergeActors(base: ProjectSnapshot, incoming: ProjectSnapshot, report: MergeReport, changes: MergeChanges): SnapshotActor[] | undefined {
  if (base.actors === undefined && incoming.actors === undefined) return undefined;
  const projectId = base.project.id;
  const merged = mergeRegister(base.actors ?? [], incoming.actors ?? [], {
    adopt: (actor) => ({ ...actor, projectId }),
    same: () => false,
    key: actorVersionKey,
  });
  changes.actors = merged.changed;
  report.actors = recordReport(merged, (actor) => actor.name, (actor) => actor.updatedBy);
  return merged.records;
}

/** The base's label definitions, then labels only the incoming side has; the attributes of a label both have, likewise. */
function mergeLabels(base: SnapshotLabel[], incoming: SnapshotLabel[], report: MergeReport, changes: MergeChanges): SnapshotLabel[] {
  const labels = [...base];
  const labelIndex = new Map(labels.map((label, i) => [label.id, i]));
  for (const label of incoming) {
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
  return labels;
}

/**
 * Members this version does not understand cannot be merged, only carried:
 * the base's win where both have them, with a note when they differ.
 */
function carryUnknownMembers(base: Record<string, Uint8Array>, incoming: Record<string, Uint8Array>, report: MergeReport, changes: MergeChanges): Record<string, Uint8Array> {
  const unknownMembers: Record<string, Uint8Array> = { ...base };
  for (const name of Object.keys(incoming).sort()) {
    const theirs = incoming[name]!;
    const ours = unknownMembers[name];
    if (ours === undefined) {
      unknownMembers[name] = theirs;
      changes.unknownMembers.push(name);
    } else if (!sameBytes(ours, theirs)) report.notes.push(`Both projects have "${name}" with different contents; this version of Spanwise cannot merge it, so the base's was kept.`);
  }
  return unknownMembers;
}

function emptyRecordReport(): RecordMergeReport {
  return { added: 0, tombstonesAdded: 0, changed: 0, removed: 0, conflicts: [] };
}

function recordReport<T extends { id: string; updatedAt: number; deleted: boolean }>(
  merged: RegisterMerge<T>,
  describe: (record: T) => string,
  changedBy: (record: T) => string | undefined,
): RecordMergeReport {
  const side = (record: T): RecordVersionSummary => {
    const by = changedBy(record);
    return { what: describe(record), ...(by !== undefined ? { by } : {}), updatedAt: record.updatedAt, deleted: record.deleted };
  };
  return {
    ...merged.counts,
    conflicts: merged.conflicts.map((c) => ({ id: c.current.id, kept: c.keepIncoming ? "incoming" : "base", reason: c.reason, base: side(c.current), incoming: side(c.candidate) })),
  };
}

/** A link version as canonical JSON, like spanVersionKey (shared/mergeSpan.ts). */
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
  const { label, start, end, annotator, updatedBy, updatedAt, deleted } = span;
  return { label, start, end, text: doc.text.slice(start, end), annotator, ...(updatedBy !== undefined ? { updatedBy } : {}), updatedAt, deleted };
}

/** An id for an incoming document whose id the base already uses for another text. Deterministic, so merging is too. */
function freeDocumentId(id: string, textHash: string, taken: Map<string, unknown>): string {
  for (let length = 12; ; length++) {
    const candidate = `${id}~${textHash.slice(0, Math.min(length, 64))}${length > 64 ? `~${length}` : ""}`;
    if (!taken.has(candidate)) return candidate;
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
