/** What both ways of exporting (the whole snapshot, or streamed) make the same way. */
import { actorsById } from "../../shared/coding/actors";
import type { LinkRecord } from "../../shared/coding/model";
import { linksByDocument, type ExportCoding, type ExportSource } from "../../shared/formats/jsonl";
import type { SnapshotActor, SnapshotProject } from "../../shared/projectFile";
import type { StreamedDocument } from "../../shared/projectFile/stream";

/** The project's labels, link types and actor registry, as the export checks spans and links against them. */
export function exportCoding(project: SnapshotProject, actors: readonly SnapshotActor[] | undefined): ExportCoding {
  return { labels: project.labels, actors: actorsById(actors ?? []), ...(project.linkTypes ? { linkTypes: project.linkTypes } : {}) };
}

/** The warning for an `--annotator` who has no live span in the file; `known` are those who have. */
export function annotatorWarning(annotator: string, path: string, known: Iterable<string>): string {
  const names = [...new Set(known)].sort();
  return `spanwise: warning: no spans by annotator "${annotator}" in ${path}${names.length ? ` (annotators: ${names.join(", ")})` : ""}\n`;
}

/** What the annotator warning needs to know about the spans seen (counted only while none matched). */
export class AnnotatorTally {
  /** Live spans by the annotator asked for, as long as there were none; then some. */
  matching = 0;
  /** Everyone with a live span. */
  readonly annotators = new Set<string>();
}

/**
 * The export sources of a streamed part of a project file: each document with
 * its spans (only the annotator's, with `annotator`) and, when the file has
 * links, its links. `onDocument` runs after each.
 */
export async function* streamedSources(
  documents: AsyncIterable<StreamedDocument>,
  links: readonly LinkRecord[] | undefined,
  annotator: string | undefined,
  tally: AnnotatorTally,
  onDocument: () => void,
): AsyncGenerator<ExportSource> {
  const linksByDoc = links === undefined ? undefined : linksByDocument(links);
  for await (const { document, spans } of documents) {
    const kept = annotator === undefined ? spans : spans.filter((span) => span.annotator === annotator);
    // Only the warning for an annotator without spans needs these: a million Set additions are not free.
    if (annotator !== undefined && tally.matching === 0) {
      for (const span of spans) if (!span.deleted) tally.annotators.add(span.annotator);
      for (const span of kept) if (!span.deleted) tally.matching++;
    }
    const source: ExportSource = { doc: document.doc, text: document.text, spans: kept };
    if (linksByDoc !== undefined) source.links = linksByDoc.get(document.doc.id) ?? [];
    yield source;
    onDocument();
  }
}
