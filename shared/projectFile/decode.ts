import { sha256HexBytes } from "../hash";
import { createOffsetMap, type OffsetMap } from "../offsets";
import { DEFAULT_LIMITS, DOCUMENTS_MEMBER, MANIFEST_MEMBER, PROJECT_FILE_FORMAT, PROJECT_MEMBER, SPANS_MEMBER, type ProjectFileLimits } from "./format";
import { readCodingMembers, spanCodingFields, withoutUndefined } from "./codingMembers";
import { LineNumbers, parseJsonLines, parseJsonObjectMember } from "./jsonLines";
import { memberNameProblem } from "./memberNames";
import { CURRENT_FORMAT_VERSION, migrateContent, type RawProjectContent } from "./migrations";
import { ProblemList, quoteShort } from "./problems";
import { textHashes } from "./textHashes";
import {
  DOCUMENT_KEYS,
  LABEL_KEYS,
  MANIFEST_KEYS,
  PROJECT_KEYS,
  SPAN_KEYS,
  describeIssues,
  documentLineSchema,
  extraFields,
  labelSchema,
  manifestEnvelopeSchema,
  manifestSchema,
  projectSchema,
  spanLineSchema,
} from "./records";
import type { ProjectFileInfo, ProjectSnapshot, SnapshotDocument, SnapshotLabel, SnapshotProject, SnapshotSpan } from "./snapshot";
import { formatBytes } from "../units";
import { inflateEntry, readZipDirectory, type RawInflate, type ZipEntry } from "./zipRead";

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

const REQUIRED_MEMBERS = [PROJECT_MEMBER, DOCUMENTS_MEMBER, SPANS_MEMBER];
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
  const directory = readZipDirectory(bytes, limits);
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
  const manifest = readMetadata(bytes, manifestEntry, limits, report, inflate);
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
  for (const [name, listed] of Object.entries(members)) {
    const nameProblem = memberNameProblem(name);
    const entry = entries.get(name);
    if (nameProblem) report(`${MANIFEST_MEMBER} lists a member that ${nameProblem}`);
    else if (name === MANIFEST_MEMBER) report(`${MANIFEST_MEMBER} lists itself`);
    else if (!entry) report(`member "${name}" is listed in ${MANIFEST_MEMBER} but missing`);
    else if (entry.size !== listed.bytes) report(`member "${name}" is ${formatBytes(entry.size)} but ${MANIFEST_MEMBER} says ${formatBytes(listed.bytes)}`);
  }
  for (const name of entries.keys()) {
    if (name !== MANIFEST_MEMBER && !Object.hasOwn(members, name)) report(`member "${name}" is not listed in ${MANIFEST_MEMBER}`);
  }
  for (const name of REQUIRED_MEMBERS) {
    if (!entries.has(name) && !Object.hasOwn(members, name)) report(`${name} is missing`);
  }
  if (problems.count > 0) return undefined;
  const project = entries.get(PROJECT_MEMBER)!;
  if (project.size > limits.maxMetadataBytes) {
    report(`${PROJECT_MEMBER} is too large: ${formatBytes(project.size)} (at most ${formatBytes(limits.maxMetadataBytes)})`);
    return undefined;
  }

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

function readMetadata(bytes: Uint8Array, entry: ZipEntry, limits: ProjectFileLimits, report: Report, inflate: RawInflate | undefined): Record<string, unknown> | undefined {
  if (entry.size > limits.maxMetadataBytes) {
    report(`${entry.name} is too large: ${formatBytes(entry.size)} (at most ${formatBytes(limits.maxMetadataBytes)})`);
    return undefined;
  }
  const inflated = inflateEntry(bytes, entry, inflate ? { inflate } : {});
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

  const projectParsed = projectSchema.safeParse(content.project);
  if (!projectParsed.success) {
    report(`${PROJECT_MEMBER}: ${describeIssues(projectParsed.error)}`);
    return undefined;
  }
  const labels: SnapshotLabel[] = [];
  const labelIds = new Set<string>();
  for (const [i, raw] of projectParsed.data.labels.entries()) {
    const parsed = labelSchema.safeParse(raw);
    if (!parsed.success) {
      report(`${PROJECT_MEMBER}: label ${i + 1}: ${describeIssues(parsed.error)}`);
      continue;
    }
    if (labelIds.has(parsed.data.id)) report(`${PROJECT_MEMBER}: label id "${parsed.data.id}" is used twice`);
    labelIds.add(parsed.data.id);
    labels.push(withOptionalExtra(withoutUndefined({ ...parsed.data }), extraFields(raw, LABEL_KEYS)));
  }
  const { id: projectId, name, linkTypes, createdAt, updatedAt } = projectParsed.data;
  const project: SnapshotProject = withOptionalExtra(
    withoutUndefined({ id: projectId, name, labels, linkTypes, createdAt, updatedAt }),
    extraFields(content.project, PROJECT_KEYS),
  );

  // Documents: ids and texts are unique, and each textHash is the hash of its text.
  const documents: SnapshotDocument[] = [];
  const docsById = new Map<string, { entry: SnapshotDocument; at: string; map?: OffsetMap }>();
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
    const doc = withoutUndefined({
      id: line.id,
      projectId,
      title: line.title,
      textHash: line.textHash,
      length: line.text.length,
      createdAt: line.createdAt,
      publishedAt: line.publishedAt,
    });
    const entry: SnapshotDocument = withOptionalExtra({ doc, text: line.text }, extraFields(raw, DOCUMENT_KEYS));
    docsById.set(line.id, { entry, at });
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
    if (!labelIds.has(line.label)) reportSpan(`${at()}: span "${line.id}" has the label "${line.label}", which ${PROJECT_MEMBER} does not define`);
    if (line.start >= line.end) {
      reportSpan(`${at()}: span "${line.id}" is empty or reversed (start ${line.start}, end ${line.end})`);
      continue;
    }
    const map = (doc.map ??= createOffsetMap(doc.entry.text));
    if (line.end > map.codePointLength) {
      reportSpan(
        `${at()}: span "${line.id}" ends at ${line.end}, past the end of document "${line.docId}" (${map.codePointLength} characters, counted in code points)`,
      );
      continue;
    }
    const start = map.toUtf16(line.start);
    const end = map.toUtf16(line.end);
    const actual = doc.entry.text.slice(start, end);
    if (actual !== line.text) {
      reportSpan(`${at()}: the text of span "${line.id}" does not match its offsets: the file says ${quoteShort(line.text)}, the document has ${quoteShort(actual)} there`);
      continue;
    }
    const span: SnapshotSpan = {
      id: line.id,
      projectId,
      docId: line.docId,
      start,
      end,
      label: line.label,
      annotator: line.annotator,
      createdAt: line.createdAt,
      updatedAt: line.updatedAt,
      deleted: line.deleted,
      ...spanCodingFields(line),
    };
    spans.push(withOptionalExtra(span, extraFields(raw, SPAN_KEYS)));
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

/** `record`, with `extra` under `key` only when there is any, so records without unknown fields compare equal to plain ones. */
function withOptionalExtra<T extends object>(record: T, extra: Record<string, unknown> | undefined, key = "extra"): T {
  return extra === undefined ? record : { ...record, [key]: extra };
}
