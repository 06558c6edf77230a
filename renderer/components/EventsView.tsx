import { Fragment, useMemo, useState } from "react";
import { useLiveQuery } from "dexie-react-hooks";
import { eventActorText, eventDateCell, eventProblems, eventTypeCell, type EventCell } from "../../shared/coding/eventDisplay";
import { buildEventRows, type EventActor, type EventRow } from "../../shared/coding/events";
import { codingSource } from "../../shared/coding/snapshot";
import type { Project } from "../../shared/model";
import { snapshotIn } from "../store/projectFiles";
import { saveEventRows, type EventFileFormat } from "../workspace/eventFiles";

interface EventsViewProps {
  project: Project;
  fileStem: string;
  onOpen(docId: string, spanId: string): void;
  notify(text: string, kind: "info" | "problem"): void;
}

type Column = "date" | "source" | "event" | "target" | "text" | "document";

const actorNames = (actors: readonly EventActor[]) => actors.map(eventActorText).join("; ");

/** What a column shows (and sorts and filters by) for a row; `missing` when it stands for a value the record lacks. */
function cell(row: EventRow, column: Column): EventCell {
  switch (column) {
    case "date":
      return eventDateCell(row);
    case "event":
      return eventTypeCell(row);
    default:
      return { text: plainCell(row, column), missing: false };
  }
}

function plainCell(row: EventRow, column: Exclude<Column, "date" | "event">): string {
  switch (column) {
    case "source":
      return actorNames(row.sources);
    case "target":
      return actorNames(row.targets);
    case "text":
      return row.quote ? `${row.text} (in the quote “${row.quote.text}”${row.quote.speakers.length ? ` by ${actorNames(row.quote.speakers)}` : ""})` : row.text;
    case "document":
      return row.docTitle;
  }
}

/** A row with what it lacks, computed once per row rather than on each render. */
interface ShownRow {
  row: EventRow;
  cells: Record<Column, EventCell>;
  problems: string[];
}

function shownRow(row: EventRow): ShownRow {
  const cells = Object.fromEntries(COLUMNS.map((c) => [c.id, cell(row, c.id)])) as Record<Column, EventCell>;
  return { row, cells, problems: eventProblems(row) };
}

const COLUMNS: { id: Column; name: string }[] = [
  { id: "date", name: "Date" },
  { id: "source", name: "Source" },
  { id: "event", name: "Event" },
  { id: "target", name: "Target" },
  { id: "text", name: "Evidence" },
  { id: "document", name: "Document" },
];

const SHOWN = 2000;

/**
 * Every event of the project as a row: who did what to whom, when, with the
 * evidence. Sortable by any column, filterable; a row opens the document at
 * the event. The same rows export as JSONL (PLOVER field names) or CSV.
 */
