import { eventsCsv, eventsJsonl } from "../../shared/coding/eventExport";
import { buildEventRows } from "../../shared/coding/events";
import { codingSource } from "../../shared/coding/snapshot";
import { jsonlChunks, linksByDocument, type ExportSource } from "../../shared/formats/jsonl";
import type { SnapshotSpan } from "../../shared/projectFile";
import { expectPositionals, flag, optionValue } from "../args";
import { EXIT_OK, UsageError } from "../errors";
import type { CliIo } from "../io";
import { loadProject } from "../load";
import { createProgress } from "../progress";
import { COMMON_OPTIONS, type Command } from "./command";
import { annotatorWarning, exportCoding } from "./exportParts";
import { exportStreaming } from "./exportStream";

export const FORMATS = ["jsonl", "events", "events-csv"] as const;

export const exportCommand: Command = {
  name: "export",
  summary: "Write the annotated documents (JSON Lines), or the event records (JSON Lines or CSV).",
  synopsis: "spanwise export <project.spanwise> [--format jsonl|events|events-csv] [-o out.jsonl] [--annotator NAME]",
  help: [
    "--format jsonl (the default) writes one JSON object per document and line: id, title,",
    "text and its live spans (deleted spans are left out) with their attributes and",
    "registry actors, and the links between them. Span offsets are Unicode code points,",
    "half-open: in Python",
    '  record["text"][span["start"]:span["end"]] == span["text"]',
    "",
    "--format events writes one event record per line, with PLOVER's field names where",
    "they fit (id, date, actor, recipient, event, mode, text, text_info, coder, coded_date);",
    "--format events-csv the same records as CSV (RFC 4180). Values that do not fit their",
    'definitions are left out of the fields and listed in "problems". A cell starting with',
    "=, +, -, @, tab or CR gets a ' in front, so a spreadsheet shows it instead of running",
    "it as a formula; --csv-exact writes the values exactly as they are.",
    "",
    "Output goes to standard output or, with -o, to a file (written atomically).",
    "",
    "Options:",
    "  --format FORMAT      jsonl (default), events or events-csv",
    "  -o, --output FILE    Write to FILE instead of standard output",
    "  --annotator NAME     Only spans (or events) by this annotator (documents are all kept)",
    "  --csv-exact          events-csv: no ' before cells a spreadsheet would run as formulas",
    "  -q, --quiet          No progress messages",
  ],
  options: [
    ...COMMON_OPTIONS,
    { name: "format", short: "f", takesValue: true },
    { name: "output", short: "o", takesValue: true },
    { name: "annotator", short: "a", takesValue: true },
    { name: "csv-exact", takesValue: false },
  ],
  async run(args, io) {
    const [path] = expectPositionals(args, ["project.spanwise"], "export");
    const format = optionValue(args, "format") ?? "jsonl";
    if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`unknown format "${format}" (known: ${FORMATS.join(", ")})`, "export");
    const output = optionValue(args, "output");
    const annotator = optionValue(args, "annotator");
    const quiet = flag(args, "quiet");
    const csvExact = flag(args, "csv-exact");
    if (csvExact && format !== "events-csv") throw new UsageError("--csv-exact applies to --format events-csv only", "export");

    // Standard output gets nothing until the whole file is known to be valid, so only a file output streams.
    if (format === "jsonl" && output !== undefined) {
      const streamed = await exportStreaming(io, path, output, annotator, quiet);
      if (streamed) {
        if (streamed.warning !== undefined) io.writeStderr(streamed.warning);
        return EXIT_OK;
      }
    }

    const { snapshot, large } = await loadProject(io, path, { quiet });
    const spansByDoc = new Map<string, SnapshotSpan[]>();
    let matching = 0;
    for (const span of snapshot.spans) {
      if (annotator !== undefined && span.annotator !== annotator) continue;
      if (!span.deleted) matching++;
      let list = spansByDoc.get(span.docId);
      if (!list) spansByDoc.set(span.docId, (list = []));
      list.push(span);
    }
    if (annotator !== undefined && matching === 0) {
      io.writeStderr(annotatorWarning(annotator, path, snapshot.spans.filter((s) => !s.deleted).map((s) => s.annotator)));
    }

    if (format !== "jsonl") {
      const rows = buildEventRows(codingSource(snapshot), annotator === undefined ? {} : { annotator });
      await write(io, output, format === "events" ? eventsJsonl(rows) : [eventsCsv(rows, { exact: csvExact })]);
      return EXIT_OK;
    }

    const linksByDoc = linksByDocument(snapshot.links ?? []);
    const coding = exportCoding(snapshot.project, snapshot.actors);
    const total = snapshot.documents.length;
    const progress = createProgress(io, !quiet && (io.stderrIsTTY || large), "spanwise: exporting ");
    function* sources(): Generator<ExportSource> {
      for (const [i, { doc, text }] of snapshot.documents.entries()) {
        const source: ExportSource = { doc, text, spans: spansByDoc.get(doc.id) ?? [] };
        if (snapshot.links !== undefined) source.links = linksByDoc.get(doc.id) ?? [];
        yield source;
        progress.update("documents", i + 1, total);
      }
    }
    try {
      await write(io, output, jsonlChunks(sources(), coding));
    } finally {
      progress.done();
    }
    return EXIT_OK;
  },
};

/** Chunks to `output` (atomically) or to standard output. */
async function write(io: CliIo, output: string | undefined, chunks: AsyncIterable<string> | Iterable<string>): Promise<void> {
  if (output !== undefined) await io.writeFileAtomic(output, chunks);
  else for await (const chunk of chunks) await io.writeStdout(chunk);
}
