import type { SpanRecord } from "../../shared/model";
import { db } from "../../renderer/store/db";

/** Starts a test on an empty store (for `beforeEach`). */
export async function freshStore(): Promise<void> {
  db.close();
  await db.delete();
  await db.open();
}

/** Every span in the store, tombstones included, document by document. */
export async function storedSpans(): Promise<SpanRecord[]> {
  return db.spans.toArray();
}

/** The stored span with this id, wherever it is. */
export async function storedSpan(id: string): Promise<SpanRecord | undefined> {
  return (await storedSpans()).find((s) => s.id === id);
}