export function EventsView({ project, fileStem, onOpen, notify }: EventsViewProps) {
  const rows = useLiveQuery(async () => buildEventRows(codingSource(await snapshotIn(project.id))), [project.id]);
  const [sort, setSort] = useState<{ column: Column; descending: boolean }>({ column: "date", descending: false });
  const [filter, setFilter] = useState("");
  const [problemsOnly, setProblemsOnly] = useState(false);
  // The rows whose list of problems is open, by event span id.
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const all = useMemo(() => (rows ?? []).map(shownRow), [rows]);
  const withProblems = useMemo(() => all.filter((r) => r.problems.length > 0).length, [all]);

  const shown = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    const matching = all.filter((r) => (!problemsOnly || r.problems.length > 0) && (!needle || COLUMNS.some((c) => r.cells[c.id].text.toLowerCase().includes(needle))));
    const direction = sort.descending ? -1 : 1;
    return matching.sort(
      (a, b) => direction * a.cells[sort.column].text.localeCompare(b.cells[sort.column].text) || a.row.docTitle.localeCompare(b.row.docTitle) || a.row.start - b.row.start,
    );
  }, [all, sort, filter, problemsOnly]);

  const toggleProblems = (id: string) =>
    setExpanded((open) => {
      const next = new Set(open);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  /** `csv` neutralizes cells a spreadsheet would run as formulas; `csv-exact` writes every value as it is. */
  const save = (kind: EventFileFormat) => (rows ? saveEventRows(rows, fileStem, kind, notify) : Promise.resolve());

  return (
    <section className="sw-events" aria-label="Event records">
      <div className="sw-events-bar">
        <h2>Events</h2>
        <input type="search" aria-label="Filter events" placeholder="Filter by any column" value={filter} onChange={(e) => setFilter(e.target.value)} />
        <label className="sw-check">
          <input type="checkbox" checked={problemsOnly} onChange={(e) => setProblemsOnly(e.target.checked)} /> Problems only
          {rows && <span className="sw-hint"> ({withProblems})</span>}
        </label>
        <span className="sw-count">{rows ? `${shown.length} of ${rows.length}` : "…"}</span>
        <span className="sw-spacer" />
        <button type="button" className="sw-button" disabled={!rows?.length} onClick={() => void save("jsonl")}>
          Export events JSONL
        </button>
        <button type="button" className="sw-button" disabled={!rows?.length} onClick={() => void save("csv")}>
          Export events CSV
        </button>
        <button
          type="button"
          className="sw-button"
          disabled={!rows?.length}
          title="Every value exactly as stored, for reading as data. A spreadsheet may run a cell starting with = + - or @ as a formula."
          onClick={() => void save("csv-exact")}
        >
          Export events CSV (exact values)
        </button>
      </div>
      {rows && rows.length === 0 ? (
        <p className="sw-empty">No events yet. Tag an event span, then link its source (a), target (t) and date (d).</p>
      ) : (
        <div className="sw-events-scroll">
          <table>
            <thead>
              <tr>
                {COLUMNS.map((c) => (
                  <th key={c.id} aria-sort={sort.column === c.id ? (sort.descending ? "descending" : "ascending") : "none"}>
                    <button type="button" onClick={() => setSort((s) => ({ column: c.id, descending: s.column === c.id ? !s.descending : false }))}>
                      {c.name}
                      {sort.column === c.id ? (sort.descending ? " ▼" : " ▲") : ""}
                    </button>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {shown.slice(0, SHOWN).map(({ row, cells, problems }) => {
                const open = expanded.has(row.id);
                const listId = `sw-problems-${row.id}`;
                return (
                  <Fragment key={row.id}>
                    <tr tabIndex={0} onClick={() => onOpen(row.docId, row.id)} onKeyDown={(e) => e.key === "Enter" && e.target === e.currentTarget && onOpen(row.docId, row.id)}>
                      {COLUMNS.map((c) => (
                        <td key={c.id} dir="auto" className={cells[c.id].missing ? "sw-missing" : undefined}>
                          {cells[c.id].text}
                          {c.id === "date" && row.date?.automatic && <span className="sw-hint"> (read from the text)</span>}
                          {c.id === "text" && problems.length > 0 && (
                            <>
                              {" "}
                              <button
                                type="button"
                                className="sw-problem-count"
                                aria-expanded={open}
                                aria-controls={open ? listId : undefined}
                                aria-label={`${problems.length} ${problems.length === 1 ? "problem" : "problems"}`}
                                onClick={(e) => {
                                  e.stopPropagation();
                                  toggleProblems(row.id);
                                }}
                              >
                                ⚠ {problems.length}
                              </button>
                            </>
                          )}
                        </td>
                      ))}
                    </tr>
                    {open && (
                      <tr className="sw-problems-row">
                        <td colSpan={COLUMNS.length}>
                          <ul id={listId} className="sw-problems" aria-label={`Problems of “${row.text}”`}>
                            {problems.map((p, i) => (
                              <li key={i}>{p}</li>
                            ))}
                          </ul>
                        </td>
                      </tr>
                    )}
                  </Fragment>
                );
              })}
            </tbody>
          </table>
          {problemsOnly && shown.length === 0 && <p className="sw-empty">No event here has a problem.</p>}
          {shown.length > SHOWN && <p className="sw-hint">Showing the first {SHOWN}; filter to narrow down, or export them all.</p>}
        </div>
      )}
    </section>
  );
}
