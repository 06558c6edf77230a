import { describe, expect, it } from "vitest";
import { DEFAULT_LINK_TYPES } from "../../../shared/coding/model";
import { DEFAULT_LABELS } from "../../../shared/model";
import { applies } from "../../../renderer/commands/command";
import type { AppContext } from "../../../renderer/commands/context";
import { commandForKey } from "../../../renderer/commands/dispatch";
import { nativeMenuCommands } from "../../../renderer/commands/menuBridge";
import { APP_KEYS, commandById, workspaceCommands } from "../../../renderer/commands/registry";
import { RESERVED_KEYS } from "../../../renderer/store/labels";
import { toAccelerator } from "../../../electron/accelerator";
import { appContext, match, press, span } from "./appContext";

const commands = workspaceCommands(DEFAULT_LABELS, DEFAULT_LINK_TYPES);

/** The situations a coder is in: each view, in and out of link mode, with each kind of span selected or none. */
function situations(): AppContext[] {
  const out: AppContext[] = [];
  for (const view of ["reader", "events"] as const)
    for (const linking of [false, true])
      for (const selected of [null, ...DEFAULT_LABELS.map((l) => span(l.id))])
        for (const suggestions of [[], [match("Amara Okafor")]])
          for (const doc of [true, false]) out.push(appContext({ view, linking, selectedSpan: selected, suggestions, ...(doc ? {} : { doc: null }) }));
  return out;
}

describe("the command registry", () => {
  it("gives every command a unique id and a title", () => {
    const ids = commands.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of commands) expect(c.title.trim()).not.toBe("");
  });

  it("never binds one key to two commands that apply at the same time", () => {
    const chords = [...new Set(commands.flatMap((c) => c.keys ?? []))];
    for (const ctx of situations()) {
      for (const chord of chords) {
        const bound = commands.filter((c) => c.keys?.includes(chord) && applies(c, ctx)).map((c) => c.id);
        expect(bound.length, `${chord} in view ${ctx.view}, linking ${ctx.link.active}, selected ${ctx.selectedSpan?.label ?? "none"}: ${bound.join(", ")}`).toBeLessThanOrEqual(1);
      }
    }
  });

  it("has a command per label on the label's key, and per link type on its key", () => {
    for (const label of DEFAULT_LABELS) expect(commands.find((c) => c.id === `label:${label.id}`)?.keys).toEqual([label.key]);
    for (const type of DEFAULT_LINK_TYPES) expect(commands.find((c) => c.id === `link:${type.id}`)?.keys).toEqual([type.key]);
  });

  it("reserves for the app every bare key its other commands use, so no label takes one", () => {
    for (const key of ["Delete", "Backspace", "Escape", "Enter", "Tab", "ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown", "?"]) expect(APP_KEYS.has(key)).toBe(true);
    for (const label of DEFAULT_LABELS) expect(RESERVED_KEYS.has(label.key)).toBe(false);
    expect(RESERVED_KEYS.has(" ")).toBe(true);
  });
});

