/**
 * The merge report in words, the same in the app and the command line: for
 * each version in a conflict, what it was and whose change it is, at what time.
 */
import type { MergeReport, SpanVersionSummary } from "./merge";

/** A time for a report: "2026-11-25 16:20:05.120 UTC" (both sides' clocks, compared as they are). */
export function reportTime(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 23).replace("T", " ")} UTC`;
}

/**
 * One side's version of a span in a conflict: `actor "Ana Okafor" by ana,
 * changed by ben at 2026-11-25 16:20:05.120 UTC` (just "by ana at …" when the
 * annotator made the change), or `the deletion by ben at …`.
 */
export function describeSpanVersion(v: SpanVersionSummary): string {
  const annotator = v.annotator || "(unnamed)";
  const changedBy = v.updatedBy !== undefined && v.updatedBy !== v.annotator ? v.updatedBy : undefined;
  const text = v.text.length > 40 ? `${v.text.slice(0, 40)}…` : v.text;
  const what = v.deleted ? `the deletion of ${v.label} ${JSON.stringify(text)}` : `${v.label} ${JSON.stringify(text)}`;
  const who = changedBy === undefined ? `by ${annotator}` : `by ${annotator}, changed by ${changedBy}`;
  return `${what} ${who} at ${reportTime(v.updatedAt)}`;
}

/** The merge report in plain sentences, for the dialog that closes an Open project. */
export function describeMergeReport(report: MergeReport): string[] {
  const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
  const lines = [
    `${plural(report.documentsAdded, "document")} added`,
    `${plural(report.spansAdded, "span")} added`,
    `${plural(report.spansChanged, "span")} changed`,
    `${plural(report.spansRemoved, "span")} removed`,
    `${plural(report.conflicts.length, "conflict")} resolved`,
  ];
  if (report.documentsUpdated) lines.push(`${plural(report.documentsUpdated, "document")} renamed, marked or dated`);
  if (report.tombstonesAdded) lines.push(`${plural(report.tombstonesAdded, "deletion")} carried over`);
  if (report.labelsAdded) lines.push(`${plural(report.labelsAdded, "label")} added`);
  return [...lines, ...report.notes];
}
