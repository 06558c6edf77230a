import Dexie from "dexie";
import type { ActorRecord, LinkRecord } from "../../shared/coding/model";
import type { SpanRecord } from "../../shared/model";

/**
 * What a committed transaction changed: the span, link and actor records it
 * wrote (as written, with their new `rev`) and the projects it removed.
 * Delivered to this window's listeners and, over a BroadcastChannel, to the
 * other windows of the same store, only after the transaction committed:
 * an aborted write announces nothing.
 */
export interface StoreChanges {
  spans: SpanRecord[];
  links: LinkRecord[];
  actors: ActorRecord[];
  removedProjects: string[];
  /** True when this window made the change. */
  local: boolean;
}

type Pending = Omit<StoreChanges, "local">;

const CHANNEL = "spanwise-store-changes";
const listeners = new Set<(changes: StoreChanges) => void>();
const pendingByTransaction = new WeakMap<object, Pending>();
let channel: BroadcastChannel | null = null;

function openChannel(): BroadcastChannel | null {
  if (channel || typeof BroadcastChannel === "undefined") return channel;
  channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (event: MessageEvent<Pending>) => deliver({ ...event.data, local: false });
  return channel;
}

function deliver(changes: StoreChanges): void {
  for (const listener of listeners) listener(changes);
}

/** Listens to every committed change, from this window and the others. */
export function onStoreChanges(listener: (changes: StoreChanges) => void): () => void {
  openChannel();
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The current transaction's list of changes, announced when it commits. */
function pending(): Pending | null {
  const idb = (Dexie.currentTransaction as unknown as { idbtrans?: IDBTransaction } | null)?.idbtrans;
  if (!idb) return null;
  let found = pendingByTransaction.get(idb);
  if (!found) {
    const changes: Pending = { spans: [], links: [], actors: [], removedProjects: [] };
    found = changes;
    pendingByTransaction.set(idb, changes);
    idb.addEventListener("complete", () => {
      deliver({ ...changes, local: true });
      try {
        openChannel()?.postMessage(changes);
      } catch {
        // Records another window cannot be sent (none today): it still sees them through its live queries.
      }
    });
  }
  return found;
}

export function announceSpans(spans: readonly SpanRecord[]): void {
  pending()?.spans.push(...spans);
}

export function announceLinks(links: readonly LinkRecord[]): void {
  pending()?.links.push(...links);
}

export function announceActors(actors: readonly ActorRecord[]): void {
  pending()?.actors.push(...actors);
}

export function announceRemovedProject(projectId: string): void {
  pending()?.removedProjects.push(projectId);
}
