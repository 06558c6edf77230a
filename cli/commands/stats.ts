import { projectLinkTypes } from "../../shared/coding/model";
import { codingSource } from "../../shared/coding/snapshot";
import { validateCoding } from "../../shared/coding/validate";
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
  /** Live links per type (every type of the project listed), and tombstones apart. */
  links: { total: number; deleted: number; types: { id: string; name: string; links: number }[] };
  /** Registry actors: live ones, those merged into another, deleted ones. */
  actors: { live: number; merged: number; deleted: number };
  /** Problems of the event coding (see validateCoding), by kind. */
  codingProblems: Record<string, number>;
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
  const linkCounts = new Map<string, number>(projectLinkTypes(snapshot.project).map((t) => [t.id, 0]));
  let deletedLinks = 0;
  for (const link of snapshot.links ?? []) {
    if (link.deleted) deletedLinks++;
    else linkCounts.set(link.type, (linkCounts.get(link.type) ?? 0) + 1);
  }
  const linkNames = new Map(projectLinkTypes(snapshot.project).map((t) => [t.id, t.name]));
  const actors = { live: 0, merged: 0, deleted: 0 };
  for (const actor of snapshot.actors ?? []) {
    if (actor.deleted) actors.deleted++;
    else if (actor.mergedInto !== undefined) actors.merged++;
    else actors.live++;
  }
  const codingProblems: Record<string, number> = {};
  for (const problem of validateCoding(codingSource(snapshot))) codingProblems[problem.kind] = (codingProblems[problem.kind] ?? 0) + 1;
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
    links: {
      total: (snapshot.links?.length ?? 0) - deletedLinks,
      deleted: deletedLinks,
      types: [...linkCounts].map(([id, links]) => ({ id, name: linkNames.get(id) ?? id, links })),
    },
    actors,
    codingProblems,
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
    "",
    `Links: ${stats.links.total.toLocaleString("en-US")}${stats.links.deleted ? ` (and ${stats.links.deleted.toLocaleString("en-US")} deleted)` : ""}`,
    ...rows(stats.links.types.map((t) => [t.name === t.id ? t.id : `${t.name} (${t.id})`, t.links.toLocaleString("en-US")])),
    "",
    `Registry actors: ${stats.actors.live.toLocaleString("en-US")}${stats.actors.merged ? `, ${stats.actors.merged.toLocaleString("en-US")} merged into others` : ""}${stats.actors.deleted ? `, ${stats.actors.deleted.toLocaleString("en-US")} deleted` : ""}`,
  ];
  const problems = Object.entries(stats.codingProblems);
  if (problems.length > 0) {
    lines.push("", "Coding problems (left out of exports' structured fields):", ...rows(problems.map(([kind, n]) => [kind, n.toLocaleString("en-US")])));
  }
  return `${lines.join("\n")}\n`;
}

export const statsCommand: Command = {
  name: "stats",
  summary: "Count documents, spans per label and per annotator, links, registry actors and coding problems.",
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
