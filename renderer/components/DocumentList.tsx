import { memo, useMemo, useRef, useState } from "react";
import { useVirtualizer } from "@tanstack/react-virtual";
import type { DocumentRecord } from "../../shared/model";

interface DocumentListProps {
  /** The documents loaded so far, in order. */
  documents: readonly DocumentRecord[];
  /** How many the project has; rows past the loaded ones show as loading. */
  total: number;
  /** Whether every document is loaded (filtering searches only loaded ones until then). */
  complete: boolean;
  currentId: string | null;
  onOpen(id: string): void;
}

const ROW_HEIGHT = 32;

/** The project's documents, filterable by title; only the rows in view are in the DOM. */
/** Re-rendered only when its own props change, not on every key press in the reader. */
export const DocumentList = memo(function DocumentList({ documents, total, complete, currentId, onOpen }: DocumentListProps) {
  const [filter, setFilter] = useState("");
  const shown = useMemo(() => {
    const needle = filter.trim().toLocaleLowerCase();
    return needle ? documents.filter((d) => d.title.toLocaleLowerCase().includes(needle)) : documents;
  }, [documents, filter]);
  const scroller = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({
    count: filter.trim() ? shown.length : Math.max(total, documents.length),
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });

  return (
    <nav className="sw-doclist" aria-label="Documents">
      <div className="sw-panel-head">
        <h2>Documents</h2>
        <span className="sw-count">{Math.max(total, documents.length)}</span>
      </div>
      <input
        className="sw-filter"
        type="search"
        placeholder="Filter by title"
        dir="auto"
        aria-label="Filter documents"
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
      />
      {filter.trim() && !complete && (
        <p className="sw-hint" role="status">
          Still loading the list: searched {documents.length} of {total}.
        </p>
      )}
      {total === 0 && documents.length === 0 ? (
        <p className="sw-empty">No documents yet. Import .txt files or drop them on the window.</p>
      ) : (
        <div className="sw-scroll" ref={scroller}>
          <ul style={{ height: virtual.getTotalSize() }} className="sw-virtual">
            {virtual.getVirtualItems().map((row) => {
              const doc = shown[row.index];
              if (!doc) {
                return (
                  <li key={`loading-${row.index}`} style={{ transform: `translateY(${row.start}px)`, height: ROW_HEIGHT }} className="sw-doc-loading" aria-hidden="true">
                    …
                  </li>
                );
              }
              return (
                <li key={doc.id} style={{ transform: `translateY(${row.start}px)`, height: ROW_HEIGHT }}>
                  <button
                    type="button"
                    className={doc.id === currentId ? "sw-doc sw-current" : "sw-doc"}
                    aria-current={doc.id === currentId ? "true" : undefined}
                    onClick={() => onOpen(doc.id)}
                    title={doc.title}
                    dir="auto"
                  >
                    {doc.title}
                  </button>
                </li>
              );
            })}
          </ul>
        </div>
      )}
    </nav>
  );
});
