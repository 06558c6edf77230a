/**
 * Main-process side of the bridge: exactly the channels in BRIDGE_CHANNELS,
 * each refusing foreign senders and malformed arguments before doing anything.
 */
import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from "electron";
import { BRIDGE_CHANNELS } from "../shared/bridge";
import { openFiles, saveFile } from "./fileOperations";
import { parseOpenFilesArgs, parseSaveFileArgs } from "./ipcValidation";
import { isAllowedSender } from "./security";

export function registerBridgeHandlers(): void {
  ipcMain.handle(BRIDGE_CHANNELS.openFiles, (event, ...args: unknown[]) => {
    const window = trustedWindow(event);
    return openFiles(window, parseOpenFilesArgs(args));
  });
  ipcMain.handle(BRIDGE_CHANNELS.saveFile, (event, ...args: unknown[]) => {
    const window = trustedWindow(event);
    return saveFile(window, parseSaveFileArgs(args));
  });
}

export function unregisterBridgeHandlers(): void {
  for (const channel of Object.values(BRIDGE_CHANNELS)) ipcMain.removeHandler(channel);
}

/** The window of an app page's top frame, or an error for anyone else. */
function trustedWindow(event: IpcMainInvokeEvent): BrowserWindow {
  const frame = event.senderFrame;
  if (frame === null || frame.parent !== null || !isAllowedSender(frame.url)) {
    throw new Error("Refused: the bridge only answers the Spanwise app page");
  }
  const window = BrowserWindow.fromWebContents(event.sender);
  if (window === null) throw new Error("Refused: the request did not come from a Spanwise window");
  return window;
}
