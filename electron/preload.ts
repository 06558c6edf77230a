/**
 * The renderer's only door to the host: `window.spanwise`, one named function
 * per operation, each invoking its fixed channel, and two subscriptions to
 * what main tells the page (a project file to open, a menu command). No
 * ipcRenderer, no Electron event objects, nothing generic. Bundled to one
 * CommonJS file because a sandboxed preload cannot require local modules.
 */
import { contextBridge, ipcRenderer } from "electron";
import { version } from "../package.json";
import {
  BRIDGE_CHANNELS,
  BRIDGE_EVENTS,
  type BackupEntry,
  type DesktopBridge,
  type FileFilter,
  type IncomingProjectFile,
  type MenuCommand,
  type PickedFile,
  type RecentProject,
  type SaveRequest,
  type SaveResult,
} from "../shared/bridge";

/**
 * Listeners for what main sends on `channel`. Registered now, before the
 * page runs, so nothing main sends is missed; with `keepUntilHeard`, values
 * that arrive while nobody listens wait for the first listener.
 */
function subscription<T>(channel: string, accept: (value: unknown) => value is T, keepUntilHeard: boolean) {
  const listeners = new Set<(value: T) => void>();
  const waiting: T[] = [];
  // The page gets the value alone, never the IPC event (it holds the sender).
  ipcRenderer.on(channel, (_event, value: unknown) => {
    if (!accept(value)) return;
    if (listeners.size === 0) {
      if (keepUntilHeard) waiting.push(value);
      return;
    }
    for (const listener of listeners) listener(value);
  });
  return (listener: (value: T) => void): (() => void) => {
    const own = (value: T) => listener(value);
    listeners.add(own);
    for (const value of waiting.splice(0)) own(value);
    return () => void listeners.delete(own);
  };
}

const isProjectFile = (value: unknown): value is IncomingProjectFile =>
  typeof value === "object" && value !== null && typeof (value as IncomingProjectFile).name === "string" && (value as IncomingProjectFile).bytes instanceof Uint8Array;
const isCommandId = (value: unknown): value is string => typeof value === "string";

const bridge = {
  version,
  openFiles: (filters: FileFilter[]): Promise<PickedFile[]> => ipcRenderer.invoke(BRIDGE_CHANNELS.openFiles, filters),
  saveFile: (request: SaveRequest): Promise<SaveResult> => ipcRenderer.invoke(BRIDGE_CHANNELS.saveFile, request),
  writeBackup: (fileName: string, data: Uint8Array): Promise<void> => ipcRenderer.invoke(BRIDGE_CHANNELS.writeBackup, fileName, data),
  listBackups: (): Promise<BackupEntry[]> => ipcRenderer.invoke(BRIDGE_CHANNELS.listBackups),
  readBackup: (fileName: string): Promise<Uint8Array> => ipcRenderer.invoke(BRIDGE_CHANNELS.readBackup, fileName),
  removeBackup: (fileName: string): Promise<void> => ipcRenderer.invoke(BRIDGE_CHANNELS.removeBackup, fileName),
  recentProjects: (): Promise<RecentProject[]> => ipcRenderer.invoke(BRIDGE_CHANNELS.recentProjects),
  openRecent: (id: string): Promise<IncomingProjectFile> => ipcRenderer.invoke(BRIDGE_CHANNELS.openRecent, id),
  setMenuCommands: (commands: MenuCommand[]): Promise<void> => ipcRenderer.invoke(BRIDGE_CHANNELS.setMenuCommands, commands),
  onOpenProjectFile: subscription(BRIDGE_EVENTS.onOpenProjectFile, isProjectFile, true),
  onMenuCommand: subscription(BRIDGE_EVENTS.onMenuCommand, isCommandId, false),
} satisfies DesktopBridge;

contextBridge.exposeInMainWorld("spanwise", bridge);
