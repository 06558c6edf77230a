import type { ZipLimits } from "./zipRead";

/** The `format` of every project file's manifest. */
export const PROJECT_FILE_FORMAT = "spanwise-project";

/** Conventional file name extension, with the dot. */
export const PROJECT_FILE_EXTENSION = ".spanwise";

export const MANIFEST_MEMBER = "manifest.json";
export const PROJECT_MEMBER = "project.json";
export const DOCUMENTS_MEMBER = "documents.jsonl";
export const SPANS_MEMBER = "spans.jsonl";
/** Links between spans; optional (files written before event coding have none). */
export const LINKS_MEMBER = "links.jsonl";
/** The actor registry; optional, like links. */
export const ACTORS_MEMBER = "actors.jsonl";

/** The members this version reads, in the order they are written (the manifest first). */
export const KNOWN_MEMBERS: readonly string[] = [MANIFEST_MEMBER, PROJECT_MEMBER, DOCUMENTS_MEMBER, SPANS_MEMBER, LINKS_MEMBER, ACTORS_MEMBER];

/** What a project file may contain before it is refused unread. */
export interface ProjectFileLimits extends ZipLimits {
  /** Largest manifest.json or project.json, in bytes. */
  maxMetadataBytes: number;
  /** Longest line of a JSON Lines member, in bytes (one document with its whole text is one line). */
  maxLineBytes: number;
  /** Problems listed before the rest are summarised as "and N more". */
  maxProblems: number;
}

const MiB = 1024 * 1024;

/**
 * Sized for the corpus the app is designed for (100,000 documents and
 * 1,000,000 spans, about 1 GiB unpacked) with room to spare, and far below
 * what would exhaust memory in a browser tab.
 */
export const DEFAULT_LIMITS: ProjectFileLimits = {
  maxEntries: 10_000,
  maxEntryBytes: 1024 * MiB,
  maxTotalBytes: 2048 * MiB,
  maxMetadataBytes: 16 * MiB,
  maxLineBytes: 64 * MiB,
  maxProblems: 20,
};
