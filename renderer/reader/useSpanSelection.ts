import { useCallback, useEffect, useRef, useState } from "react";
import type { SpanRecord } from "../../shared/model";

/**
 * The selected span of the reader. It remembers when the span was selected
 * (a label key acts on whichever is newer: it or a text selection, see
 * labelTarget), and holds a span just tagged until the store delivers it,
 * so Delete, a label key or the details panel act on it at once.
 */
export function useSpanSelection(spans: readonly SpanRecord[]) {
  const [selectedSpanId, setSelectedSpanId] = useState<string | null>(null);
  const [fresh, setFresh] = useState<SpanRecord | null>(null);
  const selectedAt = useRef(0);

  const selectSpan = useCallback((id: string | null, record?: SpanRecord) => {
    selectedAt.current = performance.now();
    setSelectedSpanId(id);
    setFresh(record && record.id === id ? record : null);
  }, []);

  const stored = selectedSpanId === null ? undefined : spans.find((s) => s.id === selectedSpanId);
  // Once the store has it, the stored record is the one to show and change.
  useEffect(() => {
    if (stored && fresh) setFresh(null);
  }, [stored, fresh]);
  const selectedSpan = stored ?? (fresh && fresh.id === selectedSpanId ? fresh : null);

  return { selectedSpanId, selectedSpan, selectSpan, selectedAt };
}
