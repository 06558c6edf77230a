import { actorsById } from "../../shared/coding/actors";
import { projectLinkTypes, type LinkRecord } from "../../shared/coding/model";
import { jsonlChunks } from "../../shared/formats/jsonl";
import { db } from "./db";
import { readProjectDocuments, type Share } from "./documents";

/**
 * Lines are packed into Blobs of about this many characters. Memory holds
 * one part's lines; each Blob has a cost of its own (in Chromium, parts of
 * 8 MB made 264 MB twice as slowly as parts of 64 MB).
 */
const PART_CHARS = 64 * 1024 * 1024;

/**
 * The project's JSONL dataset as Blob parts of up to 64 MB each: the lines are
 * streamed from the store document by document and never joined into one
 * string, so memory stays bounded by a part, not the dataset.
 */
export async function exportJsonlParts(projectId: string, share?: Share): Promise<{ parts: Blob[]; documents: number }> {
  const project = await db.projects.get(projectId);
  if (!project) throw new Error("The project is no longer in the store.");
  const actors = actorsById(await db.actors.where("projectId").equals(projectId).toArray());
  const linksByDoc = new Map<string, LinkRecord[]>();
  for (const link of await db.links.where("projectId").equals(projectId).toArray()) {
    const list = linksByDoc.get(link.docId);
    if (list) list.push(link);
    else linksByDoc.set(link.docId, [link]);
  }
  const withLinks = async function* () {
    for await (const item of readProjectDocuments(projectId, share ? { share } : {})) yield { ...item, links: linksByDoc.get(item.doc.id) ?? [] };
  };
  const parts: Blob[] = [];
  let lines: string[] = [];
  let chars = 0;
  let documents = 0;
  for await (const line of jsonlChunks(withLinks(), { labels: project.labels, linkTypes: projectLinkTypes(project), actors })) {
    lines.push(line);
    chars += line.length;
    documents++;
    if (chars >= PART_CHARS) {
      parts.push(new Blob(lines, { type: "application/x-ndjson" }));
      lines = [];
      chars = 0;
    }
  }
  if (lines.length) parts.push(new Blob(lines, { type: "application/x-ndjson" }));
  return { parts, documents };
}
