import { BACKUP_INTERVAL_MS, backupFileName, backupsToDelete, parseBackupFileName, type BackupName } from "../../shared/backups";
import type { BackupStore } from "../platform/platform";
import { db } from "./db";
import { projectFileInBackground } from "../workers/client";

export interface ProjectBackup extends BackupName {
  bytes: number;
}

/** The backups in a store, newest first, optionally of one project. */
export async function listBackups(store: BackupStore, projectId?: string): Promise<ProjectBackup[]> {
  const out: ProjectBackup[] = [];
  for (const entry of await store.list()) {
    const name = parseBackupFileName(entry.fileName);
    if (name && (projectId === undefined || name.projectId === projectId)) out.push({ ...name, bytes: entry.bytes });
  }
  return out.sort((a, b) => b.takenAt - a.takenAt);
}

/** Writes a backup of a project now, then drops the ones the rotation no longer keeps. */
export async function backUpProject(store: BackupStore, projectId: string, now = Date.now()): Promise<ProjectBackup> {
  const bytes = await projectFileInBackground(projectId);
  const fileName = backupFileName(projectId, now);
  await store.write(fileName, bytes);
  const existing = await listBackups(store, projectId);
  for (const old of backupsToDelete(existing)) await store.remove(old.fileName);
  return { projectId, takenAt: now, fileName, bytes: bytes.length };
}

/**
 * Backs up every project changed since its newest backup, at most once per
 * {@link BACKUP_INTERVAL_MS} each. A project is up to date when its newest
 * backup was taken after its last change (`updatedAt`).
 */
export async function backUpChangedProjects(store: BackupStore, now = Date.now()): Promise<string[]> {
  const newest = new Map<string, number>();
  for (const b of await listBackups(store)) newest.set(b.projectId, Math.max(newest.get(b.projectId) ?? 0, b.takenAt));
  const done: string[] = [];
  for (const project of await db.projects.toArray()) {
    const last = newest.get(project.id);
    if (last !== undefined && (last >= project.updatedAt || now - last < BACKUP_INTERVAL_MS)) continue;
    try {
      await backUpProject(store, project.id, now);
    } catch (err) {
      // Deleted in another window since the list was read: nothing left to back up.
      if (!(await db.projects.get(project.id))) continue;
      throw err;
    }
    done.push(project.id);
  }
  return done;
}

/**
 * Runs {@link backUpChangedProjects} every minute while the app is open and
 * once more when the window is hidden (closing, switching away). Failures
 * are reported, never thrown: a backup must not disturb the work it guards.
 */
export function startAutomaticBackups(store: BackupStore, onProblem: (message: string) => void): () => void {
  let running = false;
  const tick = () => {
    if (running) return;
    running = true;
    backUpChangedProjects(store)
      .catch((err: unknown) => onProblem(`An automatic backup failed: ${err instanceof Error ? err.message : String(err)}`))
      .finally(() => {
        running = false;
      });
  };
  const timer = setInterval(tick, 60_000);
  const first = setTimeout(tick, 10_000);
  const onHide = () => {
    if (document.visibilityState === "hidden") tick();
  };
  document.addEventListener("visibilitychange", onHide);
  return () => {
    clearInterval(timer);
    clearTimeout(first);
    document.removeEventListener("visibilitychange", onHide);
  };
}
