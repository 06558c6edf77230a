import type { MenuItemConstructorOptions } from "electron";
import { describe, expect, it, vi } from "vitest";
import { menuTemplate } from "../../electron/menuTemplate";
import type { MenuCommand, RecentProject } from "../../shared/bridge";

const roles = (items: MenuItemConstructorOptions[]): string[] =>
  items.flatMap((item) => [
    ...(item.role ? [item.role] : []),
    ...(Array.isArray(item.submenu) ? roles(item.submenu) : []),
  ]);
const submenu = (item: MenuItemConstructorOptions | undefined) => (item?.submenu ?? []) as MenuItemConstructorOptions[];
const byLabel = (template: MenuItemConstructorOptions[], label: string) => template.find((item) => item.label === label);
const labels = (items: MenuItemConstructorOptions[]) => items.map((item) => (item.type === "separator" ? "—" : (item.label ?? item.role)));

const commands: MenuCommand[] = [
  { id: "project.save", title: "Save project", accelerator: "CmdOrCtrl+S", enabled: true, menu: "file" },
  { id: "project.open", title: "Open project…", enabled: true, menu: "file" },
  { id: "span.delete", title: "Delete span", accelerator: "Delete", enabled: false, menu: "edit" },
  { id: "view.events", title: "Events", accelerator: "CmdOrCtrl+2", enabled: true, menu: "view" },
  { id: "export.jsonl", title: "JSONL & CSV", enabled: true, menu: "export" },
  { id: "help.keys", title: "Keyboard shortcuts", enabled: true, menu: "help" },
];
const recent: RecentProject[] = [
  { id: "r1", name: "Team A.spanwise", openedAt: 2 },
  { id: "r2", name: "Pilot.spanwise", openedAt: 1 },
];

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

  it("puts each of the page's commands in its menu, sending its id when chosen", () => {
    const onCommand = vi.fn();
    const template = menuTemplate({ appName: "Spanwise", isMac: false, isDev: false, commands, onCommand, recent: [], onOpenRecent: vi.fn(), onClearRecent: vi.fn() });
    expect(template.map((item) => item.label)).toEqual(["&File", "&Edit", "&View", "E&xport", "&Help"]);
    expect(labels(submenu(byLabel(template, "&File")))).toEqual(["Save project", "Open project…", "—", "Open &Recent", "—", "quit"]);
    expect(labels(submenu(byLabel(template, "&Edit"))).slice(-2)).toEqual(["—", "Delete span"]);
    const save = submenu(byLabel(template, "&File"))[0]!;
    // The key is shown, but the page handles it: a registered key would fire twice, or swallow "1" in text fields.
    expect(save).toMatchObject({ id: "project.save", accelerator: "CmdOrCtrl+S", registerAccelerator: false, enabled: true });
    expect(submenu(byLabel(template, "&Edit")).at(-1)).toMatchObject({ enabled: false });
    // "&" would be read as a mnemonic.
    expect(submenu(byLabel(template, "E&xport"))[0]?.label).toBe("JSONL && CSV");
    save.click!({} as never, undefined, {} as never);
    expect(onCommand).toHaveBeenCalledWith("project.save");
  });

  it("lists recent project files under File, each opening by id, with a way to clear them", () => {
    const onOpenRecent = vi.fn();
    const onClearRecent = vi.fn();
    const template = menuTemplate({ appName: "Spanwise", isMac: true, isDev: false, recent, onOpenRecent, onClearRecent, commands: [], onCommand: vi.fn() });
    const openRecent = submenu(byLabel(template, "&File")).find((item) => item.label === "Open &Recent");
    expect(labels(submenu(openRecent))).toEqual(["Team A.spanwise", "Pilot.spanwise", "—", "&Clear Menu"]);
    submenu(openRecent)[1]!.click!({} as never, undefined, {} as never);
    expect(onOpenRecent).toHaveBeenCalledWith("r2");
    submenu(openRecent)[3]!.click!({} as never, undefined, {} as never);
    expect(onClearRecent).toHaveBeenCalled();
    const empty = menuTemplate({ appName: "Spanwise", isMac: true, isDev: false, recent: [], onOpenRecent, onClearRecent });
    expect(submenu(submenu(byLabel(empty, "&File")).find((item) => item.label === "Open &Recent"))).toEqual([{ label: "No recent project files", enabled: false }]);
  });

  it("only holds items that do something, or say why they cannot", () => {
    const check = (items: MenuItemConstructorOptions[]) => {
      for (const item of items) {
        const works = item.type === "separator" || item.role !== undefined || item.click !== undefined || Array.isArray(item.submenu) || item.enabled === false;
        expect(works, JSON.stringify(item)).toBe(true);
        if (Array.isArray(item.submenu)) check(item.submenu);
      }
    };
    const full = { commands, recent, onCommand: vi.fn(), onOpenRecent: vi.fn(), onClearRecent: vi.fn() };
    check(menuTemplate({ appName: "Spanwise", isMac: true, isDev: true, ...full }));
    check(menuTemplate({ appName: "Spanwise", isMac: false, isDev: true, ...full }));
    check(menuTemplate({ appName: "Spanwise", isMac: false, isDev: false, recent: [], onOpenRecent: vi.fn(), onClearRecent: vi.fn() }));
  });
});
