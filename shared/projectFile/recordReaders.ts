/**
 * The checks and conversions of single records, shared by the decoder (which
 * reads a whole file into memory) and the streaming reader (which reads the
 * documents and spans of a big file as they are unpacked). Each takes a record
 * that already matched its schema, reports what is wrong without saying where
 * (the caller knows the line), and builds the in-memory record.
 */
import { createOffsetMap, type OffsetMap } from "../offsets";
import { spanCodingFields, withoutUndefined } from "./codingMembers";
import { PROJECT_MEMBER } from "./format";
import { quoteShort } from "./problems";
import { DOCUMENT_KEYS, LABEL_KEYS, PROJECT_KEYS, SPAN_KEYS, describeIssues, extraFields, labelSchema, projectSchema, type DocumentLine, type SpanLine } from "./records";
import type { SnapshotDocument, SnapshotLabel, SnapshotProject, SnapshotSpan } from "./snapshot";

type Report = (problem: string) => void;

/** A document's text, with its offset map built on the first span that needs it. */
export interface DocumentText {
  text: string;
  map?: OffsetMap;
}

/** project.json with its labels, and the labels' ids; undefined when project.json itself is wrong (each problem is reported whole). */
export function readProject(raw: Record<string, unknown>, report: Report): { project: SnapshotProject; labelIds: Set<string> } | undefined {
  const projectParsed = projectSchema.safeParse(raw);
  if (!projectParsed.success) {
    report(`${PROJECT_MEMBER}: ${describeIssues(projectParsed.error)}`);
    return undefined;
  }
  const labels: SnapshotLabel[] = [];
  const labelIds = new Set<string>();
  for (const [i, rawLabel] of projectParsed.data.labels.entries()) {
    const parsed = labelSchema.safeParse(rawLabel);
    if (!parsed.success) {
      report(`${PROJECT_MEMBER}: label ${i + 1}: ${describeIssues(parsed.error)}`);
      continue;
    }
    if (labelIds.has(parsed.data.id)) report(`${PROJECT_MEMBER}: label id "${parsed.data.id}" is used twice`);
    labelIds.add(parsed.data.id);
    labels.push(withOptionalExtra(withoutUndefined({ ...parsed.data }), extraFields(rawLabel, LABEL_KEYS)));
  }
  const { id, name, linkTypes, createdAt, updatedAt } = projectParsed.data;
  const project: SnapshotProject = withOptionalExtra(withoutUndefined({ id, name, labels, linkTypes, createdAt, updatedAt }), extraFields(raw, PROJECT_KEYS));
  return { project, labelIds };
}

/** The document of a line of documents.jsonl (`raw`, which matched the schema as `line`). */
export function snapshotDocument(line: DocumentLine, raw: Record<string, unknown>, projectId: string): SnapshotDocument {
  const doc = withoutUndefined({
    id: line.id,
    projectId,
    title: line.title,
    textHash: line.textHash,
    length: line.text.length,
    createdAt: line.createdAt,
    publishedAt: line.publishedAt,
    source: line.source,
    status: line.status,
    updatedAt: line.updatedAt,
  });
  return withOptionalExtra({ doc, text: line.text }, extraFields(raw, DOCUMENT_KEYS));
}

/**
 * The span of a line of spans.jsonl (`raw`, which matched the schema as
 * `line`) in its document `doc`, with offsets converted to UTF-16; undefined
 * when it cannot be placed. Checks the label, that the offsets are in order
 * and inside the text, and that the stored text is what the offsets cut out.
 * Runs for each of up to a million spans: messages are built only when wrong.
 */
export function readSpan(line: SpanLine, raw: Record<string, unknown>, doc: DocumentText, projectId: string, labelIds: ReadonlySet<string>, report: Report): SnapshotSpan | undefined {
  if (!labelIds.has(line.label)) report(`span "${line.id}" has the label "${line.label}", which ${PROJECT_MEMBER} does not define`);
  if (line.start >= line.end) {
    report(`span "${line.id}" is empty or reversed (start ${line.start}, end ${line.end})`);
    return undefined;
  }
  const map = (doc.map ??= createOffsetMap(doc.text));
  if (line.end > map.codePointLength) {
    report(`span "${line.id}" ends at ${line.end}, past the end of document "${line.docId}" (${map.codePointLength} characters, counted in code points)`);
    return undefined;
  }
  const start = map.toUtf16(line.start);
  const end = map.toUtf16(line.end);
  const actual = doc.text.slice(start, end);
  if (actual !== line.text) {
    report(`the text of span "${line.id}" does not match its offsets: the file says ${quoteShort(line.text)}, the document has ${quoteShort(actual)} there`);
    return undefined;
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
  return withOptionalExtra(span, extraFields(raw, SPAN_KEYS));
}

/** `record`, with `extra` under `key` only when there is any, so records without unknown fields compare equal to plain ones. */
export function withOptionalExtra<T extends object>(record: T, extra: Record<string, unknown> | undefined, key = "extra"): T {
  return extra === undefined ? record : { ...record, [key]: extra };
}
