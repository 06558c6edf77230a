import { actorsById } from "../../shared/coding/actors";
import { projectLinkTypes } from "../../shared/coding/model";
import { jsonlChunks, linksByDocument } from "../../shared/formats/jsonl";
import { db } from "./db";
import { readProjectDocuments, type Share } from "./documents";

/**
 * Where an export's lines go: `write` takes each line as it is made, `end`
 * gives the parts that together are the file, in order.
 */
export interface LineSink {
  write(line: string): void | Promise<void>;
  end(): Blob[] | Promise<Blob[]>;
  /** Drops what was written (the export failed). */
  abort?(): Promise<void>;
}

/**
 * Lines are packed into Blobs of about this many characters. Memory holds
 * one part's lines; each Blob has a cost of its own (in Chromium, parts of
 * 8 MB made 264 MB twice as slowly as parts of 64 MB).
 */
const PART_CHARS = 64 * 1024 * 1024;

/**
 * Lines kept as Blobs in memory, where nothing better is at hand (no private
 * file storage; tests in Node). The parts stay in memory until the file is
 * saved, so memory grows with the dataset.
 */
export function blobSink(): LineSink {
  const parts: Blob[] = [];
  let lines: string[] = [];
  let chars = 0;
  const pack = () => {
    if (lines.length) parts.push(new Blob(lines, { type: "application/x-ndjson" }));
    lines = [];
    chars = 0;
  };
  return {
    write(line) {
      lines.push(line);
      chars += line.length;
      if (chars >= PART_CHARS) pack();
    },
    end() {
      pack();
      return parts;
    },
  };
}

/**
 * The project's JSONL dataset (only `share` of its documents, when given)
 * as parts: the lines are streamed from the store document by document into
 * `sink`, never joined into one string.
 */
export async function exportJsonlParts(projectId: string, share?: Share, sink: LineSink = blobSink()): Promise<{ parts: Blob[]; documents: number }> {
  const project = await db.projects.get(projectId);
  if (!project) throw new Error("The project is no longer in the store.");
  const actors = actorsById(await db.actors.where("projectId").equals(projectId).toArray());
  const linksByDoc = linksByDocument(await db.links.where("projectId").equals(projectId).toArray());
  const withLinks = async function* () {
    for await (const item of readProjectDocuments(projectId, share ? { share } : {})) yield { ...item, links: linksByDoc.get(item.doc.id) ?? [] };
  };
  let documents = 0;
  try {
    for await (const line of jsonlChunks(withLinks(), { labels: project.labels, linkTypes: projectLinkTypes(project), actors })) {
      await sink.write(line);
      documents++;
    }
  } catch (error) {
    await sink.abort?.().catch(() => undefined);
    throw error;
  }
  return { parts: await sink.end(), documents };
}
