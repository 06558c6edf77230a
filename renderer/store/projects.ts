import { DEFAULT_LABELS, type Project } from "../../shared/model";
import { db } from "./db";
import { CURRENT_PROJECT_KEY, windowProject } from "./windowProject";
import { forgetFirstScreen } from "./firstScreenCache";
import { PROJECT_TABLES, removeProjectRecords } from "./projectRecords";
import { saveStatus } from "./saveStatus";
import { projectSpans } from "./spans";

export { CURRENT_PROJECT_KEY } from "./windowProject";
export { switchProject } from "./openProject";

/** A new, empty project with the default labels. */
export function newProject(name: string): Project {
  const now = Date.now();
  return { id: crypto.randomUUID(), name, labels: DEFAULT_LABELS.map((l) => ({ ...l })), createdAt: now, updatedAt: now };
}

/**
 * Opens in this window the project to start with: the one this window had
 * open (after a reload), else the last one opened in any window, else the
 * first there is, else a new one (created in the same transaction that
 * looks, so two tabs starting at once do not both create one).
 */
export async function openStartProject(): Promise<Project> {
  const project = await saveStatus.track(() =>
    db.transaction("rw", db.projects, db.settings, async () => {
      const own = windowProject.get();
      const mine = own ? await db.projects.get(own) : undefined;
      if (mine) return mine;
      const remembered = (await db.settings.get(CURRENT_PROJECT_KEY))?.value;
      if (typeof remembered === "string") {
        const p = await db.projects.get(remembered);
        if (p) return p;
      }
      const first = await db.projects.orderBy("id").first();
      if (first) {
        await db.settings.put({ key: CURRENT_PROJECT_KEY, value: first.id });
        return first;
      }
      const created = newProject("My project");
      await db.projects.add(created);
      await db.settings.put({ key: CURRENT_PROJECT_KEY, value: created.id });
      return created;
    }),
  );
  windowProject.set(project.id);
  return project;
}

/** Creates an empty project and opens it in this window (and as the one a new window starts with). */
export async function createProject(name: string): Promise<Project> {
  const project = newProject(name);
  await saveStatus.track(() =>
    db.transaction("rw", db.projects, db.settings, async () => {
      await db.projects.add(project);
      await db.settings.put({ key: CURRENT_PROJECT_KEY, value: project.id });
    }),
  );
  windowProject.set(project.id);
  return project;
}

export function renameProject(id: string, name: string): Promise<unknown> {
  return saveStatus.track(() => db.projects.update(id, { name, updatedAt: Date.now() }));
}

/** What deleting a project would remove, for the question that comes first. */
export async function projectContents(id: string): Promise<{ documents: number; spans: number }> {
  const [documents, spans] = await Promise.all([
    db.documents.where("projectId").equals(id).count(),
    projectSpans(id).then((spans) => spans.filter((s) => !s.deleted).length),
  ]);
  return { documents, spans };
}

/**
 * Deletes a project with its documents, texts, spans and settings in one
 * transaction, and opens another in this window (a new empty one when it was
 * the last). Other windows that had it open close it with a notice (App).
 * Returns the project now open.
 */
export async function deleteProject(id: string): Promise<Project> {
  windowProject.markDeletedHere(id);
  const next = await saveStatus.track(() =>
    db.transaction("rw", [...PROJECT_TABLES(), db.settings], async () => {
      await removeProjectRecords(id);
      await db.settings.delete(`currentDocId:${id}`);
      const other = (await db.projects.orderBy("id").first()) ?? newProject("My project");
      await db.projects.put(other);
      await db.settings.put({ key: CURRENT_PROJECT_KEY, value: other.id });
      return other;
    }),
  );
  forgetFirstScreen(id);
  windowProject.set(next.id);
  return next;
}
