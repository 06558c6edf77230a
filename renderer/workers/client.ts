import { exportJsonlParts } from "../store/exportJsonl";
import type { BackupSummary } from "../../shared/backupSummary";
import { projectFileWithSummary } from "../store/projectFiles";
import type { WorkerJob, WorkerReply, WorkerRequest } from "./protocol";

type Pending = { resolve(reply: WorkerReply): void; reject(err: Error): void };

/** Which worker a request goes to: one per kind of job, and one per share of an export. */
type Kind = string;
const kindOf = (request: WorkerJob): Kind => (request.kind === "exportJsonl" ? `${request.kind}:${request.share.index}` : request.kind);

/**
 * One worker per kind of job, so that an export asked for while an automatic
 * backup of a big project is being encoded (20 s and more for 1,000,000
 * spans) starts at once instead of waiting behind it. A worker lives while
 * it has work: a big job leaves gigabytes of heap that an idle worker would
 * keep, and starting one again takes a few tens of milliseconds.
 */
const workers = new Map<Kind, Worker>();
let nextId = 1;
const pending = new Map<number, Pending & { kind: Kind }>();
let disabled = false;

/** The worker for `kind`, started on first use; null where workers cannot run (then the work runs here). */
function projectWorker(kind: Kind): Worker | null {
  const running = workers.get(kind);
  if (running || typeof Worker === "undefined") return running ?? null;
  let worker: Worker;
  try {
    worker = new Worker(new URL("./projectWorker.ts", import.meta.url), { type: "module", name: `spanwise-${kind}` });
  } catch {
    return null;
  }
  workers.set(kind, worker);
  worker.onmessage = (event: MessageEvent<WorkerReply>) => {
    const waiting = pending.get(event.data.id);
    pending.delete(event.data.id);
    if (![...pending.values()].some((p) => p.kind === kind)) {
      worker.terminate();
      workers.delete(kind);
    }
    waiting?.resolve(event.data);
  };
  worker.onerror = (event) => {
    // A worker that fails to load or crashes: fail what waits on it, and run later work here.
    for (const [id, waiting] of pending) {
      if (waiting.kind !== kind) continue;
      pending.delete(id);
      waiting.reject(new Error(`the background worker failed: ${event.message}`));
    }
    worker.terminate();
    workers.delete(kind);
    disabled = true;
  };
  return worker;
}

function ask(request: WorkerJob): Promise<WorkerReply> | null {
  const kind = kindOf(request);
  const w = disabled ? null : projectWorker(kind);
  if (!w) return null;
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject, kind });
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
async function inWorkerOrHere(request: WorkerJob, here: () => Promise<WorkerReply>): Promise<WorkerReply> {
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
  return (await projectFileWithSummaryInBackground(projectId)).bytes;
}

/** A project as `.spanwise` bytes with a summary of what they hold (for a backup), encoded off the UI thread. */
export async function projectFileWithSummaryInBackground(projectId: string): Promise<{ bytes: Uint8Array; summary: BackupSummary }> {
  const reply = await inWorkerOrHere({ kind: "projectFile", projectId }, async () => ({ id: 0, ok: true, ...(await projectFileWithSummary(projectId)) }));
  const { bytes, summary } = unwrap(reply, (r): r is Extract<WorkerReply, { bytes: Uint8Array }> => r.ok && "bytes" in r);
  return { bytes, summary };
}

/**
 * Workers an export is split over. Building the lines (not reading the
 * store) is most of an export's work, so two workers finish about twice as
 * fast where there are cores for them; more would only compete with the
 * browser's own reading of the store.
 */
const EXPORT_WORKERS = 2;

/** The JSONL dataset as Blob parts, built off the UI thread: each worker builds a share of the documents, and the parts are joined in order. */
export async function exportJsonlInBackground(projectId: string): Promise<{ parts: Blob[]; documents: number }> {
  const count = typeof navigator !== "undefined" && navigator.hardwareConcurrency < 2 ? 1 : EXPORT_WORKERS;
  const shares = await Promise.all(
    Array.from({ length: count }, async (_, index) => {
      const share = { index, count };
      const reply = await inWorkerOrHere({ kind: "exportJsonl", projectId, share }, async () => ({ id: 0, ok: true, ...(await exportJsonlParts(projectId, share)) }));
      return unwrap(reply, (r): r is Extract<WorkerReply, { parts: Blob[] }> => r.ok && "parts" in r);
    }),
  );
  return { parts: shares.flatMap((s) => s.parts), documents: shares.reduce((n, s) => n + s.documents, 0) };
}
