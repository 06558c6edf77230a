/**
 * Small builders for project-file and merge tests: snapshots from a terse
 * spec, and hand-made zips for bad-input cases.
 */
import { sha256Hex, sha256HexBytes } from "../../shared/hash";
import { DEFAULT_LABELS } from "../../shared/model";
import type { ProjectSnapshot, SnapshotLabel } from "../../shared/projectFile";
import { writeZip } from "../../shared/projectFile/zipWrite";

export const T0 = 1_700_000_000_000;

export interface DocSpec {
  id: string;
  text: string;
  title?: string;
  createdAt?: number;
  extra?: Record<string, unknown>;
}

/** A span; `start`/`end` are UTF-16 offsets unless `text` is given, in which case they are found by searching. */
export interface SpanSpec {
  id: string;
  docId: string;
  start?: number;
  end?: number;
  /** Place the span at the first occurrence of this text in its document. */
  at?: string;
  label?: string;
  annotator?: string;
  createdAt?: number;
  updatedAt?: number;
  deleted?: boolean;
  extra?: Record<string, unknown>;
}

export interface SnapshotSpec {
  projectId?: string;
  name?: string;
  labels?: SnapshotLabel[];
  documents?: DocSpec[];
  spans?: SpanSpec[];
  unknownMembers?: Record<string, Uint8Array>;
  projectExtra?: Record<string, unknown>;
  updatedAt?: number;
}

export async function buildSnapshot(spec: SnapshotSpec): Promise<ProjectSnapshot> {
  const projectId = spec.projectId ?? "p1";
  const documents = await Promise.all(
    (spec.documents ?? []).map(async (d) => ({
      doc: { id: d.id, projectId, title: d.title ?? d.id, textHash: await sha256Hex(d.text), length: d.text.length, createdAt: d.createdAt ?? T0 },
      text: d.text,
      ...(d.extra ? { extra: d.extra } : {}),
    })),
  );
  const texts = new Map(documents.map((d) => [d.doc.id, d.text]));
  const spans = (spec.spans ?? []).map((s) => {
    let start = s.start ?? 0;
    let end = s.end ?? 0;
    if (s.at !== undefined) {
      start = (texts.get(s.docId) ?? "").indexOf(s.at);
      if (start < 0) throw new Error(`"${s.at}" is not in ${s.docId}`);
      end = start + s.at.length;
    }
    return {
      id: s.id,
      projectId,
      docId: s.docId,
      start,
      end,
      label: s.label ?? "actor",
      annotator: s.annotator ?? "ana",
      createdAt: s.createdAt ?? T0,
      updatedAt: s.updatedAt ?? s.createdAt ?? T0,
      deleted: s.deleted ?? false,
      ...(s.extra ? { extra: s.extra } : {}),
    };
  });
  const labels = spec.labels ?? DEFAULT_LABELS.map((l) => ({ ...l }));
  return {
    project: {
      id: projectId,
      name: spec.name ?? "Project",
      labels,
      createdAt: T0,
      updatedAt: spec.updatedAt ?? T0,
      ...(spec.projectExtra ? { extra: spec.projectExtra } : {}),
    },
    documents,
    spans,
    unknownMembers: spec.unknownMembers ?? {},
  };
}

const encoder = new TextEncoder();

export function jsonl(records: readonly object[]): string {
  return records.map((r) => `${JSON.stringify(r)}\n`).join("");
}

export interface RawFileOptions {
  /** Leave manifest.json out entirely. */
  noManifest?: boolean;
  /** Change the manifest after checksums are computed. */
  editManifest?: (manifest: Record<string, unknown>) => void;
  /** Raw manifest text, used as is. */
  manifestText?: string;
}

/**
 * A zip whose members are exactly `members`, plus a manifest listing each with
 * its true checksum and size (unless told otherwise). For crafting files the
 * encoder would never write.
 */
export async function rawProjectFile(members: Record<string, string | Uint8Array>, options: RawFileOptions = {}): Promise<Uint8Array> {
  const entries = Object.entries(members).map(([name, data]) => ({ name, data: typeof data === "string" ? encoder.encode(data) : data }));
  const listing: Record<string, { sha256: string; bytes: number }> = {};
  let spans = 0;
  let documents = 0;
  for (const entry of entries) {
    listing[entry.name] = { sha256: await sha256HexBytes(entry.data), bytes: entry.data.length };
    const lines = new TextDecoder().decode(entry.data).split("\n").filter((l) => l.trim() !== "").length;
    if (entry.name === "spans.jsonl") spans = lines;
    if (entry.name === "documents.jsonl") documents = lines;
  }
  const manifest: Record<string, unknown> = {
    format: "spanwise-project",
    formatVersion: 1,
    appVersion: "test",
    createdAt: T0,
    counts: { documents, spans },
    members: listing,
  };
  options.editManifest?.(manifest);
  const manifestText = options.manifestText ?? JSON.stringify(manifest);
  const all = options.noManifest ? entries : [{ name: "manifest.json", data: encoder.encode(manifestText) }, ...entries];
  return writeZip(all);
}

/** The members of a minimal valid project: one document, one span. */
export async function validMembers(): Promise<{ project: object; documents: object[]; spans: object[] }> {
  const text = "Mayor 😀 Ana spoke.";
  return {
    project: { id: "p1", name: "P", labels: DEFAULT_LABELS, createdAt: T0, updatedAt: T0 },
    documents: [{ id: "d1", title: "Doc", textHash: await sha256Hex(text), text, createdAt: T0 }],
    // "Ana" starts at code point 8 (the emoji is one code point, two UTF-16 units).
    spans: [{ id: "s1", docId: "d1", start: 8, end: 11, label: "actor", text: "Ana", annotator: "ana", createdAt: T0, updatedAt: T0, deleted: false }],
  };
}

export async function validRawFile(change?: (m: { project: object; documents: object[]; spans: object[] }) => void, options?: RawFileOptions): Promise<Uint8Array> {
  const m = await validMembers();
  change?.(m);
  return rawProjectFile(
    { "project.json": JSON.stringify(m.project), "documents.jsonl": jsonl(m.documents), "spans.jsonl": jsonl(m.spans) },
    options,
  );
}
