import { announceRemovedProject } from "./changes";
import { db } from "./db";
import { deleteProjectSpans, SPAN_TABLES } from "./spans";

/**
 * A project's records as a whole: the tables that hold them and their
 * removal. Apart from projectFiles.ts (project files: zip, schemas, merge),
 * so that deleting a project needs none of that at start.
 */

/** Every table holding a project's records. */
export const PROJECT_TABLES = () => [db.projects, db.documents, db.texts, ...SPAN_TABLES(), db.links, db.actors, db.projectExtras];

/** Removes a project's records. Call inside a transaction over {@link PROJECT_TABLES}. */
export async function removeProjectRecords(projectId: string): Promise<void> {
  const docIds = await db.documents.where("projectId").equals(projectId).primaryKeys();
  await db.texts.bulkDelete(docIds);
  await db.documents.bulkDelete(docIds);
  await deleteProjectSpans(projectId);
  await db.links.where("projectId").equals(projectId).delete();
  await db.actors.where("projectId").equals(projectId).delete();
  await db.projectExtras.delete(projectId);
  await db.projects.delete(projectId);
  announceRemovedProject(projectId);
}
