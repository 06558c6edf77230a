import { mergeSnapshots, type MergeReport } from "../../shared/merge";
import { describeSpanVersion } from "../../shared/mergeReportText";
import { encodeProjectFile } from "../../shared/projectFile";
import { expectPositionals, flag, optionValue } from "../args";
import { EXIT_OK, UsageError } from "../errors";
import { loadProject } from "../load";
import { APP_VERSION } from "../version";
import { COMMON_OPTIONS, type Command } from "./command";

/** Conflicts listed in the text report; --json lists all. */
const MAX_CONFLICTS_SHOWN = 50;

export function formatMergeReport(report: MergeReport, base: string, incoming: string, output: string): string {
  const rows: [string, number][] = [
    ["documents added", report.documentsAdded],
    ["labels added", report.labelsAdded],
    ["spans added", report.spansAdded],
    ["spans changed", report.spansChanged],
    ["spans removed", report.spansRemoved],
    ["deletions carried", report.tombstonesAdded],
    ["conflicts resolved", report.conflicts.length],
  ];
  // Event coding: listed only when the files have any, so a merge of plain projects reads as before.
  const coding: [string, number][] = [
    ["documents updated", report.documentsUpdated],
    ["labels extended", report.labelsChanged],
    ["links added", report.links.added],
    ["links changed", report.links.changed],
    ["links removed", report.links.removed],
    ["link deletions carried", report.links.tombstonesAdded],
    ["link conflicts", report.links.conflicts.length],
    ["actors added", report.actors.added],
    ["actors changed", report.actors.changed],
    ["actors removed", report.actors.removed],
    ["actor deletions carried", report.actors.tombstonesAdded],
    ["actor conflicts", report.actors.conflicts.length],
  ];
  rows.push(...coding.filter(([, n]) => n > 0));
  const width = Math.max(19, ...rows.map(([k]) => k.length));
  const lines = [`Merged ${incoming} into ${base} and wrote ${output}:`, ...rows.map(([k, v]) => `  ${k.padEnd(width)} ${v.toLocaleString("en-US")}`)];
  if (report.conflicts.length > 0) {
    lines.push("Conflicts (the later edit wins; at equal times a deletion wins):");
    for (const c of report.conflicts.slice(0, MAX_CONFLICTS_SHOWN)) {
      const [kept, lost] = c.kept === "base" ? [c.base, c.incoming] : [c.incoming, c.base];
      const [keptFrom, lostFrom] = c.kept === "base" ? [base, incoming] : [incoming, base];
      lines.push(`  span ${c.spanId} in "${c.docTitle}": kept ${keptFrom}'s ${describeSpanVersion(kept)}${c.reason === "tie" ? " (same time)" : ""} over ${lostFrom}'s ${describeSpanVersion(lost)}`);
    }
    if (report.conflicts.length > MAX_CONFLICTS_SHOWN) lines.push(`  … and ${report.conflicts.length - MAX_CONFLICTS_SHOWN} more (--json lists all)`);
  }
  for (const note of report.notes) lines.push(`Note: ${note}`);
  return `${lines.join("\n")}\n`;
}

export const mergeCommand: Command = {
  name: "merge",
  summary: "Merge two project files into a new one and print what changed.",
  synopsis: "spanwise merge <a.spanwise> <b.spanwise> -o <merged.spanwise>",
  help: [
    "Merges b into a: documents match by their text, spans by id; each annotator's",
    "spans stay theirs; where both files changed a span, the later edit wins and is",
    "listed as a conflict; deletions carry over unless the span was edited later.",
    "The result keeps a's project name and id. Merging the same file twice changes",
    "nothing, and a+b holds the same annotations as b+a.",
    "",
    "Options:",
    "  -o, --output FILE   Where to write the merged project (required; written atomically)",
    "  --json              Print the merge report as JSON",
    "  -q, --quiet         No progress messages",
  ],
  options: [...COMMON_OPTIONS, { name: "output", short: "o", takesValue: true }, { name: "json", takesValue: false }],
  async run(args, io) {
    const [basePath, incomingPath] = expectPositionals(args, ["a.spanwise", "b.spanwise"], "merge");
    const output = optionValue(args, "output");
    if (output === undefined) throw new UsageError("missing -o <merged.spanwise>", "merge");
    const quiet = flag(args, "quiet");
    const base = await loadProject(io, basePath!, { quiet });
    const incoming = await loadProject(io, incomingPath!, { quiet });
    const { snapshot, report } = mergeSnapshots(base.snapshot, incoming.snapshot);
    const bytes = await encodeProjectFile(snapshot, { appVersion: APP_VERSION, createdAt: io.now() });
    await io.writeFileAtomic(output, [bytes]);
    await io.writeStdout(flag(args, "json") ? `${JSON.stringify(report, null, 2)}\n` : formatMergeReport(report, basePath!, incomingPath!, output));
    return EXIT_OK;
  },
};
