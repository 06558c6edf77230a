import type { Command } from "./command";
import type { AppContext } from "./context";

/**
 * The document `by` places from the open one in the list as it is shown
 * (filtered by status or title, or whole), or null at either end. When the
 * open document is filtered out of the list (the coder just marked it done
 * while the list shows new ones), the nearest shown one that way.
 */
function neighbour(ctx: AppContext, by: number): string | null {
  const shown = ctx.listedIds ?? ctx.documentIds;
  if (!ctx.doc) return shown[0] ?? null;
  const at = shown.indexOf(ctx.doc.id);
  if (at >= 0) return shown[at + by] ?? null;
  const all = ctx.documentIds;
  const from = all.indexOf(ctx.doc.id);
  if (from < 0 || ctx.listedIds === null) return null;
  const listed = new Set(shown);
  for (let i = from + by; i >= 0 && i < all.length; i += by) if (listed.has(all[i]!)) return all[i]!;
  return null;
}

const openNeighbour = (by: number) => (ctx: AppContext) => {
  const id = neighbour(ctx, by);
  if (id) {
    ctx.setView("reader");
    ctx.openDocument(id);
  }
};

export const navigationCommands: Command<AppContext>[] = [
  {
    id: "document.next",
    title: "Next document",
    keys: ["Alt+PageDown"],
    menu: "view",
    when: (ctx) => !ctx.link.active && neighbour(ctx, 1) !== null,
    run: openNeighbour(1),
  },
  {
    id: "document.previous",
    title: "Previous document",
    keys: ["Alt+PageUp"],
    menu: "view",
    when: (ctx) => !ctx.link.active && ctx.doc !== null && neighbour(ctx, -1) !== null,
    run: openNeighbour(-1),
  },
  { id: "view.reading", title: "Reading", keys: ["Alt+1"], menu: "view", when: (ctx) => !ctx.link.active, run: (ctx) => ctx.setView("reader") },
  { id: "view.events", title: "Events", keys: ["Alt+2"], menu: "view", when: (ctx) => !ctx.link.active && ctx.project !== null, run: (ctx) => ctx.setView("events") },
  {
    id: "view.backToReading",
    title: "Back to reading",
    keys: ["Escape"],
    when: (ctx) => ctx.view !== "reader" && !ctx.link.active,
    run: (ctx) => ctx.setView("reader"),
  },
  { id: "view.actors", title: "Actors", keys: ["Alt+3"], menu: "view", when: (ctx) => ctx.project !== null, run: (ctx) => ctx.open("actors") },
  { id: "view.labels", title: "Labels", keys: ["Alt+4"], menu: "view", when: (ctx) => ctx.project !== null, run: (ctx) => ctx.open("labels") },
];
