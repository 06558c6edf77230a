import { concatBytes } from "../bytes";
import { sha256HexBytes } from "../hash";
import { createOffsetMap, type OffsetMap } from "../offsets";
import { checkSnapshot } from "./checkSnapshot";
import { actorLine, linkLine, spanCodingFields, withoutUndefined } from "./codingMembers";
import { ACTORS_MEMBER, DOCUMENTS_MEMBER, LINKS_MEMBER, MANIFEST_MEMBER, PROJECT_FILE_FORMAT, PROJECT_MEMBER, SPANS_MEMBER } from "./format";
import { CURRENT_FORMAT_VERSION } from "./migrations";
import { ProjectFileError } from "./problems";
import { withExtra } from "./records";
import type { ProjectSnapshot } from "./snapshot";
import { writeZip, type ZipMember } from "./zipWrite";

export interface EncodeOptions {
  /** The version of the app writing the file, recorded in the manifest. */
  appVersion: string;
  /**
   * When the file is written, epoch ms, recorded in the manifest. Defaults to
   * the project's `updatedAt`, so that the same snapshot always gives the
   * same bytes; the app passes `Date.now()`.
   */
  createdAt?: number;
  /** Deflate level, 0 (store) to 9. Default 6. */
  level?: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
  /** Recompute and check every document's textHash before writing (default true). */
  verifyTextHashes?: boolean;
}

/**
 * Writes `snapshot` as a `.spanwise` file. Deterministic: the same snapshot
 * and options give the same bytes (fixed member order, fixed timestamps,
 * records in snapshot order). Throws a {@link ProjectFileError} listing the
 * problems if the snapshot breaks a rule the decoder enforces (duplicate ids,
 * a span outside its text or splitting a surrogate pair, …): the app never
 * writes a file it would refuse to open.
 */
export async function encodeProjectFile(snapshot: ProjectSnapshot, options: EncodeOptions): Promise<Uint8Array> {
  const problems = await checkSnapshot(snapshot, { verifyTextHashes: options.verifyTextHashes ?? true });
  if (problems.length > 0) throw new ProjectFileError(problems);

  const encoder = new TextEncoder();
  const { project } = snapshot;
  const projectJson = withExtra(
    withoutUndefined({
      id: project.id,
      name: project.name,
      labels: project.labels.map((label) =>
        withExtra(withoutUndefined({ id: label.id, name: label.name, color: label.color, key: label.key, attributes: label.attributes }), label.extra),
      ),
      linkTypes: project.linkTypes,
      createdAt: project.createdAt,
      updatedAt: project.updatedAt,
    }),
    project.extra,
  );

  const documentLines = snapshot.documents.map(({ doc, text, extra }) =>
    JSON.stringify(
      withExtra(
        withoutUndefined({
          id: doc.id,
          title: doc.title,
          textHash: doc.textHash,
          text,
          createdAt: doc.createdAt,
          publishedAt: doc.publishedAt,
          source: doc.source,
          status: doc.status,
          updatedAt: doc.updatedAt,
        }),
        extra,
      ),
    ),
  );

  const texts = new Map<string, { text: string; map?: OffsetMap }>(snapshot.documents.map((d) => [d.doc.id, { text: d.text }]));
  const spanLines = snapshot.spans.map((span) => {
    const doc = texts.get(span.docId)!;
    const map = (doc.map ??= createOffsetMap(doc.text));
    const line = {
      id: span.id,
      docId: span.docId,
      start: map.toCodePoint(span.start),
      end: map.toCodePoint(span.end),
      label: span.label,
      text: doc.text.slice(span.start, span.end),
      annotator: span.annotator,
      createdAt: span.createdAt,
      updatedAt: span.updatedAt,
      deleted: span.deleted,
      ...spanCodingFields(span),
    };
    return JSON.stringify(withExtra(line, span.extra));
  });

  const members: ZipMember[] = [
    { name: PROJECT_MEMBER, data: encoder.encode(`${JSON.stringify(projectJson)}\n`) },
    { name: DOCUMENTS_MEMBER, data: encodeLines(documentLines) },
    { name: SPANS_MEMBER, data: encodeLines(spanLines) },
    // Written only when the snapshot has them, so a project without event coding gives the same file as before.
    ...(snapshot.links ? [{ name: LINKS_MEMBER, data: encodeLines(snapshot.links.map(linkLine)) }] : []),
    ...(snapshot.actors ? [{ name: ACTORS_MEMBER, data: encodeLines(snapshot.actors.map(actorLine)) }] : []),
    ...Object.keys(snapshot.unknownMembers)
      .sort()
      .map((name) => ({ name, data: snapshot.unknownMembers[name]! })),
  ];

  const listing: Record<string, { sha256: string; bytes: number }> = {};
  for (const member of members) listing[member.name] = { sha256: await sha256HexBytes(member.data), bytes: member.data.length };
  const manifest = withExtra(
    {
      format: PROJECT_FILE_FORMAT,
      formatVersion: CURRENT_FORMAT_VERSION,
      appVersion: options.appVersion,
      createdAt: options.createdAt ?? project.updatedAt,
      counts: {
        documents: snapshot.documents.length,
        spans: snapshot.spans.length,
        deletedSpans: snapshot.spans.reduce((n, span) => n + (span.deleted ? 1 : 0), 0),
        labels: project.labels.length,
        ...(snapshot.links ? { links: snapshot.links.length } : {}),
        ...(snapshot.actors ? { actors: snapshot.actors.length } : {}),
      },
      members: listing,
    },
    snapshot.manifestExtra,
  );
  const manifestBytes = encoder.encode(`${JSON.stringify(manifest, null, 2)}\n`);
  return writeZip([{ name: MANIFEST_MEMBER, data: manifestBytes }, ...members], options.level ?? 6);
}

/** Strings of about this many code units are encoded at a time. */
const ENCODE_BLOCK = 1 << 20;

/**
 * Lines joined with "\n" after each, as UTF-8. Encoded a block of lines at a
 * time: one string for a whole member could exceed what an engine allows, and
 * one encode per line is slow at a million spans.
 */
function encodeLines(lines: readonly string[]): Uint8Array {
  const encoder = new TextEncoder();
  const parts: Uint8Array[] = [];
  let block = "";
  for (const line of lines) {
    block += `${line}\n`;
    if (block.length >= ENCODE_BLOCK) {
      parts.push(encoder.encode(block));
      block = "";
    }
  }
  if (block !== "") parts.push(encoder.encode(block));
  return concatBytes(parts);
}
