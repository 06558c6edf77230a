/**
 * Reads a project file the app was asked to open by path (double-click,
 * command line, second start, Open Recent): a regular file named
 * `.spanwise`, readable, no larger than what Open project reads. The
 * renderer checks the content itself, as for Open project.
 */
import path from "node:path";
import type { IncomingProjectFile } from "../shared/bridge";
import { PROJECT_FILE_EXTENSION } from "../shared/projectFile/format";
import { MAX_PICKED_FILE_BYTES, readPickedFiles, type PickedFilesFs } from "./pickedFiles";

/** A project file that could not be opened; the message names the file and the problem. */
export class ProjectFileError extends Error {
  constructor(
    readonly fileName: string,
    readonly reason: string,
    /** The file is not there any more (moved, deleted, its drive gone). */
    readonly gone: boolean,
  ) {
    super(`${fileName} was not opened: ${reason}.`);
    this.name = "ProjectFileError";
  }
}

export async function projectFileAt(filePath: string, fs?: PickedFilesFs, maxBytes = MAX_PICKED_FILE_BYTES): Promise<IncomingProjectFile> {
  const name = path.basename(filePath);
  if (path.extname(name).toLowerCase() !== PROJECT_FILE_EXTENSION) {
    throw new ProjectFileError(name, `Spanwise opens project files, whose names end in ${PROJECT_FILE_EXTENSION}`, false);
  }
  const { files, skipped } = await readPickedFiles([filePath], fs, maxBytes);
  const problem = skipped[0];
  if (problem) throw new ProjectFileError(name, problem.reason, problem.code === "ENOENT" || problem.code === "ENOTDIR");
  return files[0]!;
}
