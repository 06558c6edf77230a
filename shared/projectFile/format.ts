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
  /**
   * Largest uncompressed size, all together, of the members this version does
   * not read (written by a newer Spanwise). They are kept whole in memory and
   * written back byte for byte (a merge copies them into its output), so they
   * are bounded far below the members Spanwise reads as it goes.
   */
  maxUnknownBytes: number;
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
  maxUnknownBytes: 64 * MiB,
};

/**
 * Reading a project file whole (to open or merge it) holds its unpacked
 * members, then their parsed records and decoded texts beside them: several
 * times the unpacked size. A quarter of the machine's memory leaves room for
 * that and for the app and its output.
 */
const MEMORY_PER_UNPACKED_BYTE = 4;

/**
 * {@link DEFAULT_LIMITS}, with the total unpacked size (and so each member's)
 * lowered to what a machine with `memoryBytes` of memory can read whole. A
 * host that knows its memory (the command-line tool) passes it; reading a
 * file as a stream needs no such bound.
 */
export function limitsForMemory(memoryBytes: number): ProjectFileLimits {
  const total = Math.min(DEFAULT_LIMITS.maxTotalBytes, Math.floor(memoryBytes / MEMORY_PER_UNPACKED_BYTE));
  return { ...DEFAULT_LIMITS, maxTotalBytes: total, maxEntryBytes: Math.min(DEFAULT_LIMITS.maxEntryBytes, total) };
}
