/**
 * Main-process side of the bridge: exactly the channels in BRIDGE_CHANNELS,
 * each refusing foreign senders and malformed arguments before doing anything.
 */
import { app, BrowserWindow, ipcMain, type IpcMainInvokeEvent } from "electron";
import path from "node:path";
import { BRIDGE_CHANNELS } from "../shared/bridge";
import type { AppMenu } from "./appMenu";
import { backupFolder } from "./backupFiles";
import { openFiles, saveFile } from "./fileOperations";
import { parseOpenFilesArgs, parseOpenRecentArgs, parseSaveFileArgs, parseSetMenuCommandsArgs } from "./ipcValidation";
import type { ProjectFileRequests } from "./projectFileRequests";
import type { RecentProjects } from "./recentProjects";
import { isAllowedSender } from "./security";

export interface BridgeServices {
  recent: RecentProjects;
  projectFiles: ProjectFileRequests;
  menu: AppMenu;
}

export function registerBridgeHandlers({ recent, projectFiles, menu }: BridgeServices): void {
  ipcMain.handle(BRIDGE_CHANNELS.openFiles, (event, ...args: unknown[]) => {
    const window = trustedWindow(event);
    return openFiles(window, parseOpenFilesArgs(args), projectFiles.remember);
  });
  ipcMain.handle(BRIDGE_CHANNELS.saveFile, (event, ...args: unknown[]) => {
    const window = trustedWindow(event);
    return saveFile(window, parseSaveFileArgs(args), projectFiles.remember);
  });
  // Backups live in a fixed folder of the app's data directory; names are checked in backupFiles.ts.
  const backups = backupFolder(path.join(app.getPath("userData"), "backups"));
  ipcMain.handle(BRIDGE_CHANNELS.writeBackup, (event, ...args: unknown[]) => {
    trustedWindow(event);
    expectArgs("writeBackup", args, 2);
    return backups.write(args[0], args[1]);
  });
  ipcMain.handle(BRIDGE_CHANNELS.listBackups, (event, ...args: unknown[]) => {
    trustedWindow(event);
    expectArgs("listBackups", args, 0);
    return backups.list();
  });
  ipcMain.handle(BRIDGE_CHANNELS.readBackup, (event, ...args: unknown[]) => {
    trustedWindow(event);
    expectArgs("readBackup", args, 1);
    return backups.read(args[0]);
  });
  ipcMain.handle(BRIDGE_CHANNELS.removeBackup, (event, ...args: unknown[]) => {
    trustedWindow(event);
    expectArgs("removeBackup", args, 1);
    return backups.remove(args[0]);
  });
  ipcMain.handle(BRIDGE_CHANNELS.recentProjects, (event, ...args: unknown[]) => {
    trustedWindow(event);
    expectArgs("recentProjects", args, 0);
    return recent.list();
  });
  // The page names an entry by id; the path behind it never crosses the bridge.
  ipcMain.handle(BRIDGE_CHANNELS.openRecent, (event, ...args: unknown[]) => {
    trustedWindow(event);
    return projectFiles.openRecentForPage(parseOpenRecentArgs(args));
  });
  ipcMain.handle(BRIDGE_CHANNELS.setMenuCommands, (event, ...args: unknown[]) => {
    trustedWindow(event);
    menu.setCommands(event.sender, parseSetMenuCommandsArgs(args));
  });
}

function expectArgs(operation: string, args: readonly unknown[], count: number): void {
  if (args.length !== count) throw new Error(`${operation} takes ${count} argument(s), got ${args.length}`);
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
