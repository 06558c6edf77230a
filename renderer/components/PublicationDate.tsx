import { useEffect, useState } from "react";
import { isMonthDay, parseDateValue, parseMonthDay } from "../../shared/coding/dates";
import type { DocumentRecord } from "../../shared/model";
import { setPublicationDate } from "../store/documents";
import { isRefusedChange } from "../store/writes";

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** The id of a document's publication date field, so that other controls can take the user to it. */
export function publicationDateFieldId(docId: string): string {
  return `pub-${docId}`;
}

/** Moves the focus to the open document's publication date field (shown above the text). */
export function focusPublicationDate(docId: string): void {
  document.getElementById(publicationDateFieldId(docId))?.focus();
}

/**
 * What the user typed, as the value to store: a full date "YYYY-MM-DD", a
 * month and day "--MM-DD", or, while only the month and day are known, the
 * year alone ("2024"), which completes them. Null when it is none of these.
 */
export function publicationDateValue(typed: string, current: string | undefined): string | null {
  const value = typed.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return parseDateValue(value) ? value : null;
  if (isMonthDay(value)) return parseMonthDay(value) ? value : null;
  if (/^\d{4}$/.test(value) && current !== undefined && isMonthDay(current)) {
    const full = `${value}${current.slice(1)}`;
    return parseDateValue(full) ? full : null;
  }
  return null;
}

/** "March 3" for "--03-03". */
function monthDayName(value: string): string {
  const [month, day] = parseMonthDay(value) ?? [1, 1];
  return `${MONTHS[month - 1]} ${day}`;
}

/**
 * A document's publication date, against which relative dates in its text
 * ("on Thursday") are read. Taken from the text at import when it says (a
 * dateline without a year gives the month and day, kept until the year is
 * known); editable here.
 */
export function PublicationDate({ doc, onError }: { doc: DocumentRecord; onError(message: string): void }) {
  const [draft, setDraft] = useState(doc.publishedAt ?? "");
  useEffect(() => setDraft(doc.publishedAt ?? ""), [doc.publishedAt]);
  const typed = draft.trim();
  const next = typed === "" ? undefined : publicationDateValue(typed, doc.publishedAt);
  const valid = next !== null;
  const partial = doc.publishedAt !== undefined && isMonthDay(doc.publishedAt);
  const commit = () => {
    if (next === null || next === doc.publishedAt) return;
    setPublicationDate(doc, next).catch((err: unknown) =>
      onError(isRefusedChange(err) ? err.message : `The publication date was not saved: ${String(err)}`),
    );
  };
  return (
    <div className="sw-pubdate">
      <label htmlFor={publicationDateFieldId(doc.id)}>Published</label>
      <input
        id={publicationDateFieldId(doc.id)}
        value={draft}
        placeholder="YYYY-MM-DD"
        aria-invalid={!valid}
        aria-describedby={`${publicationDateFieldId(doc.id)}-hint`}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === "Enter") commit();
        }}
      />
      <span id={`${publicationDateFieldId(doc.id)}-hint`} className={valid ? undefined : "sw-problem-text"}>
        {!valid
          ? partial
            ? "Write the date as YYYY-MM-DD, or the year alone."
            : "Write the date as YYYY-MM-DD (or --MM-DD when the year is unknown)."
          : partial
            ? `${monthDayName(doc.publishedAt!)}, year unknown: type the year to complete it; until then “on Thursday” cannot be placed on the calendar`
            : !doc.publishedAt
              ? "unknown: relative dates in the text (“on Thursday”) cannot be placed on the calendar"
              : null}
      </span>
    </div>
  );
}
