import type { FileFilter, IncomingProjectFile, MenuCommand, PickedFile, RecentProject, SaveResult } from "../../shared/bridge";

export type { IncomingProjectFile, MenuCommand, RecentProject } from "../../shared/bridge";

/** A backup file as the host lists it. */
export interface StoredBackup {
  fileName: string;
  bytes: number;
}

/**
 * Where automatic backups live, outside IndexedDB: the Origin Private File
 * System in a browser, the app's data folder on the desktop. Writes are
 * atomic: a backup is either the whole file or not there.
 */
export interface BackupStore {
  /** A sentence saying where backups are kept, for the UI. */
  readonly where: string;
  write(fileName: string, bytes: Uint8Array): Promise<void>;
  list(): Promise<StoredBackup[]>;
  read(fileName: string): Promise<Uint8Array>;
  remove(fileName: string): Promise<void>;
}

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
  /** Null where the host has nowhere to keep backups (a browser without OPFS). */
  readonly backups: BackupStore | null;
  saveFile(request: { suggestedName: string; filters: FileFilter[]; mime: string; parts: (string | Uint8Array | Blob)[] }): Promise<SaveResult>;
  /** What only the desktop app has: files it is asked to open, Open Recent, native menus. Null in a browser. */
  readonly desktop: null | DesktopHost;
}

export interface DesktopHost {
  /** Files the app was asked to open (double-click, command line, second start, Open Recent in the menu); files that arrived before a listener go to the first one. */
  onOpenProjectFile(listener: (file: IncomingProjectFile) => void): () => void;
  /** The last ten project files opened or saved, newest first. */
  recentProjects(): Promise<RecentProject[]>;
  /** Rejects with an Error whose message names the file and the problem. */
  openRecent(id: string): Promise<IncomingProjectFile>;
  /** The commands the native menus show. */
  setMenuCommands(commands: MenuCommand[]): void;
  onMenuCommand(listener: (id: string) => void): () => void;
}
