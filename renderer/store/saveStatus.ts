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

/** Where Spanwise keeps its data, for messages that send the user there (README, "Where your work is kept"). */
export const DATA_LOCATION =
  "Your saved work is in this browser's storage for Spanwise (the desktop app keeps it in its data folder: ~/.config/Spanwise on Linux, ~/Library/Application Support/Spanwise on macOS, %APPDATA%\\Spanwise on Windows).";

/**
 * Whether a failed write ran out of room. Chromium says so in several ways:
 * QuotaExceededError (the origin's quota), or, when the disk itself is full,
 * a DataError or UnknownError "Failed to write blobs (IOError)" or an
 * "IO error" from its LevelDB backing store; Dexie wraps them in `inner`.
 */
function isOutOfSpace(err: unknown): boolean {
  const errors = [err, (err as { inner?: unknown } | null)?.inner].filter((e): e is { name?: unknown; message?: unknown } => typeof e === "object" && e !== null);
  return errors.some((e) => {
    const name = typeof e.name === "string" ? e.name : "";
    const message = typeof e.message === "string" ? e.message : "";
    return name === "QuotaExceededError" || /failed to write blobs|\bIOError\b|\bIO error\b|no space left|disk is full/i.test(message);
  });
}

/** A sentence for a failed write, with what the user can do about it. */
export function describeStoreError(err: unknown): string {
  const name = err instanceof Error ? err.name : "";
  // Already a sentence for the user (renderer/store/writes.ts).
  if (name === "RefusedChange") return (err as Error).message;
  if (isOutOfSpace(err)) {
    return (
      "The change was not saved: the disk (or the browser's storage for Spanwise) is full. " +
      "Nothing changed since the last “All changes saved” has been saved. " +
      `Free some disk space, then make the change again. ${DATA_LOCATION}`
    );
  }
  const message = err instanceof Error ? err.message : String(err);
  return `The change was not saved: ${message}`;
}
