import { sha256HexBytes } from "../hash";
import { DEFAULT_LIMITS, DOCUMENTS_MEMBER, MANIFEST_MEMBER, PROJECT_MEMBER, SPANS_MEMBER, type ProjectFileLimits } from "./format";
import { readCodingMembers, withoutUndefined } from "./codingMembers";
import { LineNumbers, parseJsonLines, parseJsonObjectMember } from "./jsonLines";
import { REQUIRED_MEMBERS, readLayout } from "./layout";
import { migrateContent, type RawProjectContent } from "./migrations";
import { ProblemList } from "./problems";
import { readProject, readSpan, snapshotDocument, withOptionalExtra, type DocumentText } from "./recordReaders";
import { MANIFEST_KEYS, describeIssues, documentLineSchema, extraFields, manifestSchema, spanLineSchema } from "./records";
import type { ProjectFileInfo, ProjectSnapshot, SnapshotDocument, SnapshotSpan } from "./snapshot";
import { textHashes } from "./textHashes";
import { unknownMemberKeyProblem } from "./unknownMembers";
import { inflateEntry, type RawInflate } from "./zipRead";

/**
 * How far reading has got. Stages come in this order: `unpacking` (members),
 * `parsing` (bytes of the JSON Lines members), `spans` (spans checked),
 * `documents` (texts hashed, which runs beside the span checks and finishes after them).
 */
export interface DecodeProgress {
  stage: "unpacking" | "parsing" | "documents" | "spans";
  done: number;
  total: number;
}

export interface DecodeOptions {
  /** Override some of {@link DEFAULT_LIMITS}. */
  limits?: Partial<ProjectFileLimits>;
  onProgress?: (progress: DecodeProgress) => void;
  /** A faster inflater than the built-in one, where the host has one. */
  inflate?: RawInflate;
  /**
   * SHA-256 of a member as lowercase hex, where the host has a native one.
   * Web Crypto's (the default) copies its input first: in Node that is a
   * second copy of a member of hundreds of megabytes.
   */
  sha256?: (bytes: Uint8Array) => string;
}

export type DecodeResult =
  | { ok: true; snapshot: ProjectSnapshot; info: ProjectFileInfo }
  | {
      ok: false;
      /** One sentence per problem, each starting with the file name. */
      problems: string[];
    };

/** Parsing progress is reported about once per this many bytes. */
const PARSE_PROGRESS_BYTES = 1 << 20;

/**
 * Reads a `.spanwise` file and checks all of it (zip structure, sizes, member
 * names, checksums, every record and every span's offsets and text) before
 * returning anything, so a caller can apply the result in one transaction or
 * not at all. Never throws: a file that cannot be read gives `ok: false` with
 * the reasons, each naming `fileName`.
 */
export async function decodeProjectFile(bytes: Uint8Array, fileName: string, options: DecodeOptions = {}): Promise<DecodeResult> {
  const limits: ProjectFileLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const problems = new ProblemList(limits.maxProblems);
  try {
    const decoded = await decode(bytes, limits, problems, options.onProgress ?? (() => {}), options);
    if (decoded && problems.count === 0) return { ok: true, ...decoded };
  } catch (error) {
    // Anything unexpected is a refusal too: a caller must never get half a project.
    problems.add(`could not be read (${error instanceof Error ? error.message : String(error)})`);
  }
  return { ok: false, problems: problems.render(fileName) };
}

type Decoded = { snapshot: ProjectSnapshot; info: ProjectFileInfo };
type Report = (problem: string) => void;

