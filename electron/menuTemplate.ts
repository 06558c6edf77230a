/**
 * The application menu as data. Only items that work today: renderer
 * actions (import, export) join the menu once the bridge can deliver menu
 * commands to the renderer.
 */
import type { MenuItemConstructorOptions } from "electron";

export interface MenuOptions {
  appName: string;
  isMac: boolean;
  /** Reload and developer tools appear only when running unpackaged. */
  isDev: boolean;
}

export function menuTemplate({ appName, isMac, isDev }: MenuOptions): MenuItemConstructorOptions[] {
  const template: MenuItemConstructorOptions[] = [];
  if (isMac) {
    template.push({
      label: appName,
      submenu: [
        { role: "about" },
        { type: "separator" },
        { role: "services" },
        { type: "separator" },
        { role: "hide" },
        { role: "hideOthers" },
        { role: "unhide" },
        { type: "separator" },
        { role: "quit" },
      ],
    });
  }
  template.push({ label: "&File", submenu: [isMac ? { role: "close" } : { role: "quit" }] });
  // Cut and Paste stay for the renderer's text fields (names, search): on
  // macOS the shortcuts only work in inputs when the menu has these roles.
  template.push({
    label: "&Edit",
    submenu: [
      { role: "undo" },
      { role: "redo" },
      { type: "separator" },
      { role: "cut" },
      { role: "copy" },
      { role: "paste" },
      { role: "selectAll" },
    ],
  });
  if (isDev) {
    template.push({
      label: "&View",
      submenu: [{ role: "reload" }, { role: "forceReload" }, { role: "toggleDevTools" }],
    });
  }
  if (isMac) template.push({ role: "windowMenu" });
  return template;
}
