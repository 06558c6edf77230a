import { eventsCsv, eventsJsonl } from "../../shared/coding/eventExport";
import { buildEventRows, type EventRow } from "../../shared/coding/events";
import { codingSource } from "../../shared/coding/snapshot";
import type { Project } from "../../shared/model";
import { platform } from "../platform";
import { snapshotIn } from "../store/projectFiles";
import { fileStem, type ActionFeedback } from "./projectFileActions";

/** The events' file formats: JSON Lines, CSV safe for spreadsheets, or CSV with every value exactly as it is. */
export type EventFileFormat = "jsonl" | "csv" | "csv-exact";

/**
 * Saves event rows as JSON Lines (PLOVER field names) or CSV; the message says what was saved.
 * `csv` neutralizes cells a spreadsheet would run as formulas; `csv-exact` writes every value as it is.
 */
export async function saveEventRows(rows: readonly EventRow[], stem: string, format: EventFileFormat, notify: ActionFeedback["notify"]): Promise<void> {
  try {
    const result =
      format === "jsonl"
        ? await platform.saveFile({ suggestedName: `${stem}.events.jsonl`, filters: [{ name: "JSON Lines", extensions: ["jsonl"] }], mime: "application/x-ndjson", parts: [...eventsJsonl(rows)] })
        : await platform.saveFile({ suggestedName: `${stem}.events.csv`, filters: [{ name: "CSV", extensions: ["csv"] }], mime: "text/csv", parts: [eventsCsv(rows, { exact: format === "csv-exact" })] });
    if (result.saved) notify(`Exported ${rows.length} event${rows.length === 1 ? "" : "s"} to ${result.fileName}.`, "info");
  } catch (err) {
    notify(`The events were not exported: ${err instanceof Error ? err.message : String(err)}`, "problem");
  }
}

/** Exports every event of the project (from the Export menu, without opening the events view). */
export async function exportProjectEvents(project: Project, format: EventFileFormat, feedback: ActionFeedback): Promise<void> {
  feedback.setBusy("Collecting the events…");
  let rows: EventRow[];
  try {
    rows = buildEventRows(codingSource(await snapshotIn(project.id)));
  } catch (err) {
    feedback.notify(`The events were not exported: ${err instanceof Error ? err.message : String(err)}`, "problem");
    return;
  } finally {
    feedback.setBusy(null);
  }
  if (rows.length === 0) return feedback.notify("There are no events to export yet. Tag an event span, then link its source, target and date.");
  await saveEventRows(rows, fileStem(project.name), format, feedback.notify);
}
