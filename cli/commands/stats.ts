import type { ProjectFileInfo, ProjectSnapshot } from "../../shared/projectFile";
import { expectPositionals, flag } from "../args";
import { EXIT_OK } from "../errors";
import { loadProject } from "../load";
import { COMMON_OPTIONS, type Command } from "./command";

export interface ProjectStats {
  file: string;
  project: { id: string; name: string };
  format: { version: number; appVersion: string; savedAt: string };
  documents: number;
  /** Live spans; tombstones are counted apart. */
  spans: number;
  deletedSpans: number;
  labels: { id: string; name: string; spans: number }[];
  annotators: { name: string; spans: number; documents: number; labels: Record<string, number> }[];
}

/** Counts of a project: documents, live spans per label and per annotator. */
export function projectStats(file: string, snapshot: ProjectSnapshot, info: ProjectFileInfo): ProjectStats {
  const labelCounts = new Map<string, number>(snapshot.project.labels.map((l) => [l.id, 0]));
  const annotators = new Map<string, { spans: number; documents: Set<string>; labels: Record<string, number> }>();
  let live = 0;
  for (const span of snapshot.spans) {
    if (span.deleted) continue;
    live++;
    labelCounts.set(span.label, (labelCounts.get(span.label) ?? 0) + 1);
    let entry = annotators.get(span.annotator);
    if (!entry) annotators.set(span.annotator, (entry = { spans: 0, documents: new Set(), labels: {} }));
    entry.spans++;
    entry.documents.add(span.docId);
    entry.labels[span.label] = (entry.labels[span.label] ?? 0) + 1;
  }
  const names = new Map(snapshot.project.labels.map((l) => [l.id, l.name]));
  return {
    file,
    project: { id: snapshot.project.id, name: snapshot.project.name },
    format: { version: info.formatVersion, appVersion: info.appVersion, savedAt: new Date(info.createdAt).toISOString() },
    documents: snapshot.documents.length,
    spans: live,
    deletedSpans: snapshot.spans.length - live,
    labels: [...labelCounts].map(([id, spans]) => ({ id, name: names.get(id) ?? id, spans })),
    annotators: [...annotators]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([name, e]) => ({ name, spans: e.spans, documents: e.documents.size, labels: e.labels })),
  };
}

export function formatStats(stats: ProjectStats): string {
  const plural = (n: number, word: string) => `${n.toLocaleString("en-US")} ${word}${n === 1 ? "" : "s"}`;
  const rows = (items: [string, string][]) => {
    const width = Math.max(0, ...items.map(([k]) => k.length));
    return items.map(([k, v]) => `  ${k.padEnd(width)}  ${v}`);
  };
  const lines = [
    `${stats.file}: project "${stats.project.name}" (file format ${stats.format.version}, saved by Spanwise ${stats.format.appVersion} on ${stats.format.savedAt.slice(0, 10)})`,
    `  ${plural(stats.documents, "document")}, ${plural(stats.spans, "span")}${stats.deletedSpans ? ` (and ${stats.deletedSpans.toLocaleString("en-US")} deleted)` : ""}`,
    "",
    "Spans per label:",
    ...rows(stats.labels.map((l) => [l.name === l.id ? l.id : `${l.name} (${l.id})`, l.spans.toLocaleString("en-US")])),
    "",
    "Spans per annotator:",
    ...(stats.annotators.length === 0
      ? ["  (none)"]
      : rows(stats.annotators.map((a) => [a.name === "" ? "(unnamed)" : a.name, `${a.spans.toLocaleString("en-US")} in ${plural(a.documents, "document")}`]))),
  ];
  return `${lines.join("\n")}\n`;
}

export const statsCommand: Command = {
  name: "stats",
  summary: "Count documents, spans per label and per annotator.",
  synopsis: "spanwise stats <file.spanwise> [--json]",
  help: ["Counts live spans; deleted spans (tombstones) are counted apart.", "", "Options:", "  --json        Print the counts as JSON", "  -q, --quiet   No progress messages"],
  options: [...COMMON_OPTIONS, { name: "json", takesValue: false }],
  async run(args, io) {
    const [path] = expectPositionals(args, ["file.spanwise"], "stats");
    const { snapshot, info } = await loadProject(io, path, { quiet: flag(args, "quiet") });
    const stats = projectStats(path, snapshot, info);
    await io.writeStdout(flag(args, "json") ? `${JSON.stringify(stats, null, 2)}\n` : formatStats(stats));
    return EXIT_OK;
  },
};
