import type { MenuItemConstructorOptions } from "electron";
import { describe, expect, it } from "vitest";
import { menuTemplate } from "../../electron/menuTemplate";

const roles = (items: MenuItemConstructorOptions[]): string[] =>
  items.flatMap((item) => [
    ...(item.role ? [item.role] : []),
    ...(Array.isArray(item.submenu) ? roles(item.submenu) : []),
  ]);

describe("menuTemplate", () => {
  it("has File and Edit, and no developer items when packaged", () => {
    const template = menuTemplate({ appName: "Spanwise", isMac: false, isDev: false });
    expect(template.map((item) => item.label)).toEqual(["&File", "&Edit"]);
    expect(roles(template)).toEqual(["quit", "undo", "redo", "cut", "copy", "paste", "selectAll"]);
  });

  it("adds reload and developer tools only in development", () => {
    const template = menuTemplate({ appName: "Spanwise", isMac: false, isDev: true });
    expect(roles(template)).toEqual(expect.arrayContaining(["reload", "forceReload", "toggleDevTools"]));
  });

  it("follows macOS conventions: app menu with Quit, File with Close", () => {
    const template = menuTemplate({ appName: "Spanwise", isMac: true, isDev: false });
    expect(template[0]?.label).toBe("Spanwise");
    expect(roles([template[0]!])).toContain("quit");
    expect(roles([template[1]!])).toEqual(["close"]);
  });

  it("only holds items that do something", () => {
    const check = (items: MenuItemConstructorOptions[]) => {
      for (const item of items) {
        const works = item.type === "separator" || item.role !== undefined || item.click !== undefined || Array.isArray(item.submenu);
        expect(works, JSON.stringify(item)).toBe(true);
        if (Array.isArray(item.submenu)) check(item.submenu);
      }
    };
    check(menuTemplate({ appName: "Spanwise", isMac: true, isDev: true }));
    check(menuTemplate({ appName: "Spanwise", isMac: false, isDev: true }));
  });
});