async function decode(
  bytes: Uint8Array,
  limits: ProjectFileLimits,
  problems: ProblemList,
  onProgress: (progress: DecodeProgress) => void,
  { inflate, sha256 }: Pick<DecodeOptions, "inflate" | "sha256">,
): Promise<Decoded | undefined> {
  const report: Report = (problem) => problems.add(problem);
  const layout = readLayout(bytes, limits, report, inflate);
  if (!layout || problems.count > 0) return undefined;
  const { entries, manifest, members, formatVersion } = layout;

  // Unpack every member and check it against its checksum. Nothing read from a
  // member is used before all checksums have matched; the digests run (in Web
  // Crypto's threads) while the members are unpacked and parsed.
  const others = [...entries.keys()].filter((name) => name !== MANIFEST_MEMBER && !REQUIRED_MEMBERS.includes(name)).sort();
  const order = [...REQUIRED_MEMBERS, ...others];
  const data = new Map<string, Uint8Array>();
  const checksums: Promise<void>[] = [];
  for (const [i, name] of order.entries()) {
    const entry = entries.get(name)!;
    // The SHA-256 from the manifest is checked instead, so the CRC would add nothing.
    const inflated = inflateEntry(bytes, entry, { checkCrc: false, ...(inflate ? { inflate } : {}) });
    if (!inflated.ok) {
      report(inflated.problem);
      continue;
    }
    checksums.push(
      (sha256 ? Promise.resolve(sha256(inflated.data)) : sha256HexBytes(inflated.data)).then((digest) => {
        if (digest !== members[name]!.sha256) {
          report(`checksum mismatch: member "${name}" does not match its SHA-256 in ${MANIFEST_MEMBER} (the file was changed or damaged after it was saved)`);
        }
      }),
    );
    // A stored member is a view into the caller's buffer: copy it, so the snapshot owns its bytes.
    // (Not .slice(): on a Node Buffer that is another view.)
    data.set(name, entry.method === 0 ? new Uint8Array(inflated.data) : inflated.data);
    onProgress({ stage: "unpacking", done: i + 1, total: order.length });
  }
  const checked = Promise.all(checksums);
  if (problems.count > 0) {
    await checked;
    return undefined;
  }

  // Problems found while parsing count only if every checksum matched: in a damaged file they are noise.
  const parseProblems = new ProblemList(limits.maxProblems);
  const reportParse: Report = (problem) => parseProblems.add(problem);
  const projectJson = parseJsonObjectMember(data.get(PROJECT_MEMBER)!, PROJECT_MEMBER);
  if (!projectJson.ok) reportParse(projectJson.problem);
  const lineNumbers = new LineNumbers();
  const documentBytes = data.get(DOCUMENTS_MEMBER)!;
  const spanBytes = data.get(SPANS_MEMBER)!;
  const parseTotal = documentBytes.length + spanBytes.length;
  let nextReport = 0;
  const parsed = (done: number) => {
    if (done < nextReport && done < parseTotal) return;
    nextReport = done + PARSE_PROGRESS_BYTES;
    onProgress({ stage: "parsing", done, total: parseTotal });
  };
  // Parsing waits for the first digests to start: they run on other threads meanwhile.
  await Promise.resolve();
  const documents = parseJsonLines(documentBytes, DOCUMENTS_MEMBER, limits.maxLineBytes, lineNumbers, reportParse, parsed);
  const spans = parseJsonLines(spanBytes, SPANS_MEMBER, limits.maxLineBytes, lineNumbers, reportParse, (done) => parsed(documentBytes.length + done));
  await checked;
  if (problems.count > 0) return undefined;
  problems.addAll(parseProblems);
  if (!projectJson.ok || problems.count > 0) return undefined;

  let content: RawProjectContent = {
    manifest,
    project: projectJson.value,
    documents,
    spans,
    otherMembers: new Map(others.map((name) => [name, data.get(name)!])),
  };
  try {
    content = migrateContent(content, formatVersion);
  } catch (error) {
    report(`could not be upgraded from file format ${formatVersion} (${error instanceof Error ? error.message : String(error)})`);
    return undefined;
  }
  return readContent(content, formatVersion, lineNumbers, report, problems, onProgress, limits.maxLineBytes);
}

