/**
 * What the main thread and an export worker agree on when a big
 * `spanwise export -o` is split in two parts: the request, the messages, the
 * result, and how a command starts a part (io.ts passes it to commands).
 * Types only, so the implementations (exportThreads.ts, exportPart.ts,
 * nodeIo.ts) depend on this file and never on each other in a circle.
 */
import type { PartSummary } from "../shared/projectFile/streamParts";

export interface ExportPartRequest {
  path: string;
  /** The part's first document. */
  from: number;
  annotator: string | undefined;
  partFile: string;
}

export interface ExportPartResult {
  /** Documents exported. */
  done: number;
  /** The size of the part file. */
  bytes: number;
  summary: PartSummary;
  /** What the annotator warning needs (see AnnotatorTally). */
  matching: number;
  annotators: string[];
}

export type ExportPartMessage =
  | { type: "progress"; done: number }
  /** Bytes of the part file written so far. */
  | { type: "written"; bytes: number }
  | { type: "done"; result: ExportPartResult }
  | { type: "failed"; reason: string };

/** A part being exported in another thread. */
export interface ExportPartRun {
  /** The part's result; rejects when it could not be streamed. */
  result: Promise<ExportPartResult>;
  /** The part's lines, as they are written; throws if the part fails. */
  chunks(): AsyncIterable<Uint8Array>;
  /** Stops the part (if it still runs) and deletes its file. */
  dispose(): Promise<void>;
}

/** How a command has a part exported elsewhere. */
export interface ExportParts {
  /**
   * Files whose documents and spans unpack to fewer bytes are exported in one
   * part: a thread costs more than it saves on them.
   */
  minBytes: number;
  /** Starts exporting the documents of `file` from `from` on, beside `output`; `onProgress` gets how many are done. */
  start(file: string, from: number, annotator: string | undefined, output: string, onProgress: (done: number) => void): ExportPartRun;
}
