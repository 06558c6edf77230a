/**
 * Upgrades of the project file format, tldraw-style: numbered steps, each
 * from one version to the next, applied in order to the parsed content of an
 * older file before it is validated against the current schema.
 *
 * To change the format: add a step at the end of {@link FORMAT_MIGRATIONS}
 * taking version N to N + 1 (the current version follows from the list),
 * keep a fixture file of version N under tests/fixtures/projects/, and never
 * edit or remove a step that has shipped. The manifest envelope (`format`,
 * `formatVersion`, `members` with their checksums) is the same in every
 * version, so that any version can tell whether it can read a file at all.
 */

/** A file's content after parsing and before validation: plain JSON objects. */
export interface RawProjectContent {
  manifest: Record<string, unknown>;
  project: Record<string, unknown>;
  documents: Record<string, unknown>[];
  spans: Record<string, unknown>[];
  /** Members other than the four above, by path. A step may read, add or remove them. */
  otherMembers: Map<string, Uint8Array>;
}

export interface FormatMigration {
  /** The version this step reads. */
  fromVersion: number;
  /** Always `fromVersion + 1`. */
  toVersion: number;
  /** What changed, for people reading the list. */
  description: string;
  up(content: RawProjectContent): RawProjectContent;
}

/** The first format version. Files of this version need no migration. */
export const FIRST_FORMAT_VERSION = 1;

/** Every migration ever shipped, oldest first. Append only. */
export const FORMAT_MIGRATIONS: readonly FormatMigration[] = [];

/**
 * Checks that `migrations` step +1 at a time from `first`, and returns the
 * version they end at. Throws (at load time, so a bad list cannot ship) if a
 * step is missing, repeated or skips a version.
 */
export function checkMigrationSequence(migrations: readonly FormatMigration[], first = FIRST_FORMAT_VERSION): number {
  let version = first;
  for (const [i, step] of migrations.entries()) {
    if (step.fromVersion !== version || step.toVersion !== version + 1) {
      throw new Error(
        `Project file migration #${i} goes from version ${step.fromVersion} to ${step.toVersion}; expected ${version} to ${version + 1}.`,
      );
    }
    version = step.toVersion;
  }
  return version;
}

/** The format version this code writes, and the newest it reads. */
export const CURRENT_FORMAT_VERSION = checkMigrationSequence(FORMAT_MIGRATIONS);

/** Brings `content` of format `fromVersion` up to the last version of `migrations`. */
export function migrateContent(
  content: RawProjectContent,
  fromVersion: number,
  migrations: readonly FormatMigration[] = FORMAT_MIGRATIONS,
): RawProjectContent {
  let current = content;
  for (const step of migrations) {
    if (step.fromVersion >= fromVersion) current = step.up(current);
  }
  return current;
}
