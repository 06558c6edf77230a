/// <reference lib="webworker" />
/**
 * Heavy reads of a whole project, off the UI thread: encoding a project
 * file (for a backup or Save project) and building the JSONL dataset. The
 * worker opens the same IndexedDB database itself and only reads.
 */
import { db } from "../store/db";
import { exportJsonlParts } from "../store/exportJsonl";
import { projectFileBytes } from "../store/projectFiles";
import type { WorkerReply, WorkerRequest } from "./protocol";

declare const self: DedicatedWorkerGlobalScope;

let opened: Promise<unknown> | null = null;

self.onmessage = async (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  try {
    opened ??= db.open();
    await opened;
    if (request.kind === "projectFile") {
      const bytes = await projectFileBytes(request.projectId);
      self.postMessage({ id: request.id, ok: true, bytes } satisfies WorkerReply, [bytes.buffer]);
    } else {
      const result = await exportJsonlParts(request.projectId, request.share);
      self.postMessage({ id: request.id, ok: true, ...result } satisfies WorkerReply);
    }
  } catch (err) {
    self.postMessage({ id: request.id, ok: false, message: err instanceof Error ? err.message : String(err) } satisfies WorkerReply);
  }
};
