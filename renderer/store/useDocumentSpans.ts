import { useEffect, useMemo, useState } from "react";
import { liveSpans, type SpanRecord } from "../../shared/model";
import { onStoreChanges } from "./changes";
import { LiveSpanList, type SpanChanges } from "./liveSpanList";
import { documentSpans } from "./spans";
import { annotatorCounts } from "./annotatorCounts";

export type { SpanChanges } from "./liveSpanList";

export interface DocumentSpans {
  docId: string | null;
  /** The live spans in reading order; undefined while the first read runs. */
  spans: SpanRecord[] | undefined;
  /** How `spans` differs from the list before it, when it came from a change (null after a full read). */
  changes: SpanChanges | null;
  /** Live spans per annotator. */
  annotators: ReadonlyMap<string, number>;
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
    return { docId: initial.docId, spans: live, changes: null, annotators: annotatorCounts(live) };
  }, [initial]);

  useEffect(() => {
    if (!docId) {
      setState(EMPTY);
      return;
    }
    let cancelled = false;
    let loading = true;
    const buffered: SpanRecord[] = [];
    let list = new LiveSpanList([]);

    const apply = (records: readonly SpanRecord[]) => {
      const changes = list.apply(records);
      if (changes) setState({ docId, spans: list.live as SpanRecord[], changes, annotators: new Map(list.annotators) });
    };

    const readAll = () => {
      loading = true;
      void documentSpans(docId).then((all) => {
        if (cancelled) return;
        list = new LiveSpanList(all);
        loading = false;
        setState({ docId, spans: list.live as SpanRecord[], changes: null, annotators: new Map(list.annotators) });
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
