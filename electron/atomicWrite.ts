/**
 * Replaces a file so that a crash or a full disk leaves either the old
 * content or the new, never a torn mix: write a temporary file beside the
 * target, flush it, rename it over the target, then flush the directory so
 * the rename itself survives a power cut.
 */
import { randomBytes } from "node:crypto";
import * as fsPromises from "node:fs/promises";
import path from "node:path";

/** The few file-system calls the write needs; tests pass ones that fail on purpose. */
export interface AtomicWriteFs {
  open(filePath: string, flags: string, mode?: number): Promise<WritableHandle>;
  rename(from: string, to: string): Promise<void>;
  unlink(filePath: string): Promise<void>;
  stat(filePath: string): Promise<{ mode: number }>;
}

export interface WritableHandle {
  writeFile(data: string | Uint8Array): Promise<void>;
  sync(): Promise<void>;
  chmod(mode: number): Promise<void>;
  close(): Promise<void>;
}

const nodeFs: AtomicWriteFs = fsPromises;

/** Atomically writes `data` (strings as UTF-8) to `filePath`. */
export async function writeFileAtomic(filePath: string, data: string | Uint8Array, fs: AtomicWriteFs = nodeFs): Promise<void> {
  const directory = path.dirname(filePath);
  const tempPath = path.join(directory, `.${path.basename(filePath)}.${randomBytes(6).toString("hex")}.tmp`);
  const existingMode = await modeOf(filePath, fs);

  // `wx`: never follow or clobber something already at the temporary name.
  const handle = await fs.open(tempPath, "wx", 0o666);
  try {
    try {
      await handle.writeFile(data);
      if (existingMode !== undefined) await handle.chmod(existingMode);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(tempPath, filePath);
  } catch (error) {
    await fs.unlink(tempPath).catch(() => undefined);
    throw error;
  }
  await syncDirectory(directory, fs);
}

/** Permission bits of the file being replaced, so a save keeps them. */
async function modeOf(filePath: string, fs: AtomicWriteFs): Promise<number | undefined> {
  try {
    return (await fs.stat(filePath)).mode & 0o7777;
  } catch {
    return undefined;
  }
}

// Windows cannot open a directory for flushing, and some file systems refuse
// fsync on one; the rename has happened, so those are not failures of the save.
const UNSUPPORTED_DIRECTORY_SYNC = new Set(["EISDIR", "EPERM", "EACCES", "EINVAL", "ENOTSUP", "EBADF"]);

async function syncDirectory(directory: string, fs: AtomicWriteFs): Promise<void> {
  let handle: WritableHandle;
  try {
    handle = await fs.open(directory, "r");
  } catch (error) {
    if (isUnsupported(error)) return;
    throw error;
  }
  try {
    await handle.sync();
  } catch (error) {
    if (!isUnsupported(error)) throw error;
  } finally {
    await handle.close();
  }
}

function isUnsupported(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && UNSUPPORTED_DIRECTORY_SYNC.has(code);
}
