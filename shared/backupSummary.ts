/**
 * What a backup holds, in a few numbers and names, written beside it when it
 * is taken so that the backups list can say "3 documents, 120 spans by Ana
 * and Bea" without opening every backup. Backups from before summaries
 * existed have none; the list then shows only their time and size.
 */
import type { ProjectSnapshot } from "./projectFile/snapshot";
import { isJsonObject, parseJsonSafe } from "./safeJson";

export interface BackupSummary {
  /** The project's name when the backup was taken. */
  projectName: string;
  documents: number;
  /** Live spans (deleted ones are kept in the file as tombstones, not counted). */
  spans: number;
  /** Who made the live spans, alphabetically. */
  annotators: string[];
}

/** Longest summary file read: a summary is a few hundred bytes; anything much larger is not one we wrote. */
const MAX_SUMMARY_BYTES = 64 * 1024;

export function summarizeSnapshot(snapshot: ProjectSnapshot): BackupSummary {
  let spans = 0;
  const annotators = new Set<string>();
  for (const span of snapshot.spans) {
    if (span.deleted) continue;
    spans++;
    annotators.add(span.annotator);
  }
  return { projectName: snapshot.project.name, documents: snapshot.documents.length, spans, annotators: [...annotators].sort((a, b) => a.localeCompare(b)) };
}

export function encodeBackupSummary(summary: BackupSummary): Uint8Array {
  return new TextEncoder().encode(JSON.stringify({ version: 1, ...summary }));
}

/** A summary file's contents, or null when they are not a summary (damaged, foreign, too large). */
export function decodeBackupSummary(bytes: Uint8Array): BackupSummary | null {
  if (bytes.length > MAX_SUMMARY_BYTES) return null;
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
  const parsed = parseJsonSafe(text);
  if (!parsed.ok || !isJsonObject(parsed.value)) return null;
  const { projectName, documents, spans, annotators } = parsed.value;
  const count = (n: unknown): n is number => typeof n === "number" && Number.isSafeInteger(n) && n >= 0;
  if (typeof projectName !== "string" || !count(documents) || !count(spans)) return null;
  if (!Array.isArray(annotators) || !annotators.every((a): a is string => typeof a === "string")) return null;
  return { projectName, documents, spans, annotators };
}

const counted = (n: number, one: string, many: string) => `${n.toLocaleString("en")} ${n === 1 ? one : many}`;

/** "A, B and C"; with more than `max` names, the first ones and how many others. */
export function nameList(names: readonly string[], max = 4): string {
  const shown = names.length > max ? [...names.slice(0, max - 1), counted(names.length - max + 1, "other", "others")] : [...names];
  return shown.length <= 1 ? (shown[0] ?? "") : `${shown.slice(0, -1).join(", ")} and ${shown[shown.length - 1]}`;
}

/** "3 documents, 120 spans by Ana and Bea" (or "…, no spans"). */
export function describeBackupSummary(summary: BackupSummary): string {
  const documents = counted(summary.documents, "document", "documents");
  if (summary.spans === 0) return `${documents}, no spans`;
  const by = summary.annotators.length > 0 ? ` by ${nameList(summary.annotators)}` : "";
  return `${documents}, ${counted(summary.spans, "span", "spans")}${by}`;
}
