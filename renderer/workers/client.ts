import { exportJsonlParts } from "../store/exportJsonl";
import { projectFileBytes } from "../store/projectFiles";
import type { WorkerReply, WorkerRequest } from "./protocol";

type Pending = { resolve(reply: WorkerReply): void; reject(err: Error): void };

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, Pending>();

/** The project worker, started on first use; null where workers cannot run (then the work runs here). */
function projectWorker(): Worker | null {
  if (worker || typeof Worker === "undefined") return worker;
  try {
    worker = new Worker(new URL("./projectWorker.ts", import.meta.url), { type: "module", name: "spanwise-project" });
  } catch {
    return null;
  }
  worker.onmessage = (event: MessageEvent<WorkerReply>) => {
    const waiting = pending.get(event.data.id);
    pending.delete(event.data.id);
    waiting?.resolve(event.data);
  };
  worker.onerror = (event) => {
    // A worker that fails to load or crashes: fail what waits, and run later work here.
    for (const waiting of pending.values()) waiting.reject(new Error(`the background worker failed: ${event.message}`));
    pending.clear();
    worker?.terminate();
    worker = null;
    disabled = true;
  };
  return worker;
}
let disabled = false;

function ask(request: Omit<WorkerRequest, "id">): Promise<WorkerReply> | null {
  const w = disabled ? null : projectWorker();
  if (!w) return null;
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    w.postMessage({ ...request, id } as WorkerRequest);
  });
}

function unwrap<T extends WorkerReply>(reply: WorkerReply, has: (r: WorkerReply) => r is T): T {
  if (!reply.ok) throw new Error(reply.message);
  if (!has(reply)) throw new Error("the background worker gave an unexpected answer");
  return reply;
}

/**
 * Asks the worker; where there is none, or it failed to load or crashed,
 * does the same work here (slower for the page, but never lost).
 */
async function inWorkerOrHere(request: Omit<WorkerRequest, "id">, here: () => Promise<WorkerReply>): Promise<WorkerReply> {
  const reply = ask(request);
  if (!reply) return here();
  try {
    return await reply;
  } catch {
    return here();
  }
}

/** A project as `.spanwise` bytes, encoded off the UI thread. */
export async function projectFileInBackground(projectId: string): Promise<Uint8Array> {
  const reply = await inWorkerOrHere({ kind: "projectFile", projectId }, async () => ({ id: 0, ok: true, bytes: await projectFileBytes(projectId) }));
  return unwrap(reply, (r): r is Extract<WorkerReply, { bytes: Uint8Array }> => r.ok && "bytes" in r).bytes;
}

/** The JSONL dataset as Blob parts, built off the UI thread. */
export async function exportJsonlInBackground(projectId: string): Promise<{ parts: Blob[]; documents: number }> {
  const reply = await inWorkerOrHere({ kind: "exportJsonl", projectId }, async () => ({ id: 0, ok: true, ...(await exportJsonlParts(projectId)) }));
  return unwrap(reply, (r): r is Extract<WorkerReply, { parts: Blob[] }> => r.ok && "parts" in r);
}
