import { useCallback, useMemo } from "react";
import type { SpanRecord } from "../../shared/model";
import { layerTag, type Layer } from "../components/Layers";
import type { ReaderHandle } from "../reader/Reader";
import type { ReaderSpan } from "../reader/spanDecorations";
import type { SpanChanges } from "../store/useDocumentSpans";

interface PendingInput {
  allSpans: readonly SpanRecord[];
  spans: readonly SpanRecord[];
  spanChanges: SpanChanges | null;
  layers: readonly Layer[];
  hidden: readonly string[];
  setHidden(next: string[]): void;
  reader: React.RefObject<ReaderHandle | null>;
}

/**
 * The spans the reader draws: the visible layers' saved spans, each with its
 * layer when several are shown. A span just tagged is drawn ahead by the
 * reader itself (as pending) until the store's change brings it saved, so
 * it is kept in one place only. When the list is the store's own (one layer,
 * none hidden), it comes with the store's changes, and the reader updates
 * only the spans that changed.
 */
export function usePendingSpans({ allSpans, spans, spanChanges, layers, hidden, setHidden, reader }: PendingInput) {
  const withLayer = useMemo(() => {
    const visible = layers.filter((l) => !hidden.includes(l.annotator));
    if (visible.length < 2) return null;
    const index = new Map(layers.map((l) => [l.annotator, l.index]));
    return (s: ReaderSpan): ReaderSpan => ({ ...s, layer: { index: index.get(s.annotator) ?? layers.length, tag: layerTag(s.annotator) } });
  }, [layers, hidden]);
  const shownSpans = useMemo<readonly ReaderSpan[]>(() => (withLayer ? spans.map(withLayer) : spans), [spans, withLayer]);
  const shownChanges = shownSpans === allSpans ? spanChanges : null;

  const showPending = useCallback(
    (span: ReaderSpan) => {
      // Drawn in this key press, and kept by the reader until the saved span replaces it.
      reader.current?.drawAhead(span);
      // A new span must be seen: bring the tagger's layer back if it was hidden.
      if (hidden.includes(span.annotator)) setHidden(hidden.filter((a) => a !== span.annotator));
    },
    [reader, hidden, setHidden],
  );
  const dropPending = useCallback((id: string) => reader.current?.dropAhead(id), [reader]);
  return { shownSpans, shownChanges, showPending, dropPending };
}
