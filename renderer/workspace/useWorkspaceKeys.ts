import { useEffect, useRef } from "react";
import { linkTypesFrom } from "../../shared/coding/links";
import type { LinkTypeDef } from "../../shared/coding/model";
import type { ActorSuggestion } from "../../shared/coding/names";
import type { SpanRecord } from "../../shared/model";
import { setSpanActor } from "../coding";
import { applyLabel, commandForKey, redo, removeSelectedSpan, selectNested, undo, type CommandContext } from "../commands";
import type { LinkingMode } from "./useLinking";

interface KeysInput {
  context(): CommandContext;
  linking: LinkingMode;
  linkTypes: readonly LinkTypeDef[];
  spans: readonly SpanRecord[];
  suggestions: readonly ActorSuggestion[];
  run(command: (ctx: CommandContext) => Promise<void>): void;
  notify(text: string): void;
  report(write: Promise<unknown>): void;
}

/** The workspace's keys: tagging, removing, undo/redo, linking, accepting a registry match. */
export function useWorkspaceKeys(input: KeysInput): void {
  const latest = useRef(input);
  latest.current = input;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target?.closest("input, textarea, select, [contenteditable=true]")) return;
      const { context, linking, linkTypes, spans, suggestions, run, notify, report } = latest.current;
      if (linking.linking) {
        // Choosing a link's target: arrows or Tab step, Enter links, Escape cancels.
        const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1, Tab: event.shiftKey ? -1 : 1 }[event.key];
        if (step !== undefined) {
          event.preventDefault();
          linking.step(step);
        } else if (event.key === "Enter") {
          event.preventDefault();
          linking.accept();
        } else if (event.key === "Escape") {
          event.preventDefault();
          linking.cancel();
        }
        return;
      }
      // Enter on a focused button is the button's.
      if (event.key === "Enter" && target?.closest("button, a, summary, label")) return;
      const ctx = context();
      const sel = ctx.selectedSpan;
      const command = commandForKey(event, ctx.labels, sel ? linkTypesFrom(linkTypes, sel.label) : []);
      if (!command) return;
      if (command.kind === "accept") {
        if (!sel) {
          // Enter with the caret in a span selects the innermost span there.
          const at = ctx.reader?.caret();
          if (at === null || at === undefined) return;
          const around = spans.filter((s) => s.start <= at && at <= s.end).sort((a, b) => a.end - a.start - (b.end - b.start));
          if (!around[0]) return;
          event.preventDefault();
          ctx.selectSpan(around[0].id);
          return;
        }
        if (!suggestions[0]) return;
        event.preventDefault();
        const chosen = suggestions[0].actor;
        report(setSpanActor(sel, chosen.id).then(() => notify(`Linked to ${chosen.name} in the registry.`)));
        return;
      }
      event.preventDefault();
      switch (command.kind) {
        case "link": {
          const type = linkTypes.find((t) => t.id === command.typeId);
          if (type) linking.start(type);
          return;
        }
        case "label":
          return run((c) => applyLabel(c, command.labelId));
        case "remove":
          return run(removeSelectedSpan);
        case "undo":
          return run(undo);
        case "redo":
          return run(redo);
        case "deselect":
          return ctx.selectSpan(null);
        case "outer":
        case "inner":
          return selectNested(ctx, command.kind);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
}
