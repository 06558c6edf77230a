/**
 * The application menu as data: Electron's own roles, the renderer's
 * commands (checked by ipcValidation.ts) in the menu each names, and Open
 * Recent. A command's key is shown but not registered with the menu: the
 * renderer already handles its keys, and a registered "1" would swallow
 * the key in every text field.
 */
import type { MenuItemConstructorOptions } from "electron";
import type { MenuCommand, RecentProject } from "../shared/bridge";

export interface MenuOptions {
  appName: string;
  isMac: boolean;
  /** Reload and developer tools appear only when running unpackaged. */
  isDev: boolean;
  /** The focused window's commands, accelerators already in Electron's form. */
  commands?: readonly MenuCommand[];
  recent?: readonly RecentProject[];
  onCommand?(id: string): void;
  onOpenRecent?(id: string): void;
  onClearRecent?(): void;
}

export function menuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const { appName, isMac, isDev } = options;
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
  const file = commandItems(options, "file");
  template.push({
    label: "&File",
    submenu: [...file, ...(file.length ? [separator] : []), openRecentItem(options), separator, isMac ? { role: "close" } : { role: "quit" }],
  });
  // Cut and Paste stay for the renderer's text fields (names, search): on
  // macOS the shortcuts only work in inputs when the menu has these roles.
  const edit = commandItems(options, "edit");
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
      ...(edit.length ? [separator, ...edit] : []),
    ],
  });
  const view = commandItems(options, "view");
  const developer: MenuItemConstructorOptions[] = isDev ? [{ role: "reload" }, { role: "forceReload" }, { role: "toggleDevTools" }] : [];
  if (view.length || developer.length) {
    template.push({ label: "&View", submenu: [...view, ...(view.length && developer.length ? [separator] : []), ...developer] });
  }
  const exports = commandItems(options, "export");
  if (exports.length) template.push({ label: "E&xport", submenu: exports });
  if (isMac) template.push({ role: "windowMenu" });
  const help = commandItems(options, "help");
  if (help.length) template.push({ label: "&Help", role: "help", submenu: help });
  return template;
}

const separator: MenuItemConstructorOptions = { type: "separator" };

function commandItems({ commands = [], onCommand }: MenuOptions, menu: MenuCommand["menu"]): MenuItemConstructorOptions[] {
  if (!onCommand) return [];
  return commands
    .filter((command) => command.menu === menu)
    .map((command) => ({
      id: command.id,
      // "&" marks a mnemonic in menu labels; a title's own "&" must show as itself.
      label: command.title.replace(/&/g, "&&"),
      enabled: command.enabled,
      ...(command.accelerator ? { accelerator: command.accelerator, registerAccelerator: false } : {}),
      click: () => onCommand(command.id),
    }));
}

function openRecentItem({ recent = [], onOpenRecent, onClearRecent }: MenuOptions): MenuItemConstructorOptions {
  if (!onOpenRecent || !onClearRecent) return { label: "Open &Recent", enabled: false, submenu: [] };
  const items: MenuItemConstructorOptions[] = recent.map((entry) => ({
    id: `recent:${entry.id}`,
    label: entry.name.replace(/&/g, "&&"),
    click: () => onOpenRecent(entry.id),
  }));
  return {
    label: "Open &Recent",
    submenu: items.length
      ? [...items, separator, { label: "&Clear Menu", click: () => onClearRecent() }]
      : [{ label: "No recent project files", enabled: false }],
  };
}
