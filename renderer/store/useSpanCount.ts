import { useLiveQuery } from "dexie-react-hooks";
import { liveSpanCount } from "./spans";

/**
 * How many live (not deleted) spans a document has, for its row in the
 * document list. Only rows in view ask, each for its own document (its pack
 * and the spans written since: store/spans.ts liveSpanCount), so a list of
 * 100,000 documents reads a few dozen small records, and a tag re-counts
 * only its own document's row (a live query wakes for writes in the key
 * ranges it read). Undefined until the first count answers.
 */
export function useSpanCount(docId: string): number | undefined {
  return useLiveQuery(() => liveSpanCount(docId), [docId]);
}
