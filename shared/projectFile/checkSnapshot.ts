import { createOffsetMap, type OffsetMap } from "../offsets";
import { findForbiddenKey } from "../safeJson";
import { KNOWN_MEMBERS } from "./format";
import { memberNameProblem } from "./memberNames";
import { ProblemList } from "./problems";
import type { ProjectSnapshot } from "./snapshot";
import { textHashes } from "./textHashes";

export interface CheckSnapshotOptions {
  /** Recompute every document's SHA-256 and compare it with `textHash` (default true). */
  verifyTextHashes?: boolean;
  maxProblems?: number;
}

/**
 * Why `snapshot` cannot be written as a project file, as sentences; empty when
 * it can. The same rules the decoder enforces, stated on the in-memory shape
 * (UTF-16 offsets), so the app never saves a file it would refuse to open.
 */
export async function checkSnapshot(snapshot: ProjectSnapshot, options: CheckSnapshotOptions = {}): Promise<string[]> {
  const problems = new ProblemList(options.maxProblems ?? 20);
  const report = (problem: string) => problems.add(problem);
  const { project } = snapshot;
  if (project.id === "") report("the project has an empty id");
  const labelIds = new Set<string>();
  for (const label of project.labels) {
    if (label.id === "") report("a label has an empty id");
    if (labelIds.has(label.id)) report(`label id "${label.id}" is used twice`);
    labelIds.add(label.id);
    checkExtra(label.extra, `label "${label.id}"`, report);
    if (label.attributes !== undefined) checkExtra({ attributes: label.attributes }, `label "${label.id}"`, report);
  }
  checkExtra(project.extra, "the project", report);
  if (project.linkTypes !== undefined) checkExtra({ linkTypes: project.linkTypes }, "the project's link types", report);
  checkExtra(snapshot.manifestExtra, "the manifest", report);

  const docs = new Map<string, { text: string; map?: OffsetMap }>();
  const hashes = new Map<string, string>();
  for (const { doc, text, extra } of snapshot.documents) {
    const what = `document "${doc.id}"`;
    if (doc.id === "") report("a document has an empty id");
    if (docs.has(doc.id)) report(`document id "${doc.id}" is used twice`);
    docs.set(doc.id, { text });
    if (doc.projectId !== project.id) report(`${what} belongs to project "${doc.projectId}", not "${project.id}"`);
    if (doc.length !== text.length) report(`${what} has length ${doc.length} but its text has ${text.length} UTF-16 code units`);
    if (!/^[0-9a-f]{64}$/.test(doc.textHash)) report(`${what} has a textHash that is not a SHA-256 in hex`);
    const sameText = hashes.get(doc.textHash);
    if (sameText !== undefined) report(`${what} has the same text as document "${sameText}"`);
    hashes.set(doc.textHash, doc.id);
    checkExtra(extra, what, report);
  }
  if (options.verifyTextHashes ?? true) {
    const computed = await textHashes(snapshot.documents.map((d) => d.text));
    snapshot.documents.forEach((d, i) => {
      if (computed[i] !== d.doc.textHash) report(`the textHash of document "${d.doc.id}" does not match its text`);
    });
  }

  const spanIds = new Set<string>();
  for (const span of snapshot.spans) {
    // Run for each of up to a million spans: messages are built only when something is wrong.
    if (span.id === "") report("a span has an empty id");
    if (spanIds.has(span.id)) report(`span id "${span.id}" is used twice`);
    spanIds.add(span.id);
    if (span.projectId !== project.id) report(`span "${span.id}" belongs to project "${span.projectId}", not "${project.id}"`);
    if (!labelIds.has(span.label)) report(`span "${span.id}" has the label "${span.label}", which the project does not define`);
    if (span.extra !== undefined) checkExtra(span.extra, `span "${span.id}"`, report);
    if (span.attrs !== undefined) checkExtra(span.attrs, `span "${span.id}" (its attributes)`, report);
    if (span.actorId === "") report(`span "${span.id}" has an empty actorId`);
    const doc = docs.get(span.docId);
    if (!doc) {
      report(`span "${span.id}" belongs to document "${span.docId}", which is not in the project`);
      continue;
    }
    if (!(span.start < span.end)) {
      report(`span "${span.id}" is empty or reversed (start ${span.start}, end ${span.end})`);
      continue;
    }
    const map = (doc.map ??= createOffsetMap(doc.text));
    checkOffset(map, span.start, "starts", span.id, doc.text.length, report);
    checkOffset(map, span.end, "ends", span.id, doc.text.length, report);
  }

  checkRecords(snapshot.links ?? [], "link", project.id, report, (link) => {
    if (!docs.has(link.docId)) report(`link "${link.id}" belongs to document "${link.docId}", which is not in the project`);
    if (link.type === "" || link.from === "" || link.to === "") report(`link "${link.id}" has an empty type, start or target`);
  });
  checkRecords(snapshot.actors ?? [], "actor", project.id, report, (actor) => {
    if (actor.mergedInto === "") report(`actor "${actor.id}" has an empty mergedInto`);
  });

  for (const name of Object.keys(snapshot.unknownMembers)) {
    const problem = memberNameProblem(name);
    if (problem) report(`unknown member "${name}" ${problem}`);
    else if (KNOWN_MEMBERS.includes(name)) report(`unknown member "${name}" has the name of a member Spanwise writes itself`);
    else if (name.endsWith("/")) report(`unknown member "${name}" is a folder`);
  }
  return problems.render();
}

/** Unique non-empty ids, the project's id, no forbidden keys: what links and actors share. */
function checkRecords<T extends { id: string; projectId: string; extra?: Record<string, unknown> }>(
  records: readonly T[],
  what: string,
  projectId: string,
  report: (problem: string) => void,
  more: (record: T) => void,
): void {
  const ids = new Set<string>();
  for (const record of records) {
    if (record.id === "") report(`a ${what} has an empty id`);
    if (ids.has(record.id)) report(`${what} id "${record.id}" is used twice`);
    ids.add(record.id);
    if (record.projectId !== projectId) report(`${what} "${record.id}" belongs to project "${record.projectId}", not "${projectId}"`);
    checkExtra(record.extra, `${what} "${record.id}"`, report);
    more(record);
  }
}

function checkOffset(map: OffsetMap, offset: number, edge: string, spanId: string, length: number, report: (problem: string) => void): void {
  try {
    map.toCodePoint(offset);
  } catch {
    report(
      Number.isInteger(offset) && offset > 0 && offset < length
        ? `span "${spanId}" ${edge} inside a surrogate pair (between the two halves of one character) at ${offset}`
        : `span "${spanId}" ${edge} at ${offset}, outside its document (${length} UTF-16 code units)`,
    );
  }
}

function checkExtra(extra: Record<string, unknown> | undefined, what: string, report: (problem: string) => void): void {
  if (extra === undefined) return;
  const key = findForbiddenKey(extra);
  if (key !== undefined) report(`${what} has the forbidden key "${key}" among its extra fields`);
}
