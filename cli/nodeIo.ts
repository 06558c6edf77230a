import { randomUUID } from "node:crypto";
import { open, readFile, rename, unlink, type FileHandle } from "node:fs/promises";
import path from "node:path";
import { CliError } from "./errors";
import type { CliIo } from "./io";

/** Writes are gathered into blocks of about this size: one write per document would be slow. */
const WRITE_BLOCK = 1024 * 1024;

/** A one-line reason for a failed file operation: `cannot read "x.spanwise": no such file`. */
export function describeFsError(action: string, file: string, error: unknown): CliError {
  const code = (error as { code?: string }).code;
  const reasons: Record<string, string> = {
    ENOENT: "no such file or folder",
    EISDIR: "it is a folder",
    ENOTDIR: "a part of the path is not a folder",
    EACCES: "permission denied",
    EPERM: "operation not permitted",
    ENOSPC: "the disk is full",
    EROFS: "the file system is read-only",
    EEXIST: "it already exists",
    ERR_FS_FILE_TOO_LARGE: "it is too large to read",
  };
  const reason = (code && reasons[code]) ?? (error instanceof Error ? error.message : String(error));
  return new CliError(`cannot ${action} "${file}": ${reason}`);
}

export function createNodeIo(): CliIo {
  return {
    async readFile(file) {
      try {
        const buffer = await readFile(file);
        return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
      } catch (error) {
        throw describeFsError("read", file, error);
      }
    },

    async writeFileAtomic(file, chunks) {
      const target = path.resolve(file);
      // Same folder as the target, so the rename cannot cross file systems.
      const temp = path.join(path.dirname(target), `.${path.basename(target)}.${randomUUID().slice(0, 8)}.tmp`);
      let handle: FileHandle;
      try {
        handle = await open(temp, "wx", 0o644);
      } catch (error) {
        throw describeFsError("write", file, error);
      }
      let closed = false;
      try {
        const encoder = new TextEncoder();
        let block: Uint8Array[] = [];
        let blockBytes = 0;
        const flush = async () => {
          if (blockBytes === 0) return;
          await handle.write(Buffer.concat(block, blockBytes));
          block = [];
          blockBytes = 0;
        };
        for await (const chunk of chunks) {
          const bytes = typeof chunk === "string" ? encoder.encode(chunk) : chunk;
          block.push(bytes);
          blockBytes += bytes.length;
          if (blockBytes >= WRITE_BLOCK) await flush();
        }
        await flush();
        await handle.sync();
        closed = true;
        await handle.close();
        await rename(temp, target);
      } catch (error) {
        if (!closed) await handle.close().catch(() => {});
        await unlink(temp).catch(() => {});
        throw error instanceof CliError ? error : describeFsError("write", file, error);
      }
    },

    writeStdout(text) {
      return new Promise((resolve, reject) => {
        const ok = process.stdout.write(text, (error) => {
          if (error) reject(error);
        });
        if (ok) resolve();
        else process.stdout.once("drain", resolve);
      });
    },

    writeStderr(text) {
      process.stderr.write(text);
    },

    stderrIsTTY: process.stderr.isTTY === true,
    now: () => Date.now(),
  };
}
