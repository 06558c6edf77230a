import { summarizeSnapshot, type BackupSummary } from "../../shared/backupSummary";
import { compareSpans, type DocumentRecord } from "../../shared/model";
import { mergeSnapshots, type MergeReport } from "../../shared/merge";
import { encodeProjectFile, type ProjectSnapshot, type SnapshotDocument, type SnapshotSpan } from "../../shared/projectFile";
import type { SnapshotActor, SnapshotLink } from "../../shared/projectFile/snapshot";
import { APP_VERSION } from "../version";
import { db, projectDocuments } from "./db";
import { forgetFirstScreen } from "./firstScreenCache";
import { saveStatus } from "./saveStatus";
import { PROJECT_TABLES, removeProjectRecords } from "./projectRecords";

export { PROJECT_TABLES, removeProjectRecords } from "./projectRecords";
import { addSpans, putSpans, spansOfDocuments, takeRev } from "./spans";
import { putActors, putLinks } from "./writes";

/** A document row as stored: the record plus any fields a newer version wrote. */
type StoredDocument = DocumentRecord & { extra?: Record<string, unknown> };


function withoutRev<T extends { rev?: number }>(record: T): T {
  if (record.rev === undefined) return record;
  const { rev: _rev, ...rest } = record;
  return rest as T;
}

/**
 * Reads a whole project as a snapshot. Call inside a transaction over
 * {@link PROJECT_TABLES}, or inside a live query (which watches what it reads).
 */
export async function snapshotIn(projectId: string): Promise<ProjectSnapshot> {
  const project = await db.projects.get(projectId);
  if (!project) throw new Error("The project is no longer in the store.");
  const rows: StoredDocument[] = await projectDocuments(db, projectId).toArray();
  const texts = await db.texts.bulkGet(rows.map((d) => d.id));
  const documents = rows.map(({ extra, rev: _rev, ...doc }, i): SnapshotDocument => {
    const text = texts[i]?.text;
    if (text === undefined) throw new Error(`The text of "${doc.title}" is missing from the store.`);
    return extra ? { doc, text, extra } : { doc, text };
  });
  // Document by document in list order, each document's in reading order.
  // Without `rev`: a revision is this store's own, never part of a project's content.
  const spans: SnapshotSpan[] = (await spansOfDocuments(rows.map((d) => d.id))).flatMap((own) => own.map(withoutRev).sort(compareSpans));
  const links: SnapshotLink[] = (await db.links.where("projectId").equals(projectId).sortBy("id")).map(withoutRev);
  const actors: SnapshotActor[] = (await db.actors.where("projectId").equals(projectId).sortBy("id")).map(withoutRev);
  const extras = await db.projectExtras.get(projectId);
  const snapshot: ProjectSnapshot = { project, documents, spans, unknownMembers: extras?.unknownMembers ?? {} };
  // Written only when there are any, so a project without coding saves as older versions read it.
  if (links.length) snapshot.links = links;
  if (actors.length) snapshot.actors = actors;
  if (extras?.manifestExtra) snapshot.manifestExtra = extras.manifestExtra;
  return snapshot;
}

/** The whole project as it is in the store, tombstones included. */
export function readSnapshot(projectId: string): Promise<ProjectSnapshot> {
  return db.transaction("r", PROJECT_TABLES(), () => snapshotIn(projectId));
}

/** The project as `.spanwise` file bytes. */
export async function projectFileBytes(projectId: string): Promise<Uint8Array> {
  return (await projectFileWithSummary(projectId)).bytes;
}

/** The project as `.spanwise` file bytes, with what they hold (for a backup's summary), read at the same moment. */
export async function projectFileWithSummary(projectId: string): Promise<{ bytes: Uint8Array; summary: BackupSummary }> {
  const snapshot = await readSnapshot(projectId);
  return { bytes: await encodeProjectFile(snapshot, { appVersion: APP_VERSION, createdAt: Date.now() }), summary: summarizeSnapshot(snapshot) };
}

