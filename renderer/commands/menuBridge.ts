import { applies, type Command, type CommandMenu } from "./command";
import { acceleratorOf } from "./keys";

/** An app command as the native menu shows it (the desktop bridge's MenuCommand). */
export interface NativeMenuCommand {
  id: string;
  title: string;
  accelerator?: string;
  enabled: boolean;
  menu: "file" | "edit" | "view" | "export" | "help";
}

/** The desktop bridge's menu operations, when the host has a native menu. */
export interface NativeMenu {
  setMenuCommands(commands: NativeMenuCommand[]): void;
  onMenuCommand(listener: (id: string) => void): () => void;
}

/** The header's Project menu is the native File menu. */
const NATIVE_MENU: Record<CommandMenu, NativeMenuCommand["menu"]> = { project: "file", file: "file", edit: "edit", view: "view", export: "export", help: "help" };

/** The commands the native menu lists, with whether each applies now. */
export function nativeMenuCommands<C>(commands: readonly Command<C>[], ctx: C): NativeMenuCommand[] {
  return commands.flatMap((c) => {
    if (!c.menu) return [];
    const accelerator = c.keys?.map(acceleratorOf).find((a) => a !== undefined);
    const item: NativeMenuCommand = { id: c.id, title: c.title, enabled: applies(c, ctx), menu: NATIVE_MENU[c.menu] };
    if (accelerator) item.accelerator = accelerator;
    return [item];
  });
}
