import { applies, type Command } from "./command";
import { matchesChord, type KeyPress } from "./keys";

/** The command a key press asks for in `ctx`: the first that has the key and applies. Pure, so it is tested without a browser. */
export function commandForKey<C>(commands: readonly Command<C>[], event: KeyPress, ctx: C): Command<C> | null {
  for (const command of commands) {
    if (command.keys?.some((chord) => matchesChord(event, chord)) && applies(command, ctx)) return command;
  }
  return null;
}

/** Whether a key press is typing into a field, where no app command should take it. */
export function typingInField(target: EventTarget | null): boolean {
  const el = target as { closest?(selector: string): unknown } | null;
  return Boolean(el?.closest?.("input, textarea, select, [contenteditable=true]"));
}