/**
 * Document, link and actor ids are keys of the whole store, but a project
 * file only promises they are unique within its project. A record whose id
 * another local project already uses gets an id derived from its own and the
 * target project's, the same every time, so opening or merging the same file
 * again finds the same records. Span ids need no change: spans are stored
 * under their document, so theirs only need to be unique within it (and a
 * project file's are unique within the project). Runs inside the writing
 * transaction.
 */
async function localizeIds(snapshot: ProjectSnapshot, projectId: string): Promise<{ snapshot: ProjectSnapshot; renamed: number }> {
  const derived = (id: string) => `${id}@${projectId}`;
  /** Ids among `ids` that a record of another project holds in `table`. */
  const takenElsewhere = async (table: { bulkGet(keys: string[]): Promise<({ projectId: string } | undefined)[]> }, ids: string[]) => {
    const rows = await table.bulkGet(ids);
    return new Map(ids.filter((_, i) => rows[i] && rows[i].projectId !== projectId).map((id) => [id, derived(id)]));
  };
  const docIds = await takenElsewhere(db.documents, snapshot.documents.map((d) => d.doc.id));
  const linkIds = await takenElsewhere(db.links, (snapshot.links ?? []).map((l) => l.id));
  const actorIds = await takenElsewhere(db.actors, (snapshot.actors ?? []).map((a) => a.id));
  const renamed = docIds.size + linkIds.size + actorIds.size;
  if (renamed === 0) return { snapshot, renamed };
  const to = (ids: Map<string, string>, id: string) => ids.get(id) ?? id;
  const out: ProjectSnapshot = {
    ...snapshot,
    documents: snapshot.documents.map((d) => (docIds.has(d.doc.id) ? { ...d, doc: { ...d.doc, id: to(docIds, d.doc.id) } } : d)),
    spans: snapshot.spans.map((s) => {
      const span = { ...s, docId: to(docIds, s.docId) };
      if (s.actorId !== undefined) span.actorId = to(actorIds, s.actorId);
      return span;
    }),
  };
  if (snapshot.links) {
    out.links = snapshot.links.map((l) => ({ ...l, id: to(linkIds, l.id), docId: to(docIds, l.docId), from: l.from, to: l.to }));
  }
  if (snapshot.actors) {
    out.actors = snapshot.actors.map((a) => {
      const actor = { ...a, id: to(actorIds, a.id) };
      if (a.mergedInto !== undefined) actor.mergedInto = to(actorIds, a.mergedInto);
      return actor;
    });
  }
  return { snapshot: out, renamed };
}

function documentRow({ doc, extra }: SnapshotDocument, projectId: string): StoredDocument {
  return extra ? { ...doc, projectId, extra } : { ...doc, projectId };
}

/**
 * Stores a decoded project file as a project of its own, in one transaction.
 * Keeps the file's ids so that a colleague's later files merge into it; when
 * this project is already here, the copy gets a new project id (and name).
 */
export async function openAsNewProject(incoming: ProjectSnapshot, copyName?: string): Promise<{ projectId: string; name: string; renamed: number }> {
  return saveStatus.track(() =>
    db.transaction("rw", PROJECT_TABLES(), async () => {
      const exists = await db.projects.get(incoming.project.id);
      const projectId = exists ? crypto.randomUUID() : incoming.project.id;
      const name = exists ? (copyName ?? `${incoming.project.name} (copy)`) : incoming.project.name;
      const { snapshot, renamed } = await localizeIds(incoming, projectId);
      await insertProject(snapshot, projectId, name);
      return { projectId, name, renamed };
    }),
  );
}

