/**
 * The main thread's side of exporting in two parts: a worker thread
 * (exportWorker.ts) streams the later documents into a part file beside the
 * output, which the main thread copies after its own.
 */
import { createReadStream, existsSync } from "node:fs";
import { open, unlink, type FileHandle } from "node:fs/promises";
import { Worker } from "node:worker_threads";
import type { ExportPartMessage, ExportPartRequest, ExportPartResult, ExportPartRun, ExportParts } from "./exportPartProtocol";
import { tempFileBeside } from "./tempFiles";

/** The worker's bundle, next to the CLI's; missing when running from sources (tests), where exports use one thread. */
const WORKER_URL = new URL("./exportWorker.mjs", import.meta.url);

/**
 * About 150,000 spans: at 100,000 two threads were no faster than one.
 * SPANWISE_PARTS_MIN_BYTES overrides it (tests use two threads on small files).
 */
const MIN_BYTES = 48 * 1024 * 1024;

/** Parts in a worker thread, where the worker's bundle is there. */
export function workerExportParts(): ExportParts | undefined {
  if (!existsSync(WORKER_URL)) return undefined;
  const override = Number(process.env.SPANWISE_PARTS_MIN_BYTES);
  return {
    minBytes: process.env.SPANWISE_PARTS_MIN_BYTES && Number.isFinite(override) ? override : MIN_BYTES,
    start(file, from, annotator, output, onProgress) {
      const partFile = partFileBeside(output);
      const request: ExportPartRequest = { path: file, from, annotator, partFile };
      const worker = new Worker(WORKER_URL, { workerData: request });
      let written = 0;
      // Resolved (and replaced) whenever the worker has written more.
      let moved = signal();
      const result = new Promise<ExportPartResult>((resolve, reject) => {
        worker.on("message", (message: ExportPartMessage) => {
          if (message.type === "progress") onProgress(message.done);
          else if (message.type === "written") {
            written = message.bytes;
            moved.resolve();
            moved = signal();
          } else if (message.type === "done") resolve(message.result);
          else reject(new Error(message.reason));
        });
        worker.on("error", reject);
        worker.on("exit", () => reject(new Error("the export worker stopped")));
      });
      const run = partRun(result, partFile, () => worker.terminate());
      return {
        ...run,
        // Copied while the worker still writes, so that little is left to copy when it ends.
        async *chunks() {
          let at = 0;
          let handle: FileHandle | undefined;
          try {
            for (;;) {
              // The part's size once it has ended (or its failure); else more written, or at once if some is not copied yet.
              const settled = await Promise.race([result.then((r) => r.bytes), written > at ? undefined : moved.promise.then(() => undefined)]);
              const end = settled ?? written;
              if (end > at) {
                handle ??= await open(partFile, "r");
                for (; at < end; ) {
                  const { bytesRead, buffer } = await handle.read(Buffer.allocUnsafe(Math.min(COPY_BLOCK, end - at)), 0, Math.min(COPY_BLOCK, end - at), at);
                  if (bytesRead === 0) throw new Error("the export part is shorter than written");
                  at += bytesRead;
                  yield buffer.subarray(0, bytesRead);
                }
              }
              if (settled !== undefined) return;
            }
          } finally {
            await handle?.close();
          }
        },
      };
    },
  };
}

/** The part file is copied this much at a time. */
const COPY_BLOCK = 1024 * 1024;

function signal(): { promise: Promise<void>; resolve: () => void } {
  let resolve = () => {};
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

/** A temporary name for a part beside `output` (same folder: the temporary output is there too). */
export function partFileBeside(output: string): string {
  return tempFileBeside(output, "part.tmp");
}

/** The run of a part writing `partFile`, copied once it has ended; `stop` ends it early. */
export function partRun(result: Promise<ExportPartResult>, partFile: string, stop: () => Promise<unknown>): ExportPartRun {
  // Awaited by the caller when its own part is done; until then a failure must not count as unhandled.
  result.catch(() => {});
  return {
    result,
    async *chunks() {
      await result;
      yield* createReadStream(partFile, { highWaterMark: COPY_BLOCK });
    },
    async dispose() {
      await stop();
      await unlink(partFile).catch(() => {});
    },
  };
}
