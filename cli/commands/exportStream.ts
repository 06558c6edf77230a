/**
 * `spanwise export --format jsonl -o FILE` for big files: the project file is
 * read as a stream (shared/projectFile/stream.ts) and each document's line is
 * written as soon as its spans have been read, so memory does not grow with
 * the number of spans. Anything the stream does not handle, and any problem,
 * ends in `false`: the temporary output is gone and the caller reads the file
 * whole as before, which gives the same result or today's exact messages.
 */
import { jsonlChunks, type ExportSource } from "../../shared/formats/jsonl";
import { openProjectStream } from "../../shared/projectFile/stream";
import type { CliIo } from "../io";
import { LARGE_FILE_BYTES, createProgress } from "../progress";
import { annotatorWarning, exportCoding, linksByDocument } from "./exportParts";

export interface StreamedExport {
  /** The warning to print when no span was by the annotator asked for. */
  warning?: string;
}

/** Exports `path` to `output` streaming; false when it could not, having written nothing. */
export async function exportStreaming(io: CliIo, path: string, output: string, annotator: string | undefined, quiet: boolean): Promise<StreamedExport | false> {
  if (!io.openProjectFile) return false;
  let file;
  try {
    file = await io.openProjectFile(path);
  } catch {
    return false;
  }
  const progress = createProgress(io, !quiet && (io.stderrIsTTY || file.zip.size >= LARGE_FILE_BYTES), "spanwise: exporting ");
  try {
    const stream = openProjectStream(file);
    const linksByDoc = stream.links === undefined ? undefined : linksByDocument(stream.links);
    let matching = 0;
    const annotators = new Set<string>();
    async function* sources(): AsyncGenerator<ExportSource> {
      let done = 0;
      for await (const { document, spans } of stream.documents()) {
        const kept = annotator === undefined ? spans : spans.filter((span) => span.annotator === annotator);
        for (const span of spans) if (!span.deleted) annotators.add(span.annotator);
        for (const span of kept) if (!span.deleted) matching++;
        const source: ExportSource = { doc: document.doc, text: document.text, spans: kept };
        if (linksByDoc !== undefined) source.links = linksByDoc.get(document.doc.id) ?? [];
        yield source;
        progress.update("documents", ++done, stream.documentCount);
      }
    }
    await io.writeFileAtomic(output, jsonlChunks(sources(), exportCoding(stream.project, stream.actors)));
    return annotator !== undefined && matching === 0 ? { warning: annotatorWarning(annotator, path, annotators) } : {};
  } catch {
    return false;
  } finally {
    progress.done();
    await file.close().catch(() => {});
  }
}
