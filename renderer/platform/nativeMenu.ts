/**
 * The desktop app's native menus show the page's commands. This turns
 * command objects (the shape of renderer/commands: id, title, keys, menu,
 * when, run) into the list the host shows, and runs the one the user
 * chooses there. In the browser build there is no native menu and this
 * does nothing.
 */
import { useEffect, useRef } from "react";
import { MENU_NAMES, type MenuCommand } from "../../shared/bridge";
import { platform } from "./index";

/** A command as the registry defines it; only what the menu needs. */
export interface MenuableCommand<C> {
  id: string;
  title: string;
  keys?: string[];
  menu?: MenuCommand["menu"] | "project" | "view";
  when?(ctx: C): boolean;
  run(ctx: C): void | Promise<void>;
}

/** The commands that belong in a native menu, as the host takes them: project commands go under File; the first key is shown. */
export function menuCommandsOf<C>(commands: readonly MenuableCommand<C>[], ctx: C): MenuCommand[] {
  return commands.flatMap((command) => {
    const menu = command.menu === "project" ? "file" : command.menu;
    if (!menu || !(MENU_NAMES as readonly string[]).includes(menu)) return [];
    const accelerator = command.keys?.[0];
    return [{ id: command.id, title: command.title, enabled: command.when?.(ctx) ?? true, menu: menu as MenuCommand["menu"], ...(accelerator ? { accelerator } : {}) }];
  });
}

/**
 * Keeps the native menus showing `commands` (enabled as `when` says for
 * `ctx`) and runs the one chosen there; failures go to `report`.
 */
export function useNativeMenu<C>(commands: readonly MenuableCommand<C>[], ctx: C, report: (message: string) => void): void {
  const desktop = platform.desktop;
  const latest = useRef({ commands, ctx, report });
  latest.current = { commands, ctx, report };
  // Sent again only when what the menu shows changes, not on every render.
  const shown = desktop ? JSON.stringify(menuCommandsOf(commands, ctx)) : "";

  useEffect(() => {
    if (desktop) desktop.setMenuCommands(JSON.parse(shown) as MenuCommand[]);
  }, [desktop, shown]);

  useEffect(
    () =>
      desktop?.onMenuCommand((id) => {
        const { commands: current, ctx: context, report: tell } = latest.current;
        const command = current.find((c) => c.id === id);
        // The menu may lag a render behind: a command that no longer applies does nothing.
        if (!command || command.when?.(context) === false) return;
        Promise.resolve()
          .then(() => command.run(context))
          .catch((err: unknown) => tell(`${command.title} failed: ${err instanceof Error ? err.message : String(err)}`));
      }),
    [desktop],
  );
}
