/**
 * The renderer's only door to the host: `window.spanwise`, one named function
 * per operation, each invoking its fixed channel. No ipcRenderer, no
 * callbacks, nothing generic. Bundled to one CommonJS file because a
 * sandboxed preload cannot require local modules.
 */
import { contextBridge, ipcRenderer } from "electron";
import { version } from "../package.json";
import { BRIDGE_CHANNELS, type DesktopBridge, type FileFilter, type PickedFile, type SaveRequest, type SaveResult } from "../shared/bridge";

const bridge = {
  version,
  openFiles: (filters: FileFilter[]): Promise<PickedFile[]> => ipcRenderer.invoke(BRIDGE_CHANNELS.openFiles, filters),
  saveFile: (request: SaveRequest): Promise<SaveResult> => ipcRenderer.invoke(BRIDGE_CHANNELS.saveFile, request),
} satisfies DesktopBridge;

contextBridge.exposeInMainWorld("spanwise", bridge);
