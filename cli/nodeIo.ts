import { createHash } from "node:crypto";
import { closeSync, createReadStream, fstatSync, openSync, readSync } from "node:fs";
import { open, readFile, rename, unlink, type FileHandle } from "node:fs/promises";
import { totalmem } from "node:os";
import path from "node:path";
import { pipeline } from "node:stream";
import { createInflateRaw, inflateRawSync } from "node:zlib";
import { limitsForMemory } from "../shared/projectFile/format";
import type { RawInflate, ZipEntry } from "../shared/projectFile/zipRead";
import { CliError } from "./errors";
import { workerExportParts } from "./exportThreads";
import { removeStaleTemps, tempFileBeside } from "./tempFiles";
import type { CliIo, OpenProjectFile } from "./io";

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

/**
 * Node's zlib, capped at the member's declared size: about three times as fast
 * as the decoder's JavaScript inflater on the members of a big project.
 */
export const nodeInflate: RawInflate = (compressed, cap) => {
  try {
    // zlib takes no cap of 0; a member declared empty that inflates to a byte is too large all the same.
    const out = inflateRawSync(compressed, { maxOutputLength: Math.max(cap, 1) });
    if (out.byteLength > cap) return "too-large";
    return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  } catch (error) {
    return (error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE" ? "too-large" : "corrupt";
  }
};

/** Compressed bytes are read, and unpacked bytes handed on, in chunks of this size. */
const STREAM_CHUNK = 1024 * 1024;

/**
 * A project file opened for streaming: the directory and small members are
 * read a part at a time (synchronously: a few small reads, in a command-line
 * tool), the big members streamed through zlib on its own threads.
 */
export function openNodeProjectFile(file: string, chunkBytes = STREAM_CHUNK): OpenProjectFile {
  let fd: number;
  try {
    fd = openSync(file, "r");
  } catch (error) {
    throw describeFsError("read", file, error);
  }
  const size = fstatSync(fd).size;
  return {
    zip: {
      size,
      read(at, length) {
        const out = Buffer.alloc(Math.max(0, Math.min(length, size - at)));
        let done = 0;
        while (done < out.length) {
          const n = readSync(fd, out, done, out.length - done, at + done);
          if (n === 0) break;
          done += n;
        }
        return new Uint8Array(out.buffer, out.byteOffset, done);
      },
    },
    memberChunks(entry: ZipEntry) {
      // createReadStream reads to the end of the file when asked for nothing.
      if (entry.compressedSize === 0) return noChunks();
      // A file descriptor of its own: a stream destroyed early (a reader that stops) closes it, whatever autoClose says.
      const raw = createReadStream(file, { start: entry.dataStart, end: entry.dataStart + entry.compressedSize - 1, highWaterMark: chunkBytes });
      if (entry.method === 0) return raw;
      const inflater = createInflateRaw({ chunkSize: Math.max(chunkBytes, 64) });
      // Errors reach the reader through the inflater; a reader that stops early destroys both.
      pipeline(raw, inflater, () => {});
      return inflater;
    },
    createSha256() {
      const hash = createHash("sha256");
      return { update: (bytes) => void hash.update(bytes), digest: () => hash.digest("hex") };
    },
    inflate: nodeInflate,
    async close() {
      closeSync(fd);
    },
  };
}

/** Writes `chunks` to `handle`, gathered into blocks; `onWritten` gets the bytes written so far after each block. */
export async function writeChunks(
  handle: FileHandle,
  chunks: AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>,
  onWritten: (bytes: number) => void = () => {},
): Promise<void> {
  const encoder = new TextEncoder();
  let block: Uint8Array[] = [];
  let blockBytes = 0;
  let written = 0;
  // One block is written while the next is made: the disk and the CPU work at once.
  let writing: Promise<unknown> = Promise.resolve();
  const flush = async () => {
    if (blockBytes === 0) return;
    const data = Buffer.concat(block, blockBytes);
    block = [];
    blockBytes = 0;
    await writing;
    writing = handle.write(data).then(() => onWritten((written += data.length)));
    // Awaited before the next write and at the end; until then a failure must not count as unhandled.
    writing.catch(() => {});
  };
  for await (const chunk of chunks) {
    const bytes = typeof chunk === "string" ? encoder.encode(chunk) : chunk;
    block.push(bytes);
    blockBytes += bytes.length;
    if (blockBytes >= WRITE_BLOCK) await flush();
  }
  await flush();
  await writing;
}

async function* noChunks(): AsyncGenerator<Uint8Array, void, undefined> {}

export function createNodeIo(): CliIo {
  const exportParts = workerExportParts();
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
      // Temporaries that a killed run left in this folder go first (tempFiles.ts says when).
      await removeStaleTemps(target);
      const temp = tempFileBeside(target, "tmp");
      let handle: FileHandle;
      try {
        handle = await open(temp, "wx", 0o644);
      } catch (error) {
        throw describeFsError("write", file, error);
      }
      let closed = false;
      try {
        await writeChunks(handle, chunks);
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
    inflate: nodeInflate,
    projectFileLimits: limitsForMemory(totalmem()),
    sha256: (bytes) => createHash("sha256").update(bytes).digest("hex"),
    openProjectFile: async (file) => openNodeProjectFile(file),
    ...(exportParts ? { exportParts } : {}),
    debug: process.env.SPANWISE_DEBUG === "1",
  };
}
