import type { ProjectFileLimits } from "../shared/projectFile/format";
import type { StreamSource } from "../shared/projectFile/stream";
import type { RawInflate } from "../shared/projectFile/zipRead";
import type { ExportParts } from "./exportPartProtocol";

/**
 * Everything a command does to the outside world, so that commands are plain
 * functions and tests run them against memory (tests/cli) while the real CLI
 * passes nodeIo.ts.
 */
export interface CliIo {
  /** The bytes of a file; throws a CliError with a one-line reason if it cannot be read. */
  readFile(path: string): Promise<Uint8Array>;
  /**
   * Writes a file atomically: to a temporary file in the same folder, then
   * renamed over `path`, so a reader never sees half a file and a failure
   * leaves any earlier file untouched.
   */
  writeFileAtomic(path: string, chunks: AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>): Promise<void>;
  /** Writes to standard output, waiting while the reader is slower than the writer. */
  writeStdout(text: string): Promise<void>;
  writeStderr(text: string): void;
  /** Whether standard error is a terminal (progress then updates one line in place). */
  stderrIsTTY: boolean;
  now(): number;
  /** A native inflater for reading project files; without it the decoder's own (slower) one is used. */
  inflate?: RawInflate;
  /**
   * What a project file read whole may unpack to on this machine (nodeIo:
   * from its memory, shared/projectFile/format.ts limitsForMemory); without
   * it, the decoder's defaults.
   */
  projectFileLimits?: ProjectFileLimits;
  /** A native SHA-256 (lowercase hex) for checking project file members. */
  sha256?: (bytes: Uint8Array) => string;
  /**
   * Opens a project file to stream its members rather than read it whole
   * (export of big files); throws like `readFile`. Without it, files are read whole.
   */
  openProjectFile?(path: string): Promise<OpenProjectFile>;
  /** Exports part of a big project file in another thread; absent where there is none. */
  exportParts?: ExportParts;
  /** Notes for developers on standard error (SPANWISE_DEBUG=1): e.g. why a file was not streamed. */
  debug?: boolean;
}

/** A project file open for streaming; close it when done. */
export interface OpenProjectFile extends StreamSource {
  close(): Promise<void>;
}
