/**
 * The temporary files an export or merge writes beside its output (the
 * output itself until it is renamed into place, the second thread's part).
 *
 * A process killed while writing (SIGKILL, a power cut) cannot remove its
 * own: Node has no file that vanishes with its process (Linux's O_TMPFILE is
 * not reachable from Node). So each temporary names the process that made it,
 * and every later write to that folder removes the temporaries of processes
 * that no longer run, once they have not been written to for a while.
 */
import { randomUUID } from "node:crypto";
import { readdir, stat, unlink } from "node:fs/promises";
import path from "node:path";

/** What a temporary is for: the output being written, or the part another thread writes. */
export type TempKind = "tmp" | "part.tmp";

/**
 * A temporary left alone this long is a candidate for removal. A live writer
 * touches its file every block it writes; waiting for the other thread takes
 * minutes at most, so an hour is far past any pause of a running export.
 */
export const STALE_AFTER_MS = 60 * 60 * 1000;

/** `.out.jsonl.spanwise-4242-1a2b3c4d.tmp`: hidden, beside its output, naming its process. */
const TEMP_NAME = /^\..+\.spanwise-(\d+)-[0-9a-f]{8}\.(?:part\.)?tmp$/;

/** A new temporary's path beside `output` (the same folder, so the final rename cannot cross file systems). */
export function tempFileBeside(output: string, kind: TempKind): string {
  const target = path.resolve(output);
  return path.join(path.dirname(target), `.${path.basename(target)}.spanwise-${process.pid}-${randomUUID().slice(0, 8)}.${kind}`);
}

/** Whether a process with this id runs on this machine (one of another user counts). */
export function processRuns(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === "EPERM";
  }
}

/**
 * Removes the temporaries in the folder of `output` left by processes that no
 * longer run and untouched for {@link STALE_AFTER_MS}; returns their names.
 * Never throws: a folder it cannot list or a file it cannot remove is left.
 */
export async function removeStaleTemps(output: string, now = Date.now(), runs: (pid: number) => boolean = processRuns): Promise<string[]> {
  const folder = path.dirname(path.resolve(output));
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const match = TEMP_NAME.exec(name);
    if (!match) continue;
    const pid = Number(match[1]);
    if (pid === process.pid || runs(pid)) continue;
    const file = path.join(folder, name);
    try {
      if (now - (await stat(file)).mtimeMs < STALE_AFTER_MS) continue;
      await unlink(file);
      removed.push(name);
    } catch {
      // Gone already (another run cleaned it) or not ours to remove: leave it.
    }
  }
  return removed;
}
