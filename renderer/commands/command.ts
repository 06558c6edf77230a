/** Where a command shows in the menus: the native menu's groups, and the header's Project menu and view tabs. */
export type CommandMenu = "file" | "edit" | "view" | "export" | "help" | "project";

/**
 * One thing the user can ask the app to do. The keyboard, the header's menus
 * and buttons, the desktop app's native menu and the shortcut sheet all read
 * the same objects, so a command is written once and shown the same way
 * everywhere.
 */
export interface Command<C> {
  /** Stable and unique: the native menu sends it back when an item is chosen. */
  id: string;
  title: string;
  /** Key chords, e.g. "Mod+Z", "Alt+ArrowUp", "1" ("Mod" is Ctrl, or ⌘ on a Mac). The first is the one shown. */
  keys?: string[];
  menu?: CommandMenu;
  /** Whether the command applies now; a command without `when` always applies. */
  when?(ctx: C): boolean;
  run(ctx: C): void | Promise<void>;
}

/** Whether `command` applies in `ctx`. */
export function applies<C>(command: Command<C>, ctx: C): boolean {
  return command.when ? command.when(ctx) : true;
}
