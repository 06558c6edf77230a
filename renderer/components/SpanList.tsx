import { memo, useRef } from "react";
import { useVirtualizer } from "@tanstack/react-virtual";
import type { LabelDef, SpanRecord } from "../../shared/model";

interface SpanListProps {
  spans: readonly SpanRecord[];
  text: string;
  labels: readonly LabelDef[];
  selectedId: string | null;
  onPick(id: string): void;
}

const ROW_HEIGHT = 30;
const PREVIEW = 80;

/** The open document's spans in text order; clicking one scrolls the reader to it and selects it. */
/** Re-rendered only when its own props change, not on every key press in the reader. */
export const SpanList = memo(function SpanList({ spans, text, labels, selectedId, onPick }: SpanListProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({
    count: spans.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const byId = new Map(labels.map((l) => [l.id, l]));

  return (
    <aside className="sw-spanlist" aria-label="Spans">
      <div className="sw-panel-head">
        <h2>Spans</h2>
        <span className="sw-count">{spans.length}</span>
      </div>
      {spans.length === 0 ? (
        <p className="sw-empty">No spans in this document yet.</p>
      ) : (
        <div className="sw-scroll" ref={scroller}>
          <ul style={{ height: virtual.getTotalSize() }} className="sw-virtual" role="list">
            {virtual.getVirtualItems().map((row) => {
              const span = spans[row.index]!;
              const label = byId.get(span.label);
              const content = text.slice(span.start, span.end);
              return (
                <li key={span.id} style={{ transform: `translateY(${row.start}px)`, height: ROW_HEIGHT }}>
                  <button
                    type="button"
                    className={span.id === selectedId ? "sw-spanrow sw-current" : "sw-spanrow"}
                    aria-pressed={span.id === selectedId}
                    onClick={() => onPick(span.id)}
                    title={content}
                  >
                    <span className="sw-chip" style={{ "--sw-color": label?.color ?? "#6b7280" } as React.CSSProperties}>
                      {label?.name ?? span.label}
                    </span>
                    <span className="sw-spantext" dir="auto">{content.length > PREVIEW ? `${content.slice(0, PREVIEW)}…` : content}</span>
                  </button>
                </li>
              );
            })}
          </ul>
        </div>
      )}
    </aside>
  );
});
