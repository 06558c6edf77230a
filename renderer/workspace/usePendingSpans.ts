import { useCallback, useEffect, useMemo, useState } from "react";
import type { SpanRecord } from "../../shared/model";
import { layerTag, type Layer } from "../components/Layers";
import { afterNextPaint } from "../nextPaint";
import type { ReaderHandle } from "../reader/Reader";
import type { ReaderSpan } from "../reader/spanDecorations";

interface PendingInput {
  allSpans: readonly SpanRecord[];
  spans: readonly SpanRecord[];
  layers: readonly Layer[];
  hidden: readonly string[];
  setHidden(next: string[]): void;
  reader: React.RefObject<ReaderHandle | null>;
}

/**
 * The spans the reader draws: the visible layers' saved spans, each with its
 * layer when several are shown, plus spans just tagged whose write has not
 * come back from the store yet (drawn as pending).
 */
export function usePendingSpans({ allSpans, spans, layers, hidden, setHidden, reader }: PendingInput) {
  const [pending, setPending] = useState<ReaderSpan[]>([]);
  // Work over all spans happens when the store changes, not on every pending span: a key press
  // only appends to the array the reader already has.
  const savedIds = useMemo(() => new Set(allSpans.map((s) => s.id)), [allSpans]);
  const withLayer = useMemo(() => {
    const visible = layers.filter((l) => !hidden.includes(l.annotator));
    if (visible.length < 2) return null;
    const index = new Map(layers.map((l) => [l.annotator, l.index]));
    return (s: ReaderSpan): ReaderSpan => ({ ...s, layer: { index: index.get(s.annotator) ?? layers.length, tag: layerTag(s.annotator) } });
  }, [layers, hidden]);
  const layeredSpans = useMemo<ReaderSpan[]>(() => (withLayer ? spans.map(withLayer) : [...spans]), [spans, withLayer]);
  const shownSpans = useMemo<ReaderSpan[]>(() => {
    const unsaved = pending.filter((p) => !savedIds.has(p.id));
    if (unsaved.length === 0) return layeredSpans;
    return [...layeredSpans, ...(withLayer ? unsaved.map(withLayer) : unsaved)];
  }, [layeredSpans, pending, savedIds, withLayer]);
  useEffect(() => {
    setPending((p) => (p.some((s) => savedIds.has(s.id)) ? p.filter((s) => !savedIds.has(s.id)) : p));
  }, [savedIds]);

  const showPending = useCallback(
    (span: ReaderSpan) => {
      // Drawn in this key press; the app's own render follows after the frame
      // that shows the span, so the key press stays one short task.
      reader.current?.drawAhead(span);
      void afterNextPaint().then(() => setPending((p) => [...p, span]));
      // A new span must be seen: bring the tagger's layer back if it was hidden.
      if (hidden.includes(span.annotator)) setHidden(hidden.filter((a) => a !== span.annotator));
    },
    [reader, hidden, setHidden],
  );
  const dropPending = useCallback(
    (id: string) => {
      reader.current?.dropAhead(id);
      setPending((p) => p.filter((s) => s.id !== id));
    },
    [reader],
  );
  return { shownSpans, showPending, dropPending };
}