/** Validates migrated content record by record and builds the snapshot, converting code point offsets to UTF-16. */
async function readContent(
  content: RawProjectContent,
  formatVersion: number,
  lineNumbers: LineNumbers,
  report: Report,
  problems: ProblemList,
  onProgress: (progress: DecodeProgress) => void,
  maxLineBytes: number,
): Promise<Decoded | undefined> {
  const where = (member: string, record: object, index: number) => {
    const line = lineNumbers.get(record, index);
    return line === undefined ? `${member} record ${index + 1}` : `${member} line ${line}`;
  };

  const manifest = manifestSchema.omit({ members: true }).safeParse(content.manifest);
  if (!manifest.success) report(`${MANIFEST_MEMBER}: ${describeIssues(manifest.error)}`);

  const projectRead = readProject(content.project, report);
  if (!projectRead) return undefined;
  const { project, labelIds } = projectRead;
  const projectId = project.id;

  // Documents: ids and texts are unique, and each textHash is the hash of its text.
  const documents: SnapshotDocument[] = [];
  const docsById = new Map<string, { entry: SnapshotDocument; at: string; text: DocumentText }>();
  const docsByHash = new Map<string, string>();
  for (const [i, raw] of content.documents.entries()) {
    const at = where(DOCUMENTS_MEMBER, raw, i);
    const parsed = documentLineSchema.safeParse(raw);
    if (!parsed.success) {
      report(`${at}: ${describeIssues(parsed.error)}`);
      continue;
    }
    const line = parsed.data;
    const earlier = docsById.get(line.id);
    if (earlier) {
      report(`${at}: document id "${line.id}" is used twice (also ${earlier.at})`);
      continue;
    }
    const sameText = docsByHash.get(line.textHash);
    if (sameText !== undefined) report(`${at}: document "${line.id}" has the same text as document "${sameText}"; a project holds each text once`);
    docsByHash.set(line.textHash, line.id);
    const entry = snapshotDocument(line, raw, projectId);
    docsById.set(line.id, { entry, at, text: { text: line.text } });
    documents.push(entry);
  }
  // The texts are hashed (in Web Crypto's threads) while the spans are checked.
  const hashesChecked = textHashes(
    documents.map((d) => d.text),
    (done, total) => onProgress({ stage: "documents", done, total }),
  ).then((hashes) =>
    documents.forEach((d, i) => {
      if (hashes[i] !== d.doc.textHash) report(`${docsById.get(d.doc.id)!.at}: the textHash of document "${d.doc.id}" does not match its text`);
    }),
  );

  // Problems with spans are listed after those with documents, whose hashes are still being checked.
  const spanProblems = new ProblemList(problems.max);
  const reportSpan: Report = (problem) => spanProblems.add(problem);
  // Spans: unique ids, an existing document and label, offsets inside the text, and the stored text at those offsets.
  const spans: SnapshotSpan[] = [];
  const spanIndex = new Map<string, number>();
  for (const [i, raw] of content.spans.entries()) {
    if (i % 10_000 === 0) onProgress({ stage: "spans", done: i, total: content.spans.length });
    // Built only for a message: this runs for each of up to a million spans.
    const at = () => where(SPANS_MEMBER, raw, i);
    const parsed = spanLineSchema.safeParse(raw);
    if (!parsed.success) {
      reportSpan(`${at()}: ${describeIssues(parsed.error)}`);
      continue;
    }
    const line = parsed.data;
    const earlier = spanIndex.get(line.id);
    if (earlier !== undefined) {
      reportSpan(`${at()}: span id "${line.id}" is used twice (also ${where(SPANS_MEMBER, content.spans[earlier]!, earlier)})`);
      continue;
    }
    spanIndex.set(line.id, i);
    const doc = docsById.get(line.docId);
    if (!doc) {
      reportSpan(`${at()}: span "${line.id}" belongs to document "${line.docId}", which is not in the file`);
      continue;
    }
    const span = readSpan(line, raw, doc.text, projectId, labelIds, (problem) => reportSpan(`${at()}: ${problem}`));
    if (span) spans.push(span);
  }
  onProgress({ stage: "spans", done: content.spans.length, total: content.spans.length });
  await hashesChecked;
  problems.addAll(spanProblems);

  if (manifest.success) {
    const { counts } = manifest.data;
    if (counts.documents !== content.documents.length) report(`${MANIFEST_MEMBER} counts ${counts.documents} documents but ${DOCUMENTS_MEMBER} has ${content.documents.length}`);
    if (counts.spans !== content.spans.length) report(`${MANIFEST_MEMBER} counts ${counts.spans} spans but ${SPANS_MEMBER} has ${content.spans.length}`);
  }
  const otherMembers = new Map(content.otherMembers);
  const coding = readCodingMembers(otherMembers, { projectId, docIds: new Set(docsById.keys()), maxLineBytes, lineNumbers, report });
  if (manifest.success) {
    const { counts } = manifest.data;
    if (counts.links !== undefined && counts.links !== (coding.links?.length ?? 0)) report(`${MANIFEST_MEMBER} counts ${counts.links} links but the file has ${coding.links?.length ?? 0}`);
    if (counts.actors !== undefined && counts.actors !== (coding.actors?.length ?? 0)) report(`${MANIFEST_MEMBER} counts ${counts.actors} actors but the file has ${coding.actors?.length ?? 0}`);
  }
  for (const [name, bytes] of otherMembers) {
    const problem = unknownMemberKeyProblem(name, bytes);
    if (problem) report(problem);
  }
  if (problems.count > 0 || !manifest.success) return undefined;

  const unknownMembers: Record<string, Uint8Array> = {};
  for (const [name, bytes] of otherMembers) unknownMembers[name] = bytes;
  const snapshot: ProjectSnapshot = withOptionalExtra(
    withoutUndefined({ project, documents, spans, links: coding.links, actors: coding.actors, unknownMembers }),
    extraFields(content.manifest, MANIFEST_KEYS),
    "manifestExtra",
  );
  return { snapshot, info: { formatVersion, appVersion: manifest.data.appVersion, createdAt: manifest.data.createdAt } };
}
