import { memo, useMemo, useRef } from "react";
import { useVirtualizer } from "@tanstack/react-virtual";
import type { ActorRecord, LinkRecord, LinkTypeDef } from "../../shared/coding/model";
import { linksBySpan, spanCoding, spanContext, type SpanCodingContext } from "../../shared/coding/spanSummary";
import type { LabelDef, SpanRecord } from "../../shared/model";

interface SpanListProps {
  spans: readonly SpanRecord[];
  text: string;
  labels: readonly LabelDef[];
  linkTypes: readonly LinkTypeDef[];
  /** Every live span of the document, hidden layers included: links may point at them. */
  allSpans: readonly SpanRecord[];
  /** The document's links, tombstones included. */
  links: readonly LinkRecord[];
  actors: ReadonlyMap<string, ActorRecord>;
  selectedId: string | null;
  onPick(id: string): void;
}

/** Two lines: the span in its words, and its coding. Fixed, so the list stays virtual. */
const ROW_HEIGHT = 46;
const PREVIEW = 80;

/**
 * The open document's spans in text order; clicking one scrolls the reader
 * to it and selects it. Each row shows the words around the span and its
 * coding (type, date, links), so rows of the same words are told apart;
 * both are computed only for the rows drawn.
 * Re-rendered only when its own props change, not on every key press in the reader.
 */
export const SpanList = memo(function SpanList({ spans, text, labels, linkTypes, allSpans, links, actors, selectedId, onPick }: SpanListProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({
    count: spans.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const byId = useMemo(() => new Map(labels.map((l) => [l.id, l])), [labels]);
  const coding = useMemo<SpanCodingContext>(
    () => ({
      labels: byId,
      linkTypes: new Map(linkTypes.map((t) => [t.id, t])),
      spans: new Map(allSpans.map((s) => [s.id, s])),
      actors,
      text,
      ...linksBySpan(links),
    }),
    [byId, linkTypes, allSpans, actors, text, links],
  );

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
              const around = spanContext(text, span.start, span.end);
              const codingLine = spanCoding(span, coding).join(" · ");
              return (
                <li key={span.id} style={{ transform: `translateY(${row.start}px)`, height: ROW_HEIGHT }}>
                  <button
                    type="button"
                    className={span.id === selectedId ? "sw-spanrow sw-current" : "sw-spanrow"}
                    aria-pressed={span.id === selectedId}
                    onClick={() => onPick(span.id)}
                    title={codingLine ? `${content}\n${codingLine}` : content}
                  >
                    <span className="sw-spanline">
                      <span className="sw-chip" style={{ "--sw-color": label?.color ?? "#6b7280" } as React.CSSProperties}>
                        {label?.name ?? span.label}
                      </span>
                      <span className="sw-spanwords" dir="auto">
                        {around.before && <span className="sw-context">{around.before}</span>}
                        <span className="sw-spantext" dir="auto">{content.length > PREVIEW ? `${content.slice(0, PREVIEW)}…` : content}</span>
                        {around.after && <span className="sw-context">{around.after}</span>}
                      </span>
                    </span>
                    <span className="sw-spancoding" dir="auto">{codingLine || "not coded"}</span>
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
