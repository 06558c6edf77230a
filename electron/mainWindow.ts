/** The one application window: sandboxed, isolated, showing app://spanwise. */
import { BrowserWindow } from "electron";
import { APP_ENTRY_URL } from "./origin";

export function createMainWindow(preloadPath: string): BrowserWindow {
  const window = new BrowserWindow({
    title: "Spanwise",
    width: 1280,
    height: 840,
    minWidth: 640,
    minHeight: 480,
    show: false,
    backgroundColor: "#ffffff",
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      // A middle click on a link would otherwise ask for a new window; the
      // window-open handler denies it anyway, but this stops it earlier.
      disableBlinkFeatures: "Auxclick",
    },
  });
  window.once("ready-to-show", () => window.show());
  void window.loadURL(APP_ENTRY_URL);
  return window;
}
