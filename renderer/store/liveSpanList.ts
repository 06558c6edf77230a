import { compareSpans, liveSpans, type SpanRecord } from "../../shared/model";

/** What changed from one list of a document's live spans to the next. */
export interface SpanChanges {
  /** The list these changes apply to (by identity). */
  from: readonly SpanRecord[];
  /** Spans new or changed, as they are now (live). */
  put: readonly SpanRecord[];
  /** Ids of spans no longer live (removed: tombstones). */
  remove: readonly string[];
}

/** Where `span` goes in `list` (reading order), by binary search. */
function positionOf(list: readonly SpanRecord[], span: SpanRecord): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compareSpans(list[mid]!, span) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * A document's spans as a window knows them: every stored version by id
 * (tombstones too), the live ones in reading order, and how many live
 * spans each annotator has. Changed records are applied one by one (a
 * binary search and an insert each, plus one copy of the list per change
 * for React's immutable state), never by reading all spans again.
 */
export class LiveSpanList {
  private readonly stored = new Map<string, SpanRecord>();
  /** The live spans in reading order; a new array after every change that changes it. */
  live: readonly SpanRecord[];
  readonly annotators = new Map<string, number>();

  constructor(all: readonly SpanRecord[]) {
    for (const s of all) this.stored.set(s.id, s);
    this.live = liveSpans(all);
    for (const s of this.live) this.count(s.annotator, 1);
  }

  private count(annotator: string, by: number): void {
    const n = (this.annotators.get(annotator) ?? 0) + by;
    if (n > 0) this.annotators.set(annotator, n);
    else this.annotators.delete(annotator);
  }

  /**
   * Takes in new versions of records; returns how the live list changed, or
   * null when it did not. A version not newer (by `rev`) than the one known
   * changes nothing, so an announcement that crossed a read is harmless.
   */
  apply(records: readonly SpanRecord[]): SpanChanges | null {
    const from = this.live;
    const next = [...from];
    // Per id, the outcome of the whole batch (an id may come twice in one).
    const put = new Map<string, SpanRecord>();
    const liveBefore = new Map<string, boolean>();
    for (const record of records) {
      const old = this.stored.get(record.id);
      if (old && (old.rev ?? 0) >= (record.rev ?? 0)) continue;
      if (!liveBefore.has(record.id)) liveBefore.set(record.id, !!old && !old.deleted);
      this.stored.set(record.id, record);
      if (old && !old.deleted) {
        const at = positionOf(next, old);
        if (next[at]?.id === old.id) next.splice(at, 1);
        this.count(old.annotator, -1);
      }
      put.delete(record.id);
      if (record.deleted) continue;
      next.splice(positionOf(next, record), 0, record);
      this.count(record.annotator, 1);
      put.set(record.id, record);
    }
    const remove = [...liveBefore].filter(([id, was]) => was && !put.has(id)).map(([id]) => id);
    if (put.size === 0 && remove.length === 0) return null;
    this.live = next;
    return { from, put: [...put.values()], remove };
  }
}
