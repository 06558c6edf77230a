/// <reference lib="webworker" />
/**
 * Heavy reads of a whole project, off the UI thread: encoding a project
 * file (for a backup or Save project) and building the JSONL dataset. The
 * worker opens the same IndexedDB database itself and only reads.
 */
import { db } from "../store/db";
import { blobSink, exportJsonlParts } from "../store/exportJsonl";
import { fileSink, fileSinksAvailable } from "./fileSink";
import { projectFileWithSummary } from "../store/projectFiles";
import type { WorkerReply, WorkerRequest } from "./protocol";

declare const self: DedicatedWorkerGlobalScope;

let opened: Promise<unknown> | null = null;

self.onmessage = async (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  try {
    opened ??= db.open();
    await opened;
    if (request.kind === "projectFile") {
      const { bytes, summary } = await projectFileWithSummary(request.projectId);
      self.postMessage({ id: request.id, ok: true, bytes, summary } satisfies WorkerReply, [bytes.buffer]);
    } else {
      // Into a file on disk where the private file storage allows, so memory does not grow with the dataset.
      const sink = fileSinksAvailable() ? await fileSink().catch(() => blobSink()) : blobSink();
      const result = await exportJsonlParts(request.projectId, request.share, sink);
      self.postMessage({ id: request.id, ok: true, ...result } satisfies WorkerReply);
    }
  } catch (err) {
    self.postMessage({ id: request.id, ok: false, message: err instanceof Error ? err.message : String(err) } satisfies WorkerReply);
  }
};
