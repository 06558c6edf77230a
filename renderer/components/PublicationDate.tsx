import { useEffect, useState } from "react";
import { parseDateValue } from "../../shared/coding/dates";
import type { DocumentRecord } from "../../shared/model";
import { setPublicationDate } from "../store/documents";

/**
 * A document's publication date, against which relative dates in its text
 * ("on Thursday") are read. Taken from the text at import when it says;
 * editable here.
 */
export function PublicationDate({ doc, onError }: { doc: DocumentRecord; onError(message: string): void }) {
  const [draft, setDraft] = useState(doc.publishedAt ?? "");
  useEffect(() => setDraft(doc.publishedAt ?? ""), [doc.publishedAt]);
  const value = draft.trim();
  const valid = value === "" || (/^\d{4}-\d{2}-\d{2}$/.test(value) && parseDateValue(value) !== undefined);
  const commit = () => {
    if (!valid || value === (doc.publishedAt ?? "")) return;
    setPublicationDate(doc.id, value === "" ? undefined : value).catch((err: unknown) => onError(`The publication date was not saved: ${String(err)}`));
  };
  return (
    <div className="sw-pubdate">
      <label htmlFor={`pub-${doc.id}`}>Published</label>
      <input
        id={`pub-${doc.id}`}
        value={draft}
        placeholder="YYYY-MM-DD"
        aria-invalid={!valid}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === "Enter") commit();
        }}
      />
      {!valid && <span className="sw-problem-text">Write the date as YYYY-MM-DD.</span>}
      {valid && !doc.publishedAt && <span>unknown: relative dates in the text (“on Thursday”) cannot be placed on the calendar</span>}
    </div>
  );
}
