/**
 * The main thread's side of exporting in two parts: a worker thread
 * (exportWorker.ts) streams the later documents into a part file beside the
 * output, which the main thread copies after its own.
 */
import { randomUUID } from "node:crypto";
import { createReadStream, existsSync } from "node:fs";
import { unlink } from "node:fs/promises";
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { ExportPartRequest, ExportPartResult } from "./exportPart";

export type ExportPartMessage = { type: "progress"; done: number } | { type: "done"; result: ExportPartResult } | { type: "failed"; reason: string };

/** A part being exported in another thread. */
export interface ExportPartRun {
  /** The part's result; rejects when it could not be streamed. */
  result: Promise<ExportPartResult>;
  /** The part's lines (once `result` has resolved). */
  chunks(): AsyncIterable<Uint8Array>;
  /** Stops the part (if it still runs) and deletes its file. */
  dispose(): Promise<void>;
}

/** How a command has a part exported elsewhere. */
export interface ExportParts {
  /**
   * Files whose documents and spans unpack to fewer bytes are exported in one
   * part: a thread costs more than it saves on them.
   */
  minBytes: number;
  /** Starts exporting the documents of `file` from `from` on, beside `output`; `onProgress` gets how many are done. */
  start(file: string, from: number, annotator: string | undefined, output: string, onProgress: (done: number) => void): ExportPartRun;
}

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
      const result = new Promise<ExportPartResult>((resolve, reject) => {
        worker.on("message", (message: ExportPartMessage) => {
          if (message.type === "progress") onProgress(message.done);
          else if (message.type === "done") resolve(message.result);
          else reject(new Error(message.reason));
        });
        worker.on("error", reject);
        worker.on("exit", () => reject(new Error("the export worker stopped")));
      });
      return partRun(result, partFile, () => worker.terminate());
    },
  };
}

/** A temporary name for a part beside `output` (same folder: the temporary output is there too). */
export function partFileBeside(output: string): string {
  const target = path.resolve(output);
  return path.join(path.dirname(target), `.${path.basename(target)}.${randomUUID().slice(0, 8)}.part.tmp`);
}

/** The run of a part writing `partFile`; `stop` ends it early. */
export function partRun(result: Promise<ExportPartResult>, partFile: string, stop: () => Promise<unknown>): ExportPartRun {
  // Awaited by the caller when its own part is done; until then a failure must not count as unhandled.
  result.catch(() => {});
  return {
    result,
    chunks: () => createReadStream(partFile, { highWaterMark: 1024 * 1024 }),
    async dispose() {
      await stop();
      await unlink(partFile).catch(() => {});
    },
  };
}
