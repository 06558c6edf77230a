/**
 * The renderer's only door to the host: `window.spanwise`, one named function
 * per operation, each invoking its fixed channel. No ipcRenderer, no
 * callbacks, nothing generic. Bundled to one CommonJS file because a
 * sandboxed preload cannot require local modules.
 */
import { contextBridge, ipcRenderer } from "electron";
import { version } from "../package.json";
import { BRIDGE_CHANNELS, type BackupEntry, type DesktopBridge, type FileFilter, type PickedFile, type SaveRequest, type SaveResult } from "../shared/bridge";

const bridge = {
  version,
  openFiles: (filters: FileFilter[]): Promise<PickedFile[]> => ipcRenderer.invoke(BRIDGE_CHANNELS.openFiles, filters),
  saveFile: (request: SaveRequest): Promise<SaveResult> => ipcRenderer.invoke(BRIDGE_CHANNELS.saveFile, request),
  writeBackup: (fileName: string, data: Uint8Array): Promise<void> => ipcRenderer.invoke(BRIDGE_CHANNELS.writeBackup, fileName, data),
  listBackups: (): Promise<BackupEntry[]> => ipcRenderer.invoke(BRIDGE_CHANNELS.listBackups),
  readBackup: (fileName: string): Promise<Uint8Array> => ipcRenderer.invoke(BRIDGE_CHANNELS.readBackup, fileName),
  removeBackup: (fileName: string): Promise<void> => ipcRenderer.invoke(BRIDGE_CHANNELS.removeBackup, fileName),
} satisfies DesktopBridge;

contextBridge.exposeInMainWorld("spanwise", bridge);
