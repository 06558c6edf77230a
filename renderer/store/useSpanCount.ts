import Dexie from "dexie";
import { useLiveQuery } from "dexie-react-hooks";
import { db } from "./db";

/**
 * How many live (not deleted) spans a document has, for its row in the
 * document list. Only rows in view ask, each over its own document's range
 * of the `[docId+start]` index, so a list of 100,000 documents reads a few
 * dozen documents' spans, and a tag re-counts only its own document's row
 * (a live query wakes for writes in the key range it read). Undefined until
 * the first count answers.
 */
export function useSpanCount(docId: string): number | undefined {
  return useLiveQuery(
    () =>
      db.spans
        .where("[docId+start]")
        .between([docId, Dexie.minKey], [docId, Dexie.maxKey])
        .filter((span) => !span.deleted)
        .count(),
    [docId],
  );
}
