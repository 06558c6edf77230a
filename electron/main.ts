/**
 * The desktop shell's entry: wiring only. Each rule lives in a small module
 * (security.ts, appProtocol.ts, ipcValidation.ts, atomicWrite.ts) that is
 * unit-tested without Electron; this file connects them to Electron's events.
 */
import { app, BrowserWindow, dialog, Menu, session } from "electron";
import { existsSync } from "node:fs";
import path from "node:path";
import { appPaths } from "./appPaths";
import { registerAppScheme, serveAppScheme } from "./appScheme";
import { registerBridgeHandlers } from "./bridgeHandlers";
import { guardWebContents } from "./contentsGuard";
import { createMainWindow } from "./mainWindow";
import { menuTemplate } from "./menuTemplate";
import { guardSession } from "./sessionGuard";

const APP_NAME = "Spanwise";
const { distRoot, preloadPath } = appPaths();

let mainWindow: BrowserWindow | undefined;

// Everything up to the lock must happen before `ready`.
app.setName(APP_NAME);
// A separate profile for tests and trials; the renderer cannot set this.
app.setPath("userData", process.env.SPANWISE_USER_DATA_DIR || path.join(app.getPath("appData"), APP_NAME));
app.enableSandbox();
registerAppScheme();

if (app.requestSingleInstanceLock()) {
  app.on("web-contents-created", (_event, contents) => guardWebContents(contents));
  app.on("second-instance", () => focus(mainWindow));
  app.on("window-all-closed", () => {
    if (process.platform !== "darwin") app.quit();
  });
  app.on("activate", () => {
    if (BrowserWindow.getAllWindows().length === 0) openMainWindow();
  });
  app.whenReady().then(start).catch(fail);
} else {
  // Another Spanwise holds the database; it gets focus through `second-instance`.
  app.quit();
}

function start(): void {
  if (!existsSync(path.join(distRoot, "index.html"))) {
    fail(new Error(`The app's page is missing (${path.join(distRoot, "index.html")}). Run "npm run build" first.`));
    return;
  }
  guardSession(session.defaultSession);
  serveAppScheme(distRoot);
  registerBridgeHandlers();
  const isMac = process.platform === "darwin";
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate({ appName: APP_NAME, isMac, isDev: !app.isPackaged })));
  openMainWindow();
}

function openMainWindow(): void {
  mainWindow = createMainWindow(preloadPath);
  mainWindow.on("closed", () => {
    mainWindow = undefined;
  });
}

function focus(window: BrowserWindow | undefined): void {
  if (window === undefined) return;
  if (window.isMinimized()) window.restore();
  window.focus();
}

function fail(error: unknown): void {
  dialog.showErrorBox("Spanwise cannot start", error instanceof Error ? error.message : String(error));
  app.exit(1);
}