describe("the key dispatcher", () => {
  const id = (key: ReturnType<typeof press>, ctx: AppContext) => commandForKey(commands, key, ctx)?.id ?? null;

  it("tags with the label keys in the reading view", () => {
    expect(["1", "2", "3", "4"].map((k) => id(press(k), appContext()))).toEqual(["label:actor", "label:event", "label:date", "label:quote"]);
    expect(id(press("1"), appContext({ view: "events" }))).toBeNull();
    expect(id(press("1"), appContext({ doc: null }))).toBeNull();
    expect(id(press("5"), appContext())).toBeNull();
    expect(id(press("1", { ctrlKey: true }), appContext())).toBeNull();
  });

  it("removes, deselects, undoes and redoes", () => {
    const selected = appContext({ selectedSpan: span("actor") });
    expect(id(press("Delete"), selected)).toBe("span.remove");
    expect(id(press("Backspace"), selected)).toBe("span.remove");
    expect(id(press("Delete"), appContext())).toBeNull();
    expect(id(press("Escape"), selected)).toBe("span.deselect");
    expect(id(press("z", { ctrlKey: true }), appContext())).toBe("edit.undo");
    expect(id(press("z", { metaKey: true }), appContext())).toBe("edit.undo");
    expect(id(press("Z", { ctrlKey: true, shiftKey: true }), appContext())).toBe("edit.redo");
    expect(id(press("y", { ctrlKey: true }), appContext())).toBe("edit.redo");
    expect(id(press("z", { ctrlKey: true }), appContext({ canUndo: false }))).toBeNull();
  });

  it("steps to the outer span with Alt+ArrowUp and the inner one with Alt+ArrowDown, with a span selected", () => {
    const selected = appContext({ selectedSpan: span("actor") });
    expect(id(press("ArrowUp", { altKey: true }), selected)).toBe("span.outer");
    expect(id(press("ArrowDown", { altKey: true }), selected)).toBe("span.inner");
    expect(id(press("ArrowDown", { altKey: true, shiftKey: true }), selected)).toBeNull();
    expect(id(press("ArrowUp"), selected)).toBeNull();
    expect(id(press("ArrowUp", { altKey: true }), appContext())).toBeNull();
  });

  it("starts a link only from a span it may start from", () => {
    expect(id(press("a"), appContext({ selectedSpan: span("event") }))).toBe("link:source");
    expect(id(press("s"), appContext({ selectedSpan: span("quote") }))).toBe("link:speaker");
    expect(id(press("a"), appContext({ selectedSpan: span("quote") }))).toBeNull();
    expect(id(press("a"), appContext())).toBeNull();
  });

  it("opens the event type type-ahead with e, for an event span selected outside link mode", () => {
    const event = appContext({ selectedSpan: span("event") });
    expect(id(press("e"), event)).toBe("span.eventType");
    commandById(commands, "span.eventType").run(event);
    expect(event.calls).toEqual(["open eventType"]);
    expect(id(press("e"), appContext({ selectedSpan: span("actor") }))).toBeNull();
    expect(id(press("e"), appContext())).toBeNull();
    expect(id(press("e"), appContext({ selectedSpan: span("event"), linking: true }))).toBeNull();
    expect(RESERVED_KEYS.has("e")).toBe(true);
  });

  it("gives the arrows, Tab, Enter and Escape to link mode while it is on", () => {
    const linking = appContext({ linking: true, selectedSpan: span("event") });
    expect(id(press("ArrowRight"), linking)).toBe("linkMode.next");
    expect(id(press("Tab"), linking)).toBe("linkMode.next");
    expect(id(press("Tab", { shiftKey: true }), linking)).toBe("linkMode.previous");
    expect(id(press("Enter"), linking)).toBe("linkMode.accept");
    expect(id(press("Escape"), linking)).toBe("linkMode.cancel");
    expect(id(press("1"), linking)).toBe("tagAndLink:actor");
    expect(id(press("ArrowRight"), appContext())).toBeNull();
  });

  it("uses Enter to select the span at the caret, or to accept the registry's best match", () => {
    expect(id(press("Enter"), appContext())).toBe("span.selectAtCaret");
    expect(id(press("Enter"), appContext({ selectedSpan: span("actor") }))).toBeNull();
    const withMatch = appContext({ selectedSpan: span("actor"), suggestions: [match("Amara Okafor")] });
    expect(id(press("Enter"), withMatch)).toBe("actor.acceptMatch");
  });

  it("switches views, goes back to reading with Escape, and steps through the documents", () => {
    expect(id(press("2", { altKey: true }), appContext())).toBe("view.events");
    expect(id(press("Escape"), appContext({ view: "events" }))).toBe("view.backToReading");
    expect(id(press("?", { shiftKey: true }), appContext())).toBe("help.shortcuts");
    const ctx = appContext();
    const next = commandForKey(commands, press("PageDown", { altKey: true }), ctx);
    void next?.run(ctx);
    expect(ctx.calls).toEqual(["setView reader", "openDocument d2"]);
    expect(id(press("PageDown", { altKey: true }), appContext({ doc: { ...appContext().doc!, id: "d2" } }))).toBeNull();
    expect(id(press("PageUp", { altKey: true }), appContext())).toBe("document.previous");
  });

  it("runs project and export commands through the context", async () => {
    const ctx = appContext();
    for (const chord of [press("s", { ctrlKey: true }), press("o", { ctrlKey: true }), press("e", { ctrlKey: true }), press("i", { ctrlKey: true })]) {
      await commandForKey(commands, chord, ctx)?.run(ctx);
    }
    expect(ctx.calls).toEqual(["saveProject", "pickProjectFile", "exportJsonl", "pickTextFiles"]);
    expect(commandForKey(commands, press("e", { ctrlKey: true }), appContext({ documentIds: [] }))).toBeNull();
  });
});

describe("the native menu", () => {
  it("lists the menu commands with accelerators and whether each applies", () => {
    const items = nativeMenuCommands(commands, appContext({ canUndo: false }));
    expect(items.find((i) => i.id === "project.save")).toEqual({ id: "project.save", title: "Save project", accelerator: "Mod+S", enabled: true, menu: "file" });
    expect(items.find((i) => i.id === "edit.undo")).toMatchObject({ enabled: false, accelerator: "Mod+Z", menu: "edit" });
    expect(items.find((i) => i.id === "label:actor")).toMatchObject({ menu: "edit" });
    expect(items.find((i) => i.id === "label:actor")?.accelerator).toBeUndefined();
    expect(items.some((i) => i.id.startsWith("linkMode."))).toBe(false);
  });

  it("sends only accelerators the desktop host accepts", () => {
    for (const item of nativeMenuCommands(commands, appContext())) if (item.accelerator) expect(() => toAccelerator(item.accelerator!)).not.toThrow();
  });
});
