/**
 * The `.spanwise` project file: a zip of JSON members with a manifest of
 * checksums. See decode.ts for what is checked on reading and encode.ts for
 * how files are written; README documents the format.
 */
export { decodeProjectFile, type DecodeOptions, type DecodeProgress, type DecodeResult } from "./decode";
export { encodeProjectFile, type EncodeOptions } from "./encode";
export { checkSnapshot, type CheckSnapshotOptions } from "./checkSnapshot";
export { ProjectFileError } from "./problems";
export {
  DEFAULT_LIMITS,
  limitsForMemory,
  DOCUMENTS_MEMBER,
  MANIFEST_MEMBER,
  PROJECT_FILE_EXTENSION,
  PROJECT_FILE_FORMAT,
  PROJECT_MEMBER,
  SPANS_MEMBER,
  LINKS_MEMBER,
  ACTORS_MEMBER,
  type ProjectFileLimits,
} from "./format";
export { CURRENT_FORMAT_VERSION, FIRST_FORMAT_VERSION, FORMAT_MIGRATIONS, type FormatMigration, type RawProjectContent } from "./migrations";
export type {
  ExtraFields,
  ProjectFileInfo,
  ProjectSnapshot,
  SnapshotDocument,
  SnapshotLabel,
  SnapshotProject,
  SnapshotSpan,
  SnapshotLink,
  SnapshotActor,
} from "./snapshot";
