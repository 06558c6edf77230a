/**
 * One part of a big `spanwise export -o`: the documents of a project file
 * from `from` to the end, streamed into a part file. Run by the worker thread
 * (exportWorker.ts); what it returns lets the main thread check that its part
 * and this one join (shared/projectFile/streamParts.ts, checkParts).
 */
import { open } from "node:fs/promises";
import { jsonlChunks } from "../shared/formats/jsonl";
import { openProjectStream } from "../shared/projectFile/stream";
import { AnnotatorTally, exportCoding, streamedSources } from "./commands/exportParts";
import type { ExportPartRequest, ExportPartResult } from "./exportPartProtocol";
import { openNodeProjectFile, writeChunks } from "./nodeIo";


/** Progress is reported after this many documents. */
const PROGRESS_EVERY = 200;

/** Exports the part; throws (NotStreamable or an I/O error) when it cannot. */
export async function runExportPart(
  request: ExportPartRequest,
  onProgress: (done: number) => void,
  chunkBytes?: number,
  onWritten?: (bytes: number) => void,
): Promise<ExportPartResult> {
  const file = openNodeProjectFile(request.path, chunkBytes);
  try {
    const stream = openProjectStream(file);
    const tally = new AnnotatorTally();
    let done = 0;
    const sources = streamedSources(stream.documents({ from: request.from }), stream.links, request.annotator, tally, () => {
      if (++done % PROGRESS_EVERY === 0) onProgress(done);
    });
    const handle = await open(request.partFile, "wx", 0o600);
    let bytes: number;
    try {
      await writeChunks(handle, jsonlChunks(sources, exportCoding(stream.project, stream.actors)), onWritten);
      bytes = (await handle.stat()).size;
    } finally {
      await handle.close();
    }
    return { done, bytes, summary: stream.summary(), matching: tally.matching, annotators: [...tally.annotators] };
  } finally {
    await file.close();
  }
}
