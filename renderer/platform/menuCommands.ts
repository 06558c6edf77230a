/** Command objects (the shape of renderer/commands) as the desktop host's native menus take them. */
import { MENU_NAMES, type MenuCommand } from "../../shared/bridge";

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
