/**
 * The worker thread of a big `spanwise export -o` (bundled as
 * dist-cli/exportWorker.mjs, started by exportThreads.ts): runs one part
 * (exportPart.ts) and posts its progress and result.
 */
import { parentPort, workerData } from "node:worker_threads";
import { runExportPart } from "./exportPart";
import type { ExportPartMessage, ExportPartRequest } from "./exportPartProtocol";

const post = (message: ExportPartMessage, transfer: ArrayBuffer[] = []) => parentPort!.postMessage(message, transfer);

try {
  const result = await runExportPart(
    workerData as ExportPartRequest,
    (done) => post({ type: "progress", done }),
    undefined,
    (bytes) => post({ type: "written", bytes }),
  );
  const { low, high } = result.summary.spanIds;
  post({ type: "done", result }, [low.buffer as ArrayBuffer, high.buffer as ArrayBuffer]);
} catch (error) {
  post({ type: "failed", reason: error instanceof Error ? error.message : String(error) });
}
