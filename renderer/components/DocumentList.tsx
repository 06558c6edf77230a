import { memo, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useVirtualizer } from "@tanstack/react-virtual";
import { DOCUMENT_STATUSES, statusOf, type DocumentRecord, type DocumentStatus } from "../../shared/model";
import { renameDocument, setDocumentStatus } from "../store/documents";
import { DocumentRow } from "./DocumentRow";

interface DocumentListProps {
  /** The documents loaded so far, in order. */
  documents: readonly DocumentRecord[];
  /** How many the project has; rows past the loaded ones show as loading. */
  total: number;
  /** Whether every document is loaded (filtering searches only loaded ones until then). */
  complete: boolean;
  currentId: string | null;
  /** The open document as the store has it now (a live query), newer than the list's copy after a change. */
  current: DocumentRecord | null;
  onOpen(id: string): void;
  /** The document whose title is being edited in place, if any (a double-click, F2, or the Rename document command). */
  renamingId: string | null;
  onRenaming(id: string | null): void;
  /** Told the ids the list shows while it is filtered, in order, or null when it shows all: next and previous document follow what is shown. */
  onListed(ids: readonly string[] | null): void;
  /** Runs a store write: a failure (a refused change) is reported, never thrown. */
  report(write: Promise<unknown>): void;
}

const ROW_HEIGHT = 46;

/**
 * The project's documents, filterable by title or file name and by status;
 * only the rows in view are in the DOM. Re-rendered only when its own props
 * change, not on every key press in the reader.
 */
export const DocumentList = memo(function DocumentList({ documents, total, complete, currentId, current, onOpen, renamingId, onRenaming, onListed, report }: DocumentListProps) {
  // What this window wrote, until the list (reloaded in chunks after a change) has it: the row shows
  // it at once, and the next edit is made from it rather than from the version it replaced.
  const [written, setWritten] = useState<ReadonlyMap<string, DocumentRecord>>(new Map());
  const latest = useCallback(
    (doc: DocumentRecord) => {
      let newest = doc;
      for (const other of [written.get(doc.id), current?.id === doc.id ? current : undefined]) if (other && (other.rev ?? 0) > (newest.rev ?? 0)) newest = other;
      return newest;
    },
    [written, current],
  );
  const remember = useCallback(
    (write: Promise<DocumentRecord>) =>
      report(write.then((doc) => setWritten((before) => new Map(before).set(doc.id, doc)))),
    [report],
  );
  const [filter, setFilter] = useState("");
  const [statusFilter, setStatusFilter] = useState<DocumentStatus | "all">("all");
  const filtering = filter.trim() !== "" || statusFilter !== "all";
  const shown = useMemo(() => {
    const needle = filter.trim().toLocaleLowerCase();
    const newest = written.size || current ? documents.map(latest) : documents;
    if (!needle && statusFilter === "all") return newest;
    return newest.filter(
      (d) =>
        (statusFilter === "all" || statusOf(d) === statusFilter) &&
        (!needle || d.title.toLocaleLowerCase().includes(needle) || (d.source?.toLocaleLowerCase().includes(needle) ?? false)),
    );
  }, [documents, filter, statusFilter, written, current, latest]);
  const scroller = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({
    count: filtering ? shown.length : Math.max(total, documents.length),
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });

  useEffect(() => onListed(filtering ? shown.map((d) => d.id) : null), [filtering, shown, onListed]);

  // Renaming from the command may be of a row out of view: bring it in.
  useEffect(() => {
    if (renamingId === null) return;
    const at = shown.findIndex((d) => d.id === renamingId);
    if (at >= 0) virtual.scrollToIndex(at, { align: "auto" });
  }, [renamingId, shown, virtual]);

  const onRename = useCallback(
    (doc: DocumentRecord, title: string | null) => {
      onRenaming(null);
      if (title !== null && title.trim() !== doc.title) remember(renameDocument(doc, title));
    },
    [onRenaming, remember],
  );
  const onStatus = useCallback((doc: DocumentRecord, status: DocumentStatus) => remember(setDocumentStatus(doc, status)), [remember]);

  return (
    <nav className="sw-doclist" aria-label="Documents">
      <div className="sw-panel-head">
        <h2>Documents</h2>
        <span className="sw-count">{Math.max(total, documents.length)}</span>
      </div>
      <div className="sw-doclist-filters">
        <input
          className="sw-filter"
          type="search"
          placeholder="Filter by title or file"
          dir="auto"
          aria-label="Filter documents"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
        <select className="sw-doc-status" aria-label="Show documents" value={statusFilter} onChange={(e) => setStatusFilter(e.target.value as DocumentStatus | "all")}>
          <option value="all">All</option>
          {DOCUMENT_STATUSES.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </div>
      {filtering && !complete && (
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
                  <DocumentRow
                    doc={doc}
                    current={doc.id === currentId}
                    renaming={doc.id === renamingId}
                    onOpen={onOpen}
                    onStartRename={onRenaming}
                    onRename={onRename}
                    onStatus={onStatus}
                  />
                </li>
              );
            })}
          </ul>
        </div>
      )}
    </nav>
  );
});
