import { useEffect, useMemo, useRef } from "react";
import type { LinkTypeDef } from "../../shared/coding/model";
import type { LabelDef } from "../../shared/model";
import type { Command } from "../commands/command";
import type { AppContext } from "../commands/context";
import { commandForKey, typingInField } from "../commands/dispatch";
import { nativeMenuCommands } from "../commands/menuBridge";
import { workspaceCommands } from "../commands/registry";
import { platform } from "../platform";

/**
 * The workspace's command registry wired to the keyboard and the native
 * menu. `context` is called at the moment a command runs, so it reads the
 * state of that moment. Returns the registry and a function running a
 * command by id (for menus and buttons).
 */
export function useCommands(labels: readonly LabelDef[], linkTypes: readonly LinkTypeDef[], context: () => AppContext) {
  const commands = useMemo(() => workspaceCommands(labels, linkTypes), [labels, linkTypes]);
  const latest = useRef({ commands, context });
  latest.current = { commands, context };

  const runById = useMemo(
    () => (id: string) => {
      const ctx = latest.current.context();
      const command = latest.current.commands.find((c) => c.id === id);
      if (command && (!command.when || command.when(ctx))) void command.run(ctx);
    },
    [],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (typingInField(event.target)) return;
      const target = event.target as HTMLElement | null;
      const ctx = latest.current.context();
      // Enter or Space on a focused control is the control's (outside link mode, where Enter links).
      if (!ctx.link.active && (event.key === "Enter" || event.key === " ") && target?.closest?.("button, a, summary, label, [role=menuitem], [role=tab], tr[tabindex]")) return;
      const command = commandForKey(latest.current.commands, event, ctx);
      if (!command) return;
      event.preventDefault();
      void command.run(ctx);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  // The native menu lists the same commands and sends back the chosen one's id.
  useEffect(() => platform.desktop?.onMenuCommand(runById), [runById]);
  // Sent again only when what the menu shows changed (a title, or whether an item applies).
  const menuState = platform.desktop ? JSON.stringify(nativeMenuCommands(commands, context())) : "";
  useEffect(() => {
    if (menuState) platform.desktop?.setMenuCommands(JSON.parse(menuState) as ReturnType<typeof nativeMenuCommands>);
  }, [menuState]);

  return { commands: commands as readonly Command<AppContext>[], runById };
}
