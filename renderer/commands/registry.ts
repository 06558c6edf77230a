import type { LinkTypeDef } from "../../shared/coding/model";
import type { LabelDef } from "../../shared/model";
import type { Command, CommandMenu } from "./command";
import type { AppContext } from "./context";
import { linkCommands, linkModeCommands, tagAndLinkCommands } from "./linking";
import { documentCommands } from "./documents";
import { navigationCommands } from "./navigation";
import { exportCommands, helpCommands, projectCommands } from "./project";
import { labelCommands, spanCommands } from "./tagging";

/**
 * Every command of the workspace, for a project's labels and link types. The
 * key dispatcher, the header's menus and tabs, the native menu and the
 * shortcut sheet all read this one list. Link mode comes first: while it is
 * on, its keys are the ones that count.
 */
export function workspaceCommands(labels: readonly LabelDef[], linkTypes: readonly LinkTypeDef[]): Command<AppContext>[] {
  return [
    ...linkModeCommands,
    ...labelCommands(labels),
    ...tagAndLinkCommands(labels),
    ...linkCommands(linkTypes),
    ...spanCommands,
    ...navigationCommands,
    ...documentCommands,
    ...projectCommands,
    ...exportCommands,
    ...helpCommands,
  ];
}

/** A command by id; throws for an id no command has, which is a programming error. */
export function commandById<C>(commands: readonly Command<C>[], id: string): Command<C> {
  const command = commands.find((c) => c.id === id);
  if (!command) throw new Error(`No command “${id}”.`);
  return command;
}

/** The commands of one menu, in registry order. */
export function menuOf<C>(commands: readonly Command<C>[], menu: CommandMenu): Command<C>[] {
  return commands.filter((c) => c.menu === menu);
}

/** Keys that commands other than the labels' own use: a label cannot take them. */
export const APP_KEYS: ReadonlySet<string> = new Set(
  [...linkModeCommands, ...spanCommands, ...navigationCommands, ...documentCommands, ...projectCommands, ...exportCommands, ...helpCommands].flatMap((c) => c.keys ?? []).filter((k) => !k.includes("+") || k === "+"),
);
