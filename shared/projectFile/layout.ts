/**
 * The first part of reading a project file, before any big member is
 * unpacked: the zip directory, the manifest, and that the manifest's listing
 * of members (names, sizes) matches the zip. Shared by the decoder and the
 * streaming reader, so both refuse the same files for the same reasons.
 */
import { formatBytes } from "../units";
import { DOCUMENTS_MEMBER, MANIFEST_MEMBER, PROJECT_FILE_FORMAT, PROJECT_MEMBER, SPANS_MEMBER, type ProjectFileLimits } from "./format";
import { parseJsonObjectMember } from "./jsonLines";
import { memberNameProblem } from "./memberNames";
import { CURRENT_FORMAT_VERSION } from "./migrations";
import { describeIssues, manifestEnvelopeSchema, manifestSchema } from "./records";
import { unknownMemberSizeProblems } from "./unknownMembers";
import { inflateEntry, readZipDirectory, type RawInflate, type ZipEntry, type ZipSource } from "./zipRead";

type Report = (problem: string) => void;

/** The members every project file has, in the order they are read. */
export const REQUIRED_MEMBERS: readonly string[] = [PROJECT_MEMBER, DOCUMENTS_MEMBER, SPANS_MEMBER];

export interface ProjectLayout {
  /** The zip's file members by name. */
  entries: Map<string, ZipEntry>;
  /** manifest.json, parsed but checked only as far as its envelope and listing. */
  manifest: Record<string, unknown>;
  /** The manifest's listing: each member's SHA-256 and size. */
  members: Record<string, { sha256: string; bytes: number }>;
  formatVersion: number;
}

/** The layout of the project file in `zip`, or undefined after reporting why it cannot be read. */
export function readLayout(zip: Uint8Array | ZipSource, limits: ProjectFileLimits, report: Report, inflate: RawInflate | undefined): ProjectLayout | undefined {
  const directory = readZipDirectory(zip, limits);
  if (!directory.ok) {
    directory.problems.forEach(report);
    return undefined;
  }
  const entries = new Map(directory.entries.map((entry) => [entry.name, entry]));

  const manifestEntry = entries.get(MANIFEST_MEMBER);
  if (!manifestEntry) {
    report(`not a Spanwise project file: it has no ${MANIFEST_MEMBER}`);
    return undefined;
  }
  const manifest = readMetadata(zip, manifestEntry, limits, report, inflate);
  if (!manifest) return undefined;
  if (manifest.format !== PROJECT_FILE_FORMAT) {
    report(`not a Spanwise project file: ${MANIFEST_MEMBER} gives its format as ${JSON.stringify(manifest.format) ?? "nothing"}`);
    return undefined;
  }
  const envelope = manifestEnvelopeSchema.safeParse(manifest);
  if (!envelope.success) {
    report(`${MANIFEST_MEMBER}: ${describeIssues(envelope.error)}`);
    return undefined;
  }
  const formatVersion = envelope.data.formatVersion;
  if (formatVersion > CURRENT_FORMAT_VERSION) {
    report(
      `made by a newer version of Spanwise (file format ${formatVersion}; this version reads format ${CURRENT_FORMAT_VERSION} and older). Update Spanwise to open it.`,
    );
    return undefined;
  }
  const listing = manifestSchema.shape.members.safeParse(manifest.members);
  if (!listing.success) {
    report(`${MANIFEST_MEMBER}: field "members" ${describeIssues(listing.error)}`);
    return undefined;
  }
  const members = listing.data;

  // Every member is listed with its size and checksum, and every listed member is there.
  let problems = 0;
  const reportListing: Report = (problem) => {
    problems++;
    report(problem);
  };
  for (const [name, listed] of Object.entries(members)) {
    const nameProblem = memberNameProblem(name);
    const entry = entries.get(name);
    if (nameProblem) reportListing(`${MANIFEST_MEMBER} lists a member that ${nameProblem}`);
    else if (name === MANIFEST_MEMBER) reportListing(`${MANIFEST_MEMBER} lists itself`);
    else if (!entry) reportListing(`member "${name}" is listed in ${MANIFEST_MEMBER} but missing`);
    else if (entry.size !== listed.bytes) reportListing(`member "${name}" is ${formatBytes(entry.size)} but ${MANIFEST_MEMBER} says ${formatBytes(listed.bytes)}`);
  }
  for (const name of entries.keys()) {
    if (name !== MANIFEST_MEMBER && !Object.hasOwn(members, name)) reportListing(`member "${name}" is not listed in ${MANIFEST_MEMBER}`);
  }
  for (const name of REQUIRED_MEMBERS) {
    if (!entries.has(name) && !Object.hasOwn(members, name)) reportListing(`${name} is missing`);
  }
  for (const problem of unknownMemberSizeProblems(entries.values(), limits.maxUnknownBytes)) reportListing(problem);
  if (problems > 0) return undefined;
  const project = entries.get(PROJECT_MEMBER)!;
  if (project.size > limits.maxMetadataBytes) {
    report(`${PROJECT_MEMBER} is too large: ${formatBytes(project.size)} (at most ${formatBytes(limits.maxMetadataBytes)})`);
    return undefined;
  }
  return { entries, manifest, members, formatVersion };
}

/** A small JSON member (manifest.json, project.json) as one object, refusing it when it is larger than the metadata limit. */
export function readMetadata(zip: Uint8Array | ZipSource, entry: ZipEntry, limits: ProjectFileLimits, report: Report, inflate: RawInflate | undefined): Record<string, unknown> | undefined {
  if (entry.size > limits.maxMetadataBytes) {
    report(`${entry.name} is too large: ${formatBytes(entry.size)} (at most ${formatBytes(limits.maxMetadataBytes)})`);
    return undefined;
  }
  const inflated = inflateEntry(zip, entry, inflate ? { inflate } : {});
  if (!inflated.ok) {
    report(inflated.problem);
    return undefined;
  }
  const parsed = parseJsonObjectMember(inflated.data, entry.name);
  if (!parsed.ok) {
    report(parsed.problem);
    return undefined;
  }
  return parsed.value;
}
