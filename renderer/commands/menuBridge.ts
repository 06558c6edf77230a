import { applies, type Command, type CommandMenu } from "./command";
import { menuAccelerator } from "./keys";
import type { MenuCommand } from "../platform/platform";


/** The header's Project menu is the native File menu. */
const NATIVE_MENU: Record<CommandMenu, MenuCommand["menu"]> = { project: "file", file: "file", edit: "edit", view: "view", export: "export", help: "help" };

/** The commands the native menu lists, with whether each applies now. */
export function nativeMenuCommands<C>(commands: readonly Command<C>[], ctx: C): MenuCommand[] {
  return commands.flatMap((c) => {
    if (!c.menu) return [];
    const accelerator = c.keys?.map(menuAccelerator).find((a) => a !== undefined);
    const item: MenuCommand = { id: c.id, title: c.title, enabled: applies(c, ctx), menu: NATIVE_MENU[c.menu] };
    if (accelerator) item.accelerator = accelerator;
    return [item];
  });
}
