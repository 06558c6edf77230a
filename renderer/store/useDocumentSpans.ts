import { useEffect, useMemo, useState } from "react";
import { compareSpans, liveSpans, type SpanRecord } from "../../shared/model";
import { onStoreChanges } from "./changes";
import { documentSpans } from "./spans";

/** What changed from one list of a document's live spans to the next. */
export interface SpanChanges {
  /** The list these changes apply to (by identity). */
  from: readonly SpanRecord[];
  /** Spans new or changed, as they are now (live). */
  put: readonly SpanRecord[];
  /** Ids of spans no longer live (removed: tombstones). */
  remove: readonly string[];
}

export interface DocumentSpans {
  docId: string | null;
  /** The live spans in reading order; undefined while the first read runs. */
  spans: SpanRecord[] | undefined;
  /** How `spans` differs from the list before it, when it came from a change (null after a full read). */
  changes: SpanChanges | null;
  /** Live spans per annotator. */
  annotators: ReadonlyMap<string, number>;
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

const EMPTY: DocumentSpans = { docId: null, spans: [], changes: null, annotators: new Map() };

/**
 * A document's live spans, read once when it opens and then kept up to
 * date by the records that change (store/changes.ts: this window's commits
 * and, over a BroadcastChannel, the other windows'), never by reading all
 * spans again: a change costs a search and an insert, whatever the
 * document's size. Each new list comes with its {@link SpanChanges}, so the
 * reader's decorations are updated per changed record too.
 */
export function useDocumentSpans(docId: string | null, initial?: { docId: string; spans: readonly SpanRecord[] } | null): DocumentSpans {
  const [state, setState] = useState<DocumentSpans>(EMPTY);
  // Spans read before React mounted (startup.ts), all of them, tombstones too: shown until the first read answers.
  const first = useMemo((): DocumentSpans | null => {
    if (!initial) return null;
    const live = liveSpans(initial.spans);
    const annotators = new Map<string, number>();
    for (const s of live) annotators.set(s.annotator, (annotators.get(s.annotator) ?? 0) + 1);
    return { docId: initial.docId, spans: live, changes: null, annotators };
  }, [initial]);

  useEffect(() => {
    if (!docId) {
      setState(EMPTY);
      return;
    }
    let cancelled = false;
    let loading = true;
    const buffered: SpanRecord[] = [];
    const stored = new Map<string, SpanRecord>();
    let live: SpanRecord[] = [];
    const annotators = new Map<string, number>();
    const count = (annotator: string, by: number) => {
      const n = (annotators.get(annotator) ?? 0) + by;
      if (n > 0) annotators.set(annotator, n);
      else annotators.delete(annotator);
    };

    const apply = (records: readonly SpanRecord[]) => {
      const from = live;
      const next = [...live];
      const put: SpanRecord[] = [];
      const remove: string[] = [];
      for (const record of records) {
        const old = stored.get(record.id);
        // An announcement older than what was read (or heard) already changes nothing.
        if (old && (old.rev ?? 0) >= (record.rev ?? 0)) continue;
        stored.set(record.id, record);
        if (old && !old.deleted) {
          const at = positionOf(next, old);
          if (next[at]?.id === old.id) next.splice(at, 1);
          count(old.annotator, -1);
        }
        if (record.deleted) {
          if (old && !old.deleted) remove.push(record.id);
        } else {
          next.splice(positionOf(next, record), 0, record);
          count(record.annotator, 1);
          put.push(record);
        }
      }
      if (put.length === 0 && remove.length === 0) return;
      live = next;
      setState({ docId, spans: next, changes: { from, put, remove }, annotators: new Map(annotators) });
    };

    const readAll = () => {
      loading = true;
      void documentSpans(docId).then((all) => {
        if (cancelled) return;
        stored.clear();
        annotators.clear();
        for (const s of all) stored.set(s.id, s);
        live = liveSpans(all);
        for (const s of live) count(s.annotator, 1);
        loading = false;
        setState({ docId, spans: live, changes: null, annotators: new Map(annotators) });
        if (buffered.length) apply(buffered.splice(0));
      });
    };

    const stop = onStoreChanges((changes) => {
      // A project removed or replaced whole (a restored backup) may take spans away without tombstones: read again.
      if (changes.removedProjects.length) return readAll();
      const own = changes.spans.filter((s) => s.docId === docId);
      if (own.length === 0) return;
      if (loading) buffered.push(...own);
      else apply(own);
    });
    readAll();
    return () => {
      cancelled = true;
      stop();
    };
  }, [docId]);

  if (state.docId === docId) return state;
  return first && first.docId === docId ? first : { ...EMPTY, docId, spans: undefined };
}
