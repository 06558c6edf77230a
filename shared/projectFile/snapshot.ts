import type { ActorRecord, LinkRecord } from "../coding/model";
import type { DocumentRecord, LabelDef, Project, SpanRecord } from "../model";

/**
 * Fields a record had in a project file that this version does not know
 * (written by a newer Spanwise). They are kept and written back on save so
 * that a newer colleague's data survives a round trip through an older app.
 * Never contains a key the record type itself defines.
 */
export type ExtraFields = Record<string, unknown>;

export type SnapshotLabel = LabelDef & { extra?: ExtraFields };

export type SnapshotProject = Omit<Project, "labels"> & { labels: SnapshotLabel[]; extra?: ExtraFields };

export interface SnapshotDocument {
  doc: DocumentRecord;
  text: string;
  extra?: ExtraFields;
}

export type SnapshotSpan = SpanRecord & { extra?: ExtraFields };

export type SnapshotLink = LinkRecord & { extra?: ExtraFields };

export type SnapshotActor = ActorRecord & { extra?: ExtraFields };

/**
 * A whole project in memory: what a project file holds, with offsets as the
 * app uses them (UTF-16 code units). `doc.projectId` and `span.projectId` equal
 * `project.id`; `doc.length` is `text.length`.
 */
export interface ProjectSnapshot {
  project: SnapshotProject;
  documents: SnapshotDocument[];
  /** Every span, tombstones included. */
  spans: SnapshotSpan[];
  /**
   * Links between spans, tombstones included. Absent when the file had no
   * links.jsonl (older files); a snapshot with it, even empty, writes one.
   */
  links?: SnapshotLink[];
  /** The actor registry, tombstones and merged actors included; absent like `links`. */
  actors?: SnapshotActor[];
  /** Members of the file this version does not read, by path, byte for byte. */
  unknownMembers: Record<string, Uint8Array>;
  /** Unknown fields of manifest.json, kept for the same reason as {@link ExtraFields}. */
  manifestExtra?: ExtraFields;
}

/** What the manifest of a decoded file said about where it came from. */
export interface ProjectFileInfo {
  formatVersion: number;
  appVersion: string;
  /** When the file was written, epoch ms. */
  createdAt: number;
}
