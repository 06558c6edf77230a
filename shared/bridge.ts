/**
 * The typed surface the desktop preload exposes to the renderer as
 * `window.spanwise`. One named operation per capability; the main process
 * validates every argument (electron/ipcValidation.ts) and never takes a
 * file path from the renderer.
 */

/** A file the user picked in the host's open dialog. */
export interface PickedFile {
  name: string;
  bytes: Uint8Array;
}

export interface FileFilter {
  name: string;
  extensions: string[];
}

export interface SaveRequest {
  /** File name proposed in the dialog, without directories. */
  suggestedName: string;
  filters: FileFilter[];
  /** The whole content to write. */
  data: string | Uint8Array;
}

export type SaveResult = { saved: true; fileName: string } | { saved: false };

/** A backup file in the app's backup folder. */
export interface BackupEntry {
  fileName: string;
  bytes: number;
}

/** A project file the host was asked to open: double-click, command line, second instance, Open Recent. */
export interface IncomingProjectFile {
  name: string;
  bytes: Uint8Array;
}

/** A project file opened or saved recently (desktop only); the path stays in the main process. */
export interface RecentProject {
  id: string;
  name: string;
  /** When it was last opened or saved, in milliseconds since the epoch. */
  openedAt: number;
}

/** The native menus the renderer's commands may appear in. */
export const MENU_NAMES = ["file", "edit", "view", "export", "help"] as const;

/** An app command as the native menu shows it. */
export interface MenuCommand {
  id: string;
  title: string;
  /** The command's key, e.g. "Mod+Shift+S", "Alt+ArrowUp" or "1"; shown beside the title. */
  accelerator?: string;
  enabled: boolean;
  menu: (typeof MENU_NAMES)[number];
}

export interface DesktopBridge {
  readonly version: string;
  /** Shows the native open dialog and returns the chosen files' contents. */
  openFiles(filters: FileFilter[]): Promise<PickedFile[]>;
  /** Shows the native save dialog and writes `data` atomically to the chosen path. */
  saveFile(request: SaveRequest): Promise<SaveResult>;
  /**
   * Automatic backups in the app's data folder. Only names of the form
   * shared/backups.ts makes are accepted; writes are atomic.
   */
  writeBackup(fileName: string, data: Uint8Array): Promise<void>;
  listBackups(): Promise<BackupEntry[]>;
  readBackup(fileName: string): Promise<Uint8Array>;
  removeBackup(fileName: string): Promise<void>;
  /**
   * Project files the host was asked to open (double-click, command line,
   * a second start, the File menu's Open Recent). Files that arrived before
   * any listener go to the first one. Returns a function that unsubscribes.
   */
  onOpenProjectFile(listener: (file: IncomingProjectFile) => void): () => void;
  /** The last project files opened or saved, newest first. */
  recentProjects(): Promise<RecentProject[]>;
  /** Reads a recent project file again; rejects naming the file and the problem (a gone file leaves the list). */
  openRecent(id: string): Promise<IncomingProjectFile>;
  /** The renderer's commands, for the native menus. */
  setMenuCommands(commands: MenuCommand[]): Promise<void>;
  /** A command chosen in the native menus. Returns a function that unsubscribes. */
  onMenuCommand(listener: (id: string) => void): () => void;
}

/** Channel names shared by preload and main (renderer asks, main answers); nothing else is handled. */
export const BRIDGE_CHANNELS = {
  openFiles: "spanwise:open-files",
  saveFile: "spanwise:save-file",
  writeBackup: "spanwise:write-backup",
  listBackups: "spanwise:list-backups",
  readBackup: "spanwise:read-backup",
  removeBackup: "spanwise:remove-backup",
  recentProjects: "spanwise:recent-projects",
  openRecent: "spanwise:open-recent",
  setMenuCommands: "spanwise:set-menu-commands",
} as const;

/** Channels main sends on (main tells, the preload hands it to the page's listeners). */
export const BRIDGE_EVENTS = {
  onOpenProjectFile: "spanwise:open-project-file",
  onMenuCommand: "spanwise:menu-command",
} as const;
