/**
 * The desktop platform over the preload bridge: Open Recent's errors reach
 * the page as main wrote them, a refused menu list is reported where
 * developers look, and subscriptions pass through.
 */
import { describe, expect, it, vi } from "vitest";
import type { DesktopBridge, IncomingProjectFile } from "../../../shared/bridge";
import { desktopPlatform, withoutIpcPrefix } from "../../../renderer/platform/desktop";

function bridge(overrides: Partial<DesktopBridge>): DesktopBridge {
  const unused = () => Promise.reject(new Error("not used in this test"));
  return {
    version: "0.0.0",
    openFiles: unused,
    saveFile: unused,
    writeBackup: unused,
    listBackups: unused,
    readBackup: unused,
    removeBackup: unused,
    recentProjects: unused,
    openRecent: unused,
    setMenuCommands: unused,
    onOpenProjectFile: () => () => undefined,
    onMenuCommand: () => () => undefined,
    ...overrides,
  };
}

describe("withoutIpcPrefix", () => {
  it("keeps only what the main process said", () => {
    expect(withoutIpcPrefix(new Error("Error invoking remote method 'spanwise:open-recent': ProjectFileError: a.spanwise was not opened: the file no longer exists.")).message).toBe(
      "a.spanwise was not opened: the file no longer exists.",
    );
    expect(withoutIpcPrefix(new Error("Error invoking remote method 'spanwise:open-recent': Error: That project file is no longer in the recent list.")).message).toBe(
      "That project file is no longer in the recent list.",
    );
    expect(withoutIpcPrefix("plain").message).toBe("plain");
  });
});

describe("desktopPlatform(...).desktop", () => {
  it("opens a recent file, or rejects with the file's name and problem", async () => {
    const file: IncomingProjectFile = { name: "a.spanwise", bytes: new Uint8Array([1]) };
    const ok = desktopPlatform(bridge({ openRecent: async () => file })).desktop!;
    expect(await ok.openRecent("id")).toBe(file);
    const gone = desktopPlatform(bridge({ openRecent: () => Promise.reject(new Error("Error invoking remote method 'spanwise:open-recent': ProjectFileError: a.spanwise was not opened: the file no longer exists.")) })).desktop!;
    await expect(gone.openRecent("id")).rejects.toThrow(/^a\.spanwise was not opened: the file no longer exists\.$/);
  });

  it("reports a menu list main refused on the console, without throwing at the caller", async () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const desktop = desktopPlatform(bridge({ setMenuCommands: () => Promise.reject(new Error("Error invoking remote method 'spanwise:set-menu-commands': Error: commands[0].menu must be one of file, edit, view, export, help")) })).desktop!;
    desktop.setMenuCommands([{ id: "x", title: "X", enabled: true, menu: "file" }]);
    await vi.waitFor(() => expect(error).toHaveBeenCalledWith("The native menu refused the commands: commands[0].menu must be one of file, edit, view, export, help"));
    error.mockRestore();
  });

  it("passes subscriptions to the bridge and their unsubscribe back", () => {
    const stop = vi.fn();
    const onOpenProjectFile = vi.fn(() => stop);
    const desktop = desktopPlatform(bridge({ onOpenProjectFile })).desktop!;
    const listener = () => undefined;
    desktop.onOpenProjectFile(listener)();
    expect(onOpenProjectFile).toHaveBeenCalledWith(listener);
    expect(stop).toHaveBeenCalled();
  });
});
