import { jsonlChunks, type ExportSource } from "../../shared/formats/jsonl";
import type { SnapshotSpan } from "../../shared/projectFile";
import { expectPositionals, flag, optionValue } from "../args";
import { EXIT_OK, UsageError } from "../errors";
import { loadProject } from "../load";
import { createProgress } from "../progress";
import { COMMON_OPTIONS, type Command } from "./command";

export const FORMATS = ["jsonl"] as const;

export const exportCommand: Command = {
  name: "export",
  summary: "Write the annotated documents as a dataset (JSON Lines).",
  synopsis: "spanwise export <project.spanwise> [--format jsonl] [-o out.jsonl] [--annotator NAME]",
  help: [
    "Writes one JSON object per document and line: id, title, text and its live spans",
    "(deleted spans are left out), to standard output or, with -o, to a file (written",
    "atomically). Span offsets are Unicode code points, half-open: in Python",
    '  record["text"][span["start"]:span["end"]] == span["text"]',
    "",
    "Options:",
    "  --format jsonl       Output format (jsonl, the default, is the only one so far)",
    "  -o, --output FILE    Write to FILE instead of standard output",
    "  --annotator NAME     Only spans by this annotator (documents are all kept)",
    "  -q, --quiet          No progress messages",
  ],
  options: [
    ...COMMON_OPTIONS,
    { name: "format", short: "f", takesValue: true },
    { name: "output", short: "o", takesValue: true },
    { name: "annotator", short: "a", takesValue: true },
  ],
  async run(args, io) {
    const [path] = expectPositionals(args, ["project.spanwise"], "export");
    const format = optionValue(args, "format") ?? "jsonl";
    if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`unknown format "${format}" (known: ${FORMATS.join(", ")})`, "export");
    const output = optionValue(args, "output");
    const annotator = optionValue(args, "annotator");
    const quiet = flag(args, "quiet");

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
      const known = [...new Set(snapshot.spans.filter((s) => !s.deleted).map((s) => s.annotator))].sort();
      io.writeStderr(`spanwise: warning: no spans by annotator "${annotator}" in ${path}${known.length ? ` (annotators: ${known.join(", ")})` : ""}\n`);
    }

    const total = snapshot.documents.length;
    const progress = createProgress(io, !quiet && (io.stderrIsTTY || large), "spanwise: exporting ");
    function* sources(): Generator<ExportSource> {
      for (const [i, { doc, text }] of snapshot.documents.entries()) {
        yield { doc, text, spans: spansByDoc.get(doc.id) ?? [] };
        progress.update("documents", i + 1, total);
      }
    }
    try {
      if (output !== undefined) await io.writeFileAtomic(output, jsonlChunks(sources()));
      else for await (const chunk of jsonlChunks(sources())) await io.writeStdout(chunk);
    } finally {
      progress.done();
    }
    return EXIT_OK;
  },
};
