import { decodeProjectFile, type DecodeResult } from "../shared/projectFile";
import { CliError } from "./errors";
import type { CliIo } from "./io";
import { LARGE_FILE_BYTES, createProgress } from "./progress";

export interface LoadOptions {
  quiet: boolean;
}

/** Reads and checks a project file, with progress for large files: the decoder's result, and whether the file is large. */
export async function decodeFile(io: CliIo, path: string, options: LoadOptions): Promise<DecodeResult & { large: boolean }> {
  const bytes = await io.readFile(path);
  const large = bytes.length >= LARGE_FILE_BYTES;
  const progress = createProgress(io, !options.quiet && (io.stderrIsTTY || large), `spanwise: reading ${path}: `);
  try {
    return { ...(await decodeProjectFile(bytes, path, {
      onProgress: (p) => progress.update(p.stage, p.done, p.total, p.stage === "parsing" ? "bytes" : "items"),
      ...(io.inflate ? { inflate: io.inflate } : {}),
      ...(io.projectFileLimits ? { limits: io.projectFileLimits } : {}),
      ...(io.sha256 ? { sha256: io.sha256 } : {}),
    })), large };
  } finally {
    progress.done();
  }
}

/** A project file's snapshot, or a CliError whose one line is the first problem. */
export async function loadProject(io: CliIo, path: string, options: LoadOptions) {
  const result = await decodeFile(io, path, options);
  if (!result.ok) {
    const [first, ...rest] = result.problems;
    const more = rest.length > 0 ? ` (and ${rest.length} more; run: spanwise validate ${quoteArg(path)})` : "";
    throw new CliError(`${first}${more}`);
  }
  return result;
}

/** A path as one would type it in a shell. */
export function quoteArg(path: string): string {
  return /^[\w./@:+-]+$/.test(path) ? path : `'${path.replace(/'/g, "'\\''")}'`;
}
