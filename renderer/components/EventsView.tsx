import { useMemo, useState } from "react";
import { useLiveQuery } from "dexie-react-hooks";
import { eventsCsv, eventsJsonl } from "../../shared/coding/eventExport";
import { buildEventRows, type EventActor, type EventRow } from "../../shared/coding/events";
import { codingSource } from "../../shared/coding/snapshot";
import type { Project } from "../../shared/model";
import { platform } from "../platform";
import { snapshotIn } from "../store/projectFiles";

interface EventsViewProps {
  project: Project;
  fileStem: string;
  onOpen(docId: string, spanId: string): void;
  notify(text: string, kind: "info" | "problem"): void;
}

type Column = "date" | "source" | "event" | "target" | "text" | "document";

const actorNames = (actors: readonly EventActor[]) => actors.map((a) => a.name ?? a.text).join("; ");

/** What a column shows (and sorts and filters by) for a row. */
function cell(row: EventRow, column: Column): string {
  switch (column) {
    case "date":
      return row.date?.value ?? "";
    case "source":
      return actorNames(row.sources);
    case "event":
      return [row.type, row.mode].filter(Boolean).join(" / ");
    case "target":
      return actorNames(row.targets);
    case "text":
      return row.quote ? `${row.text} (in the quote “${row.quote.text}”${row.quote.speakers.length ? ` by ${actorNames(row.quote.speakers)}` : ""})` : row.text;
    case "document":
      return row.docTitle;
  }
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

  const shown = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    const matching = (rows ?? []).filter((row) => !needle || COLUMNS.some((c) => cell(row, c.id).toLowerCase().includes(needle)));
    const direction = sort.descending ? -1 : 1;
    return matching.sort((a, b) => direction * cell(a, sort.column).localeCompare(cell(b, sort.column)) || a.docTitle.localeCompare(b.docTitle) || a.start - b.start);
  }, [rows, sort, filter]);

  /** `csv` neutralizes cells a spreadsheet would run as formulas; `csv-exact` writes every value as it is. */
  const save = async (kind: "jsonl" | "csv" | "csv-exact") => {
    if (!rows) return;
    try {
      const result =
        kind === "jsonl"
          ? await platform.saveFile({ suggestedName: `${fileStem}.events.jsonl`, filters: [{ name: "JSON Lines", extensions: ["jsonl"] }], mime: "application/x-ndjson", parts: [...eventsJsonl(rows)] })
          : await platform.saveFile({ suggestedName: `${fileStem}.events.csv`, filters: [{ name: "CSV", extensions: ["csv"] }], mime: "text/csv", parts: [eventsCsv(rows, { exact: kind === "csv-exact" })] });
      if (result.saved) notify(`Exported ${rows.length} event${rows.length === 1 ? "" : "s"} to ${result.fileName}.`, "info");
    } catch (err) {
      notify(`The events were not exported: ${err instanceof Error ? err.message : String(err)}`, "problem");
    }
  };

  return (
    <section className="sw-events" aria-label="Event records">
      <div className="sw-events-bar">
        <h2>Events</h2>
        <input type="search" aria-label="Filter events" placeholder="Filter by any column" value={filter} onChange={(e) => setFilter(e.target.value)} />
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
              {shown.slice(0, SHOWN).map((row) => (
                <tr key={row.id} tabIndex={0} onClick={() => onOpen(row.docId, row.id)} onKeyDown={(e) => e.key === "Enter" && onOpen(row.docId, row.id)} title={row.problems.join("\n") || undefined}>
                  {COLUMNS.map((c) => (
                    <td key={c.id} dir="auto">
                      {cell(row, c.id)}
                      {c.id === "date" && row.date?.automatic && <span className="sw-hint"> (read from the text)</span>}
                      {c.id === "text" && row.problems.length > 0 && <span className="sw-problem-text"> ⚠ {row.problems.length}</span>}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          {shown.length > SHOWN && <p className="sw-hint">Showing the first {SHOWN}; filter to narrow down, or export them all.</p>}
        </div>
      )}
    </section>
  );
}
