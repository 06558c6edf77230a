/**
 * Project files waiting to be opened, from wherever they came: the Open
 * project button, Open Recent, or the desktop host (a double-clicked file).
 * The one ProjectFileOpener of the workspace takes them in order; files
 * that arrive while it is not mounted (the workspace is switching
 * projects) wait for it.
 */
import type { IncomingProjectFile } from "../platform/platform";

const waiting: IncomingProjectFile[] = [];
let take: ((file: IncomingProjectFile) => void) | null = null;

/** Asks for `file` to be opened: the same checks and the same choice, whatever its source. */
export function openProjectFile(file: IncomingProjectFile): void {
  if (take) take(file);
  else waiting.push(file);
}

/** Makes `listener` the one taker of project files; files waiting go to it at once. */
export function takeProjectFiles(listener: (file: IncomingProjectFile) => void): () => void {
  take = listener;
  for (const file of waiting.splice(0)) listener(file);
  return () => {
    if (take === listener) take = null;
  };
}
