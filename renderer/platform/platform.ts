import type { FileFilter, PickedFile, SaveResult } from "../../shared/bridge";

/**
 * Everything the renderer needs from its host. The desktop app backs it with
 * the preload bridge (native dialogs, atomic writes); the browser build with
 * web APIs (file inputs, downloads).
 */
export interface Platform {
  readonly kind: "desktop" | "browser";
  /**
   * Asks the host for files to import. Only the desktop host has its own
   * dialog; in a browser the page shows a file input instead.
   */
  readonly pickFiles: ((filters: FileFilter[]) => Promise<PickedFile[]>) | null;
  /** Saves content the user asked to export: a native save dialog, or a download. */
  saveFile(request: { suggestedName: string; filters: FileFilter[]; mime: string; parts: (string | Uint8Array)[] }): Promise<SaveResult>;
}
