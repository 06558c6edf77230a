import { decodeBackupSummary, encodeBackupSummary, summarizeSnapshot, type BackupSummary } from "../../shared/backupSummary";
import type { ProjectSnapshot } from "../../shared/projectFile/snapshot";
import { BACKUP_INTERVAL_MS, backupFileName, backupSummaryFileName, backupsToDelete, parseBackupFileName, parseBackupSummaryFileName, type BackupName } from "../../shared/backups";
import type { BackupStore, StoredBackup } from "../platform/platform";
import { db } from "./db";
import { projectFileWithSummaryInBackground } from "../workers/client";

export interface ProjectBackup extends BackupName {
  bytes: number;
  /** What it holds, from the summary written beside it; absent for backups taken before summaries (or when it cannot be read). */
  summary?: BackupSummary;
}

/**
 * The backups in a store, newest first, optionally of one project, each
 * with its summary when one was written beside it. Only the small summary
 * files are read, never the backups themselves.
 */
export async function listBackups(store: BackupStore, projectId?: string): Promise<ProjectBackup[]> {
  const entries = await store.list();
  const summaries = new Set(entries.map((e) => e.fileName).filter((name) => parseBackupSummaryFileName(name) !== null));
  const out = backupsAmong(entries, projectId);
  await Promise.all(
    out.map(async (backup) => {
      const summaryName = backupSummaryFileName(backup.fileName);
      if (!summaries.has(summaryName)) return;
      // A summary that cannot be read only costs the list its details.
      const summary = await store.read(summaryName).then(decodeBackupSummary, () => null);
      if (summary) backup.summary = summary;
    }),
  );
  return out;
}

/** The backups among a store's files, newest first, optionally of one project; without their summaries. */
function backupsAmong(entries: readonly StoredBackup[], projectId?: string): ProjectBackup[] {
  const out: ProjectBackup[] = [];
  for (const entry of entries) {
    const name = parseBackupFileName(entry.fileName);
    if (name && (projectId === undefined || name.projectId === projectId)) out.push({ ...name, bytes: entry.bytes });
  }
  return out.sort((a, b) => b.takenAt - a.takenAt);
}

/**
 * Writes the summary of a backup taken before summaries existed, from the
 * backup itself (`snapshot`, read and checked by the caller), so the list
 * says what it holds from now on. Returns the backup with its summary.
 */
export async function writeMissingSummary(store: BackupStore, backup: ProjectBackup, snapshot: ProjectSnapshot): Promise<ProjectBackup> {
  const summary = summarizeSnapshot(snapshot);
  await store.write(backupSummaryFileName(backup.fileName), encodeBackupSummary(summary));
  return { ...backup, summary };
}

/**
 * Writes a backup of a project now, with its summary beside it, then drops
 * the ones the rotation no longer keeps (and their summaries).
 */
export async function backUpProject(store: BackupStore, projectId: string, now = Date.now()): Promise<ProjectBackup> {
  const { bytes, summary } = await projectFileWithSummaryInBackground(projectId);
  const fileName = backupFileName(projectId, now);
  await store.write(fileName, bytes);
  // After the backup, so a summary never describes a backup that is not there.
  await store.write(backupSummaryFileName(fileName), encodeBackupSummary(summary));
  const entries = await store.list();
  const existing = backupsAmong(entries, projectId);
  const kept = new Set(existing.map((b) => backupSummaryFileName(b.fileName)));
  for (const old of backupsToDelete(existing)) {
    await store.remove(old.fileName);
    kept.delete(backupSummaryFileName(old.fileName));
  }
  // Summaries whose backup is gone (deleted by the rotation, or a write that failed half way).
  for (const entry of entries) {
    const of = parseBackupSummaryFileName(entry.fileName);
    if (of && of.projectId === projectId && !kept.has(entry.fileName)) await store.remove(entry.fileName);
  }
  return { projectId, takenAt: now, fileName, bytes: bytes.length, summary };
}

/**
 * Backs up every project changed since its newest backup, at most once per
 * {@link BACKUP_INTERVAL_MS} each. A project is up to date when its newest
 * backup was taken after its last change (`updatedAt`).
 */
export async function backUpChangedProjects(store: BackupStore, now = Date.now()): Promise<string[]> {
  const newest = new Map<string, number>();
  for (const b of backupsAmong(await store.list())) newest.set(b.projectId, Math.max(newest.get(b.projectId) ?? 0, b.takenAt));
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