/** Adds a whole project under `projectId`. Call inside a transaction over {@link PROJECT_TABLES}. */
async function insertProject(snapshot: ProjectSnapshot, projectId: string, name: string): Promise<void> {
  await db.projects.add({ ...snapshot.project, id: projectId, name });
  await db.documents.bulkAdd(snapshot.documents.map((d) => documentRow(d, projectId)));
  await db.texts.bulkAdd(snapshot.documents.map((d) => ({ docId: d.doc.id, text: d.text })));
  await addSpans(snapshot.spans.map((s) => ({ ...s, projectId })));
  const rev = await takeRev();
  if (snapshot.links) await db.links.bulkAdd(snapshot.links.map((l) => ({ ...l, projectId, rev })));
  if (snapshot.actors) await db.actors.bulkAdd(snapshot.actors.map((a) => ({ ...a, projectId, rev })));
  if (Object.keys(snapshot.unknownMembers).length || snapshot.manifestExtra) {
    await db.projectExtras.put({ projectId, unknownMembers: snapshot.unknownMembers, ...(snapshot.manifestExtra ? { manifestExtra: snapshot.manifestExtra } : {}) });
  }
}

/**
 * Puts a project back as a backup had it, in one transaction: the current
 * records of that project are replaced, nothing else is touched.
 */
export async function replaceProject(projectId: string, backup: ProjectSnapshot): Promise<void> {
  await saveStatus.track(() =>
    db.transaction("rw", PROJECT_TABLES(), async () => {
      const name = (await db.projects.get(projectId))?.name ?? backup.project.name;
      await removeProjectRecords(projectId);
      const { snapshot } = await localizeIds(backup, projectId);
      await insertProject(snapshot, projectId, name);
      // A restore is a change of its own: the next backup must see it.
      await db.projects.update(projectId, { updatedAt: Date.now() });
    }),
  );
  // The kept first screen may show what the backup did not have (a window showing the document keeps it anew).
  forgetFirstScreen(projectId);
}

/**
 * Merges a decoded project file into a project: reads the project, merges
 * (shared/merge.ts) and writes only what changed, all in one transaction, so
 * a failure leaves the project exactly as it was.
 */
export async function mergeIntoProject(projectId: string, incoming: ProjectSnapshot): Promise<MergeReport> {
  const report = await saveStatus.track(() =>
    db.transaction("rw", PROJECT_TABLES(), async () => {
      const base = await snapshotIn(projectId);
      const { snapshot: localized } = await localizeIds(incoming, projectId);
      const { snapshot, report, changes } = mergeSnapshots(base, localized);
      if (changes.documents.length) {
        await db.documents.bulkPut(changes.documents.map((d) => documentRow(d, projectId)));
        await db.texts.bulkPut(changes.documents.map((d) => ({ docId: d.doc.id, text: d.text })));
      }
      // New revisions: an undo in any window of an edit the merge replaced is refused, not applied over it.
      const rev = await takeRev();
      if (changes.documentUpdates.length) await db.documents.bulkPut(changes.documentUpdates.map((d) => ({ ...documentRow(d, projectId), rev })));
      await putSpans(changes.spans.map((s) => ({ ...s, projectId })), rev);
      await putLinks(changes.links.map((l) => ({ ...l, projectId })), rev);
      await putActors(changes.actors.map((a) => ({ ...a, projectId })), rev);
      const changed =
        changes.documents.length + changes.documentUpdates.length + changes.spans.length + changes.links.length + changes.actors.length + changes.labels.length + changes.unknownMembers.length > 0;
      if (changed) await db.projects.put({ ...snapshot.project, updatedAt: Math.max(snapshot.project.updatedAt, Date.now()) });
      if (changes.unknownMembers.length || (snapshot.manifestExtra && !base.manifestExtra)) {
        await db.projectExtras.put({ projectId, unknownMembers: snapshot.unknownMembers, ...(snapshot.manifestExtra ? { manifestExtra: snapshot.manifestExtra } : {}) });
      }
      return report;
    }),
  );
  // The merge may have changed the kept first screen's document (a window showing it keeps it anew).
  forgetFirstScreen(projectId);
  return report;
}

