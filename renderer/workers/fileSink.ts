/// <reference lib="webworker" />
/**
 * An export's lines written to a file in the origin's private file storage
 * as they are made (a worker's synchronous access handle), so memory holds a
 * buffer, not the dataset: the file handed back is backed by the disk, and
 * saving it (a download, or the desktop's save) reads it from there.
 */
import type { LineSink } from "../store/exportJsonl";

const DIRECTORY = "spanwise-exports";
/** Lines are encoded into a buffer of this size, written when full. */
const BUFFER_BYTES = 4 * 1024 * 1024;
/** Export files older than this are removed when an export starts (a download of one may still be reading it until then). */
const KEEP_MS = 60 * 60 * 1000;

/** Where a file sink can be made: in a worker, with the private file storage's synchronous access. */
export function fileSinksAvailable(): boolean {
  return typeof navigator !== "undefined" && typeof navigator.storage?.getDirectory === "function" && typeof FileSystemFileHandle !== "undefined" && "createSyncAccessHandle" in FileSystemFileHandle.prototype;
}

/** Names are `<time>-<random>.jsonl`; the time says when a file may go. */
async function removeOldExports(dir: FileSystemDirectoryHandle, now: number): Promise<void> {
  const old: string[] = [];
  for await (const name of (dir as unknown as { keys(): AsyncIterable<string> }).keys()) {
    const made = Number(/^(\d+)-/.exec(name)?.[1]);
    if (Number.isFinite(made) && now - made > KEEP_MS) old.push(name);
  }
  for (const name of old) await dir.removeEntry(name).catch(() => undefined);
}

/** A sink writing to a new file in the private file storage; `end` closes it and gives it as the one part. */
export async function fileSink(now = Date.now()): Promise<LineSink> {
  const dir = await (await navigator.storage.getDirectory()).getDirectoryHandle(DIRECTORY, { create: true });
  await removeOldExports(dir, now);
  const file = await dir.getFileHandle(`${now}-${crypto.randomUUID().slice(0, 8)}.jsonl`, { create: true });
  // Another tab's export can hold the new name only if it drew the same random part; then this fails and the caller keeps lines in memory.
  const handle = await file.createSyncAccessHandle();
  const encoder = new TextEncoder();
  let buffer = new Uint8Array(BUFFER_BYTES);
  let used = 0;
  let at = 0;
  const flush = () => {
    let done = 0;
    while (done < used) done += handle.write(buffer.subarray(done, used), { at: at + done });
    at += used;
    used = 0;
  };
  const name = file.name;
  return {
    write(line) {
      // At most 3 bytes of UTF-8 per UTF-16 code unit.
      if (used + line.length * 3 > buffer.length) flush();
      if (line.length * 3 > buffer.length) buffer = new Uint8Array(line.length * 3);
      used += encoder.encodeInto(line, buffer.subarray(used)).written;
    },
    async end() {
      try {
        flush();
        handle.flush();
      } finally {
        handle.close();
      }
      return [await file.getFile()];
    },
    async abort() {
      handle.close();
      await dir.removeEntry(name);
    },
  };
}
