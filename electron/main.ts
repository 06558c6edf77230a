/**
 * The desktop shell's entry: wiring only. Each rule lives in a small module
 * (security.ts, appProtocol.ts, ipcValidation.ts, atomicWrite.ts,
 * launchArgs.ts, recentProjects.ts, …) that is unit-tested without
 * Electron; this file connects them to Electron's events.
 */
import { app, BrowserWindow, dialog, session } from "electron";
import { existsSync } from "node:fs";
import path from "node:path";
import { AppMenu } from "./appMenu";
import { appPaths } from "./appPaths";
import { registerAppScheme, serveAppScheme } from "./appScheme";
import { registerBridgeHandlers } from "./bridgeHandlers";
import { guardWebContents } from "./contentsGuard";
import { filesInArgv } from "./launchArgs";
import { createMainWindow } from "./mainWindow";
import { projectFileAt } from "./projectFileAt";
import { ProjectFileInbox } from "./projectFileInbox";
import { projectFileRequests } from "./projectFileRequests";
import { recentProjects } from "./recentProjects";
import { guardSession } from "./sessionGuard";

const APP_NAME = "Spanwise";
const { distRoot, preloadPath } = appPaths();

let mainWindow: BrowserWindow | undefined;
let started = false;

// Everything up to the lock must happen before `ready`.
app.setName(APP_NAME);
// A separate profile for tests and trials; the renderer cannot set this.
app.setPath("userData", process.env.SPANWISE_USER_DATA_DIR || path.join(app.getPath("appData"), APP_NAME));
app.enableSandbox();
registerAppScheme();

const recent = recentProjects(path.join(app.getPath("userData"), "recent-projects.json"));
const inbox = new ProjectFileInbox();
const menu = new AppMenu({
  appName: APP_NAME,
  isMac: process.platform === "darwin",
  isDev: !app.isPackaged,
  recentProjects: () => recent.list(),
  onOpenRecent: (id) => void projectFiles.openRecentFromMenu(id),
  onClearRecent: () => {
    app.clearRecentDocuments();
    void recent.clear().then(() => menu.refreshRecent());
  },
});
const projectFiles = projectFileRequests({
  recent,
  read: (filePath) => projectFileAt(filePath),
  deliver: (file) => {
    inbox.deliver(file);
    // macOS keeps the app running without windows: a file opened then needs one.
    if (started && BrowserWindow.getAllWindows().length === 0) openMainWindow();
    else focus(mainWindow);
  },
  report: (message) => void dialog.showMessageBox({ type: "warning", title: "Project file not opened", message }),
  addRecentDocument: (filePath) => app.addRecentDocument(filePath),
  recentChanged: () => void menu.refreshRecent().catch(() => undefined),
});

// Files named when the app was started (Windows, Linux), and files macOS
// asks to open before `ready`, are opened once the app has started.
const launchContext = () => ({ defaultApp: process.defaultApp === true, cwd: process.cwd() });
const filesAtStart = filesInArgv(process.argv, launchContext());

if (app.requestSingleInstanceLock()) {
  app.on("open-file", (event, filePath) => {
    event.preventDefault();
    if (started) void projectFiles.openPaths([filePath]);
    else filesAtStart.push(filePath);
  });
  app.on("web-contents-created", (_event, contents) => guardWebContents(contents));
  // A second start (a double-click while Spanwise runs) hands its command line over and quits.
  app.on("second-instance", (_event, argv: string[], workingDirectory: string) => {
    focus(mainWindow);
    const files = filesInArgv(argv, { defaultApp: launchContext().defaultApp, cwd: workingDirectory });
    if (started) void projectFiles.openPaths(files);
    else filesAtStart.push(...files);
  });
  app.on("browser-window-focus", (_event, window: BrowserWindow) => menu.focus(window.webContents));
  app.on("window-all-closed", () => {
    if (process.platform !== "darwin") app.quit();
  });
  app.on("activate", () => {
    if (BrowserWindow.getAllWindows().length === 0) openMainWindow();
  });
  app.whenReady().then(start).catch(fail);
} else {
  // Another Spanwise holds the database; it gets the command line through `second-instance`.
  app.quit();
}

function start(): void {
  if (!existsSync(path.join(distRoot, "index.html"))) {
    fail(new Error(`The app's page is missing (${path.join(distRoot, "index.html")}). Run "npm run build" first.`));
    return;
  }
  guardSession(session.defaultSession);
  serveAppScheme(distRoot);
  registerBridgeHandlers({ recent, projectFiles, menu });
  menu.build();
  void menu.refreshRecent().catch(() => undefined);
  openMainWindow();
  started = true;
  void projectFiles.openPaths(filesAtStart.splice(0));
}

function openMainWindow(): void {
  mainWindow = createMainWindow(preloadPath);
  inbox.attach(mainWindow.webContents);
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
