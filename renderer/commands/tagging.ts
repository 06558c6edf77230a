import type { LabelDef } from "../../shared/model";
import { eventTypeAttribute, setSpanActor } from "../coding";
import type { Command } from "./command";
import { readingText, type AppContext } from "./context";
import { applyLabel, redo, removeSelectedSpan, selectNested, undo } from "./spanActions";

/** One command per label, on the label's own key: tags the selection, or relabels the selected span. */
export function labelCommands(labels: readonly LabelDef[]): Command<AppContext>[] {
  return labels.map((label) => ({
    id: `label:${label.id}`,
    title: `Tag as ${label.name}`,
    keys: label.key ? [label.key] : [],
    menu: "edit",
    when: readingText,
    run: (ctx) => ctx.report(applyLabel(ctx, label.id)),
  }));
}

export const spanCommands: Command<AppContext>[] = [
  {
    id: "span.remove",
    title: "Remove span",
    keys: ["Delete", "Backspace"],
    menu: "edit",
    when: (ctx) => readingText(ctx) && ctx.selectedSpan !== null,
    run: (ctx) => ctx.report(removeSelectedSpan(ctx)),
  },
  {
    id: "edit.undo",
    title: "Undo",
    keys: ["Mod+Z"],
    menu: "edit",
    when: (ctx) => !ctx.link.active && ctx.canUndo,
    run: (ctx) => ctx.report(undo(ctx)),
  },
  {
    id: "edit.redo",
    title: "Redo",
    keys: ["Mod+Shift+Z", "Mod+Y"],
    menu: "edit",
    when: (ctx) => !ctx.link.active && ctx.canRedo,
    run: (ctx) => ctx.report(redo(ctx)),
  },
  {
    id: "span.deselect",
    title: "Deselect the span",
    keys: ["Escape"],
    when: (ctx) => readingText(ctx) && ctx.selectedSpan !== null,
    run: (ctx) => ctx.selectSpan(null),
  },
  {
    id: "span.outer",
    title: "Select the span around this one",
    keys: ["Alt+ArrowUp"],
    menu: "edit",
    when: (ctx) => readingText(ctx) && !ctx.link.active && ctx.selectedSpan !== null,
    run: (ctx) => selectNested(ctx, "outer"),
  },
  {
    id: "span.inner",
    title: "Select the span inside this one",
    keys: ["Alt+ArrowDown"],
    menu: "edit",
    when: (ctx) => readingText(ctx) && !ctx.link.active && ctx.selectedSpan !== null,
    run: (ctx) => selectNested(ctx, "inner"),
  },
  {
    id: "span.selectAtCaret",
    title: "Select the span at the caret",
    keys: ["Enter"],
    when: (ctx) => readingText(ctx) && ctx.selectedSpan === null,
    run: (ctx) => {
      // The innermost span around the caret.
      const at = ctx.reader?.caret();
      if (at === null || at === undefined) return;
      const around = ctx.spans.filter((s) => s.start <= at && at <= s.end).sort((a, b) => a.end - a.start - (b.end - b.start));
      if (around[0]) ctx.selectSpan(around[0].id);
    },
  },
  {
    id: "span.eventType",
    title: "Set event type…",
    keys: ["e"],
    menu: "edit",
    when: (ctx) => readingText(ctx) && ctx.selectedSpan !== null && eventTypeAttribute(ctx.labels.find((l) => l.id === ctx.selectedSpan!.label)) !== undefined,
    run: (ctx) => ctx.open("eventType"),
  },
  {
    id: "actor.acceptMatch",
    title: "Link the selected actor span to its best registry match",
    keys: ["Enter"],
    when: (ctx) => readingText(ctx) && ctx.selectedSpan !== null && ctx.suggestions.length > 0,
    run: (ctx) => {
      const span = ctx.selectedSpan;
      const chosen = ctx.suggestions[0]?.actor;
      if (!span || !chosen) return;
      ctx.report(setSpanActor(span, chosen.id).then(() => ctx.notify(`Linked to ${chosen.name} in the registry.`)));
    },
  },
];
