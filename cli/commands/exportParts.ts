/** What both ways of exporting (the whole snapshot, or streamed) make the same way. */
import { actorsById } from "../../shared/coding/actors";
import type { LinkRecord } from "../../shared/coding/model";
import type { ExportCoding } from "../../shared/formats/jsonl";
import type { SnapshotActor, SnapshotProject } from "../../shared/projectFile";

/** The project's labels, link types and actor registry, as the export checks spans and links against them. */
export function exportCoding(project: SnapshotProject, actors: readonly SnapshotActor[] | undefined): ExportCoding {
  return { labels: project.labels, actors: actorsById(actors ?? []), ...(project.linkTypes ? { linkTypes: project.linkTypes } : {}) };
}

/** Links by their document's id, each document's in file order. */
export function linksByDocument(links: readonly LinkRecord[]): Map<string, LinkRecord[]> {
  const byDoc = new Map<string, LinkRecord[]>();
  for (const link of links) {
    let list = byDoc.get(link.docId);
    if (!list) byDoc.set(link.docId, (list = []));
    list.push(link);
  }
  return byDoc;
}

/** The warning for an `--annotator` who has no live span in the file; `known` are those who have. */
export function annotatorWarning(annotator: string, path: string, known: Iterable<string>): string {
  const names = [...new Set(known)].sort();
  return `spanwise: warning: no spans by annotator "${annotator}" in ${path}${names.length ? ` (annotators: ${names.join(", ")})` : ""}\n`;
}
