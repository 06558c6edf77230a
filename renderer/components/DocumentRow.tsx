import { memo, useEffect, useRef, useState } from "react";
import { DOCUMENT_STATUSES, statusOf, type DocumentRecord, type DocumentStatus } from "../../shared/model";
import { useSpanCount } from "../store/useSpanCount";

interface DocumentRowProps {
  doc: DocumentRecord;
  current: boolean;
  /** Whether the title is being edited in place. */
  renaming: boolean;
  onOpen(id: string): void;
  onStartRename(id: string): void;
  /** Ends editing: with the new title (Enter, or leaving the field), or null to cancel (Escape). */
  onRename(doc: DocumentRecord, title: string | null): void;
  onStatus(doc: DocumentRecord, status: DocumentStatus): void;
}

/**
 * One document in the list: its title (the headline) with the file it came
 * from below, how many spans it has and its status, which the coder sets
 * here. Double-click or F2 renames it in place; Enter keeps, Escape cancels.
 */
export const DocumentRow = memo(function DocumentRow({ doc, current, renaming, onOpen, onStartRename, onRename, onStatus }: DocumentRowProps) {
  const spans = useSpanCount(doc.id);
  const status = statusOf(doc);
  // Back on the row once renaming ends, so the keyboard carries on from where it was.
  const button = useRef<HTMLButtonElement>(null);
  const wasRenaming = useRef(renaming);
  useEffect(() => {
    if (wasRenaming.current && !renaming) button.current?.focus();
    wasRenaming.current = renaming;
  }, [renaming]);
  return (
    <div className={`sw-docrow sw-status-${status}${current ? " sw-current" : ""}`}>
      {renaming ? (
        <TitleEditor doc={doc} onDone={(title) => onRename(doc, title)} />
      ) : (
        <button
          ref={button}
          type="button"
          className={current ? "sw-doc sw-current" : "sw-doc"}
          aria-current={current ? "true" : undefined}
          onClick={() => onOpen(doc.id)}
          onDoubleClick={() => onStartRename(doc.id)}
          onKeyDown={(e) => {
            if (e.key !== "F2") return;
            // The row's own rename, not the workspace's (which renames the open document).
            e.preventDefault();
            e.stopPropagation();
            onStartRename(doc.id);
          }}
          title={doc.source ? `${doc.title}\n${doc.source}` : doc.title}
        >
          <span className="sw-doc-title" dir="auto">
            {doc.title}
          </span>
          {doc.source && doc.source !== doc.title && (
            <span className="sw-doc-source" dir="auto">
              {doc.source}
            </span>
          )}
        </button>
      )}
      <span className="sw-doc-meta">
        <span className="sw-doc-spans" aria-label={spans === undefined ? "counting spans" : `${spans} ${spans === 1 ? "span" : "spans"}`} title="Spans in this document">
          {spans ?? "…"}
        </span>
        <select className="sw-doc-status" aria-label={`Status of ${doc.title}`} value={status} onChange={(e) => onStatus(doc, e.target.value as DocumentStatus)}>
          {DOCUMENT_STATUSES.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </span>
    </div>
  );
});

/** The title in a field, selected: Enter or leaving the field keeps it, Escape cancels. */
function TitleEditor({ doc, onDone }: { doc: DocumentRecord; onDone(title: string | null): void }) {
  const [draft, setDraft] = useState(doc.title);
  const field = useRef<HTMLInputElement>(null);
  // Enter and Escape end editing, and the blur that follows must not end it twice.
  const done = useRef(false);
  useEffect(() => {
    field.current?.focus();
    field.current?.select();
  }, []);
  const finish = (title: string | null) => {
    if (done.current) return;
    done.current = true;
    onDone(title);
  };
  const empty = draft.trim() === "";
  return (
    <input
      ref={field}
      className="sw-doc-rename"
      aria-label={`New title for ${doc.title}`}
      aria-invalid={empty}
      placeholder="A document needs a title"
      dir="auto"
      value={draft}
      onChange={(e) => setDraft(e.target.value)}
      onKeyDown={(e) => {
        if (e.key === "Enter") {
          e.preventDefault();
          // An empty title is refused: the field stays open until there is one, or Escape.
          if (!empty) finish(draft);
        } else if (e.key === "Escape") {
          e.preventDefault();
          e.stopPropagation();
          finish(null);
        }
      }}
      onBlur={() => finish(empty ? null : draft)}
    />
  );
}
