/**
 * `spanwise export --format jsonl -o FILE` for big files: the project file is
 * read as a stream (shared/projectFile/stream.ts) and each document's line is
 * written as soon as its spans have been read, so memory does not grow with
 * the number of spans. With a worker thread (the bundled CLI), it streams the
 * later documents while this thread does the earlier ones (io.exportParts).
 * Anything the stream does not handle, and any problem, ends in `false`: the
 * temporary output is gone and the caller reads the file whole as before,
 * which gives the same result or today's exact messages.
 */
import { jsonlChunks } from "../../shared/formats/jsonl";
import { openProjectStream } from "../../shared/projectFile/stream";
import { checkParts } from "../../shared/projectFile/streamParts";
import type { ExportPartRun } from "../exportPartProtocol";
import type { CliIo, OpenProjectFile } from "../io";
import { LARGE_FILE_BYTES, createProgress } from "../progress";
import { AnnotatorTally, annotatorWarning, exportCoding, streamedSources } from "./exportParts";

export interface StreamedExport {
  /** The warning to print when no span was by the annotator asked for. */
  warning?: string;
}

/**
 * The share of the documents this thread exports when there is a worker: the
 * worker also unpacks and checks the earlier part of each member (to skip it).
 */
const MAIN_SHARE = 0.54;

/** Exports `path` to `output` streaming; false when it could not, having written nothing. */
export async function exportStreaming(io: CliIo, path: string, output: string, annotator: string | undefined, quiet: boolean): Promise<StreamedExport | false> {
  if (!io.openProjectFile) return false;
  let file: OpenProjectFile;
  try {
    file = await io.openProjectFile(path);
  } catch {
    return false;
  }
  const progress = createProgress(io, !quiet && (io.stderrIsTTY || file.zip.size >= LARGE_FILE_BYTES), "spanwise: exporting ");
  let otherPart: ExportPartRun | undefined;
  // What stopped the stream, before writeFileAtomic words it as a failure to write.
  let failure: unknown;
  try {
    const stream = openProjectStream(file);
    const total = stream.counts.documents;
    let mainDone = 0;
    let otherDone = 0;
    const report = () => progress.update("documents", mainDone + otherDone, total);
    // This thread's documents end at `split`; the other part's start there.
    const split = io.exportParts && total >= 2 && stream.unpackedBytes >= io.exportParts.minBytes ? Math.ceil(total * MAIN_SHARE) : undefined;
    if (io.exportParts && split !== undefined) {
      otherPart = io.exportParts.start(path, split, annotator, output, (done) => {
        otherDone = done;
        report();
      });
    }
    const tally = new AnnotatorTally();
    const coding = exportCoding(stream.project, stream.actors);
    const documents = stream.documents(split === undefined ? undefined : { from: 0, to: split });
    const sources = streamedSources(documents, stream.links, annotator, tally, () => {
      mainDone++;
      report();
    });
    async function* chunks(): AsyncGenerator<string | Uint8Array> {
      yield* jsonlChunks(sources, coding);
      if (!otherPart) return;
      // Copied as it is written: if the parts turn out not to join, the temporary output is deleted all the same.
      yield* otherPart.chunks();
      const other = await otherPart.result;
      checkParts(stream, [stream.summary(), other.summary]);
      otherDone = other.done;
      report();
      tally.matching += other.matching;
      for (const name of other.annotators) tally.annotators.add(name);
    }
    await io.writeFileAtomic(output, keepFailure(chunks(), (error) => (failure = error)));
    if (io.debug) io.writeStderr(`spanwise: debug: streamed ${path} in ${otherPart ? "two parts" : "one part"}\n`);
    return annotator !== undefined && tally.matching === 0 ? { warning: annotatorWarning(annotator, path, tally.annotators) } : {};
  } catch (error) {
    const reason = failure ?? error;
    if (io.debug) io.writeStderr(`spanwise: debug: not streamed, reading ${path} whole (${reason instanceof Error ? reason.message : String(reason)})\n`);
    return false;
  } finally {
    progress.done();
    await otherPart?.dispose();
    await file.close().catch(() => {});
  }
}

/** `chunks`, telling `onFailure` what it threw before passing it on. */
async function* keepFailure<T>(chunks: AsyncIterable<T>, onFailure: (error: unknown) => void): AsyncGenerator<T> {
  try {
    yield* chunks;
  } catch (error) {
    onFailure(error);
    throw error;
  }
}
