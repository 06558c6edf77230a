import type { ProjectSnapshot } from "../projectFile/snapshot";
import type { CodingSource } from "./model";

/** A project snapshot (a project file's content) as what event coding reads. */
export function codingSource(snapshot: ProjectSnapshot): CodingSource {
  const source: CodingSource = {
    labels: snapshot.project.labels,
    documents: snapshot.documents,
    spans: snapshot.spans,
    links: snapshot.links ?? [],
    actors: snapshot.actors ?? [],
  };
  if (snapshot.project.linkTypes !== undefined) source.linkTypes = snapshot.project.linkTypes;
  return source;
}
