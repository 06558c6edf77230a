/**
 * Automatic backups of projects as `.spanwise` files kept outside IndexedDB
 * (the Origin Private File System in a browser, the app's data folder on the
 * desktop), so that a corrupted or lost store can be rebuilt. This module is
 * the pure part: how backups are named, and which ones a rotation keeps.
 */

/** A backup's identity, read from its file name. */
export interface BackupName {
  projectId: string;
  /** When it was taken, epoch ms (UTC). */
  takenAt: number;
  fileName: string;
}

const PREFIX = "backup--";
const SUFFIX = ".spanwise";

/**
 * `backup--<projectId>--<takenAt>.spanwise`. Project ids are UUIDs or ids
 * from project files; anything outside [A-Za-z0-9_-] is percent-encoded so
 * the name is safe on every file system and parses back exactly.
 */
export function backupFileName(projectId: string, takenAt: number): string {
  return `${PREFIX}${encodeId(projectId)}--${Math.trunc(takenAt)}${SUFFIX}`;
}

export function parseBackupFileName(fileName: string): BackupName | null {
  if (!fileName.startsWith(PREFIX) || !fileName.endsWith(SUFFIX)) return null;
  const core = fileName.slice(PREFIX.length, -SUFFIX.length);
  const cut = core.lastIndexOf("--");
  if (cut <= 0) return null;
  const time = core.slice(cut + 2);
  if (!/^\d{1,16}$/.test(time)) return null;
  let projectId: string;
  try {
    projectId = decodeURIComponent(core.slice(0, cut).replace(/~/g, "%"));
  } catch {
    return null;
  }
  if (backupFileName(projectId, Number(time)) !== fileName) return null;
  return { projectId, takenAt: Number(time), fileName };
}

const SUMMARY_SUFFIX = ".summary.json";

/**
 * The name of the summary file written beside a backup
 * (`backup--<projectId>--<takenAt>.summary.json`; see backupSummary.ts).
 * Not a `.spanwise` name, so versions that know no summaries pass over it.
 */
export function backupSummaryFileName(backupFile: string): string {
  return `${backupFile.slice(0, -SUFFIX.length)}${SUMMARY_SUFFIX}`;
}

/** The backup a summary file describes, or null when the name is not one {@link backupSummaryFileName} makes. */
export function parseBackupSummaryFileName(fileName: string): BackupName | null {
  if (!fileName.endsWith(SUMMARY_SUFFIX)) return null;
  return parseBackupFileName(`${fileName.slice(0, -SUMMARY_SUFFIX.length)}${SUFFIX}`);
}

function encodeId(id: string): string {
  // encodeURIComponent leaves these as they are; they are fine in file names except "." runs and "~" (our escape).
  return encodeURIComponent(id)
    .replace(/[!'()*.~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%/g, "~");
}

export interface RotationPolicy {
  /** The most recent backups kept whatever their age. */
  recent: number;
  /** Beyond those, the newest backup of each of this many most recent days (UTC). */
  daily: number;
}

export const DEFAULT_ROTATION: RotationPolicy = { recent: 10, daily: 30 };

/**
 * The backups of one project to delete: all but the `recent` newest and the
 * newest of each of the `daily` most recent days that have a backup.
 */
export function backupsToDelete(backups: readonly BackupName[], policy: RotationPolicy = DEFAULT_ROTATION): BackupName[] {
  const newestFirst = [...backups].sort((a, b) => b.takenAt - a.takenAt || (a.fileName < b.fileName ? -1 : 1));
  const keep = new Set(newestFirst.slice(0, policy.recent).map((b) => b.fileName));
  const days = new Set<number>();
  for (const backup of newestFirst) {
    const day = Math.floor(backup.takenAt / 86_400_000);
    if (days.has(day)) continue;
    if (days.size >= policy.daily) break;
    days.add(day);
    keep.add(backup.fileName);
  }
  return newestFirst.filter((b) => !keep.has(b.fileName));
}

/** How often, at most, a changed project is backed up. */
export const BACKUP_INTERVAL_MS = 3 * 60_000;
