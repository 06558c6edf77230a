import type { SpanRecord } from "../../shared/model";
import { db } from "../../renderer/store/db";

/** Every span in the store, tombstones included, document by document. */
export async function storedSpans(): Promise<SpanRecord[]> {
  return (await db.spanSets.toArray()).flatMap((set) => set.spans);
}

/** The stored span with this id, wherever it is. */
export async function storedSpan(id: string): Promise<SpanRecord | undefined> {
  return (await storedSpans()).find((s) => s.id === id);
}
