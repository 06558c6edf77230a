/**
 * Reads the files the user chose in the open dialog. Files above a memory
 * cap are skipped and named, so one huge file never takes the app down and
 * the user learns which file was left out; the renderer's import validation
 * judges everything else.
 */
import * as fsPromises from "node:fs/promises";
import path from "node:path";
import type { PickedFile } from "../shared/bridge";

/** Largest file read into memory for the renderer. */
export const MAX_PICKED_FILE_BYTES = 64 * 1024 * 1024;

export interface SkippedFile {
  name: string;
  reason: string;
  /** The file system's error code when reading failed (ENOENT: the file is gone). */
  code?: string;
}

export interface PickedFilesResult {
  files: PickedFile[];
  skipped: SkippedFile[];
}

export interface PickedFilesFs {
  stat(filePath: string): Promise<{ size: number; isFile(): boolean }>;
  readFile(filePath: string): Promise<Uint8Array>;
}

const nodeFs: PickedFilesFs = fsPromises;

/** Reads `filePaths` (from the open dialog only) in order, skipping what cannot or should not be read. */
export async function readPickedFiles(
  filePaths: readonly string[],
  fs: PickedFilesFs = nodeFs,
  maxBytes = MAX_PICKED_FILE_BYTES,
): Promise<PickedFilesResult> {
  const result: PickedFilesResult = { files: [], skipped: [] };
  for (const filePath of filePaths) {
    const name = path.basename(filePath);
    try {
      const info = await fs.stat(filePath);
      if (!info.isFile()) {
        result.skipped.push({ name, reason: "not a regular file" });
      } else if (info.size > maxBytes) {
        result.skipped.push({ name, reason: `larger than ${formatMegabytes(maxBytes)}` });
      } else {
        // Copy into an exact-size Uint8Array: IPC clones a typed array's whole
        // backing store, and a Buffer may be a view on a shared pool.
        result.files.push({ name, bytes: new Uint8Array(await fs.readFile(filePath)) });
      }
    } catch (error) {
      const code = (error as { code?: unknown } | null)?.code;
      result.skipped.push({ name, reason: describeReadError(error), ...(typeof code === "string" ? { code } : {}) });
    }
  }
  return result;
}

/** One line per skipped file, for a message box. */
export function describeSkipped(skipped: readonly SkippedFile[]): string {
  return skipped.map((file) => `${file.name}: ${file.reason}`).join("\n");
}

function formatMegabytes(bytes: number): string {
  return `${Math.floor(bytes / (1024 * 1024))} MB`;
}

function describeReadError(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === "ENOENT") return "the file no longer exists";
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  return error instanceof Error ? error.message : String(error);
}
