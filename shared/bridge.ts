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
}

/** Channel names shared by preload and main; nothing else is handled. */
export const BRIDGE_CHANNELS = {
  openFiles: "spanwise:open-files",
  saveFile: "spanwise:save-file",
  writeBackup: "spanwise:write-backup",
  listBackups: "spanwise:list-backups",
  readBackup: "spanwise:read-backup",
  removeBackup: "spanwise:remove-backup",
} as const;
