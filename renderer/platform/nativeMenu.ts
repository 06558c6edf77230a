/**
 * The desktop app's native menus show the page's commands. This turns
 * command objects (the shape of renderer/commands: id, title, keys, menu,
 * when, run) into the list the host shows, and runs the one the user
 * chooses there. In the browser build there is no native menu and this
 * does nothing.
 */
import { useEffect, useRef } from "react";
import type { MenuCommand } from "../../shared/bridge";
import { platform } from "./index";
import { menuCommandsOf, type MenuableCommand } from "./menuCommands";

export type { MenuableCommand } from "./menuCommands";

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
