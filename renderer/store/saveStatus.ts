/**
 * Whether every change the user made has been committed. The UI shows
 * "Saved" only when no write is in flight and the last one succeeded.
 */
export type SaveState = { kind: "saved" } | { kind: "saving" } | { kind: "failed"; message: string };

let inFlight = 0;
let started = 0;
/** The number of the last write that failed; only a write started after it can clear it. */
let failedWrite = 0;
let failure: SaveState | null = null;
let state: SaveState = { kind: "saved" };
const listeners = new Set<() => void>();

function set(next: SaveState): void {
  state = next;
  for (const l of listeners) l();
}

export const saveStatus = {
  get: (): SaveState => state,
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  /**
   * Runs a write and tracks it; rethrows its error after recording it. A
   * failure stays shown until a write started after it succeeds: one that
   * was already in flight says nothing about the change that failed.
   */
  async track<T>(write: () => Promise<T>): Promise<T> {
    const number = ++started;
    inFlight++;
    set(failure ?? { kind: "saving" });
    try {
      const result = await write();
      inFlight--;
      if (failure && number > failedWrite) failure = null;
      set(failure ?? (inFlight > 0 ? { kind: "saving" } : { kind: "saved" }));
      return result;
    } catch (err) {
      inFlight--;
      // A refused change (it would overwrite newer work) wrote nothing and broke nothing: the
      // store is as saved as before, and the user is told why by whoever started the write.
      if (err instanceof Error && err.name === "RefusedChange") {
        set(failure ?? (inFlight > 0 ? { kind: "saving" } : { kind: "saved" }));
        throw err;
      }
      // A write that waited (and so started earlier) may fail after one started later.
      failedWrite = Math.max(failedWrite, number);
      failure = { kind: "failed", message: describeStoreError(err) };
      set(failure);
      throw err;
    }
  },
};

/** A sentence for a failed write, with what the user can do about it. */
export function describeStoreError(err: unknown): string {
  const name = err instanceof Error ? err.name : "";
  // Already a sentence for the user (renderer/store/writes.ts).
  if (name === "RefusedChange") return (err as Error).message;
  const inner = (err as { inner?: { name?: string } } | null)?.inner?.name ?? "";
  if (name === "QuotaExceededError" || inner === "QuotaExceededError") {
    return "The change was not saved: the browser's storage for Spanwise is full. Free disk space or export and delete a project, then try again.";
  }
  const message = err instanceof Error ? err.message : String(err);
  return `The change was not saved: ${message}`;
}
