import { useMemo, useRef, useState } from "react";
import { useVirtualizer } from "@tanstack/react-virtual";
import type { DocumentRecord } from "../../shared/model";

interface DocumentListProps {
  documents: readonly DocumentRecord[];
  currentId: string | null;
  onOpen(id: string): void;
}

const ROW_HEIGHT = 32;

/** The project's documents, filterable by title; only the rows in view are in the DOM. */
export function DocumentList({ documents, currentId, onOpen }: DocumentListProps) {
  const [filter, setFilter] = useState("");
  const shown = useMemo(() => {
    const needle = filter.trim().toLocaleLowerCase();
    return needle ? documents.filter((d) => d.title.toLocaleLowerCase().includes(needle)) : documents;
  }, [documents, filter]);
  const scroller = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({
    count: shown.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });

  return (
    <nav className="sw-doclist" aria-label="Documents">
      <div className="sw-panel-head">
        <h2>Documents</h2>
        <span className="sw-count">{documents.length}</span>
      </div>
      <input
        className="sw-filter"
        type="search"
        placeholder="Filter by title"
        aria-label="Filter documents"
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
      />
      {documents.length === 0 ? (
        <p className="sw-empty">No documents yet. Import .txt files or drop them on the window.</p>
      ) : (
        <div className="sw-scroll" ref={scroller}>
          <ul style={{ height: virtual.getTotalSize() }} className="sw-virtual">
            {virtual.getVirtualItems().map((row) => {
              const doc = shown[row.index]!;
              return (
                <li key={doc.id} style={{ transform: `translateY(${row.start}px)`, height: ROW_HEIGHT }}>
                  <button
                    type="button"
                    className={doc.id === currentId ? "sw-doc sw-current" : "sw-doc"}
                    aria-current={doc.id === currentId ? "true" : undefined}
                    onClick={() => onOpen(doc.id)}
                    title={doc.title}
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
}
