/**
 * The backup folder behind the bridge's backup operations: a fixed folder
 * in the app's data directory. The renderer names a backup, never a path; a
 * name is accepted only when it is exactly a name shared/backups.ts makes (a
 * backup, or the summary written beside one), so nothing can reach outside
 * the folder.
 */
import { mkdir, readdir, readFile, stat, unlink } from "node:fs/promises";
import path from "node:path";
import type { BackupEntry } from "../shared/bridge";
import { parseBackupFileName, parseBackupSummaryFileName } from "../shared/backups";
import { writeFileAtomic } from "./atomicWrite";

/** Largest backup accepted: a project file bigger than this is not a backup we wrote. */
export const MAX_BACKUP_BYTES = 512 * 1024 * 1024;

const isBackupFile = (name: string) => parseBackupFileName(name) !== null || parseBackupSummaryFileName(name) !== null;

/** Checks a backup name from the renderer: a backup's, or its summary's. */
export function parseBackupName(value: unknown): string {
  if (typeof value !== "string" || !isBackupFile(value)) throw new Error("a backup name must be one Spanwise makes, like backup--<project>--<time>.spanwise");
  return value;
}

export function parseBackupData(value: unknown): Uint8Array {
  if (!(value instanceof Uint8Array)) throw new Error("backup data must be a Uint8Array");
  if (value.byteLength > MAX_BACKUP_BYTES) throw new Error(`backup data is larger than ${MAX_BACKUP_BYTES / (1024 * 1024)} MB`);
  return value;
}

export function backupFolder(folder: string) {
  const inside = (fileName: unknown) => path.join(folder, parseBackupName(fileName));
  return {
    async write(fileName: unknown, data: unknown): Promise<void> {
      const target = inside(fileName);
      const bytes = parseBackupData(data);
      await mkdir(folder, { recursive: true });
      await writeFileAtomic(target, bytes);
    },
    async list(): Promise<BackupEntry[]> {
      let names: string[];
      try {
        names = await readdir(folder);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === "ENOENT") return [];
        throw err;
      }
      const out: BackupEntry[] = [];
      for (const name of names) {
        if (!isBackupFile(name)) continue;
        const info = await stat(path.join(folder, name));
        if (info.isFile()) out.push({ fileName: name, bytes: info.size });
      }
      return out;
    },
    async read(fileName: unknown): Promise<Uint8Array> {
      return new Uint8Array(await readFile(inside(fileName)));
    },
    async remove(fileName: unknown): Promise<void> {
      await unlink(inside(fileName));
    },
  };
}
