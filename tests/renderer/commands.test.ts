import { describe, expect, it } from "vitest";
import { DEFAULT_LABELS } from "../../shared/model";
import { commandForKey } from "../../renderer/commands";

const key = (k: string, mods: Partial<Record<"ctrlKey" | "metaKey" | "shiftKey" | "altKey", boolean>> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe("commandForKey", () => {
  it("maps the label keys to the default labels", () => {
    expect(["1", "2", "3", "4"].map((k) => commandForKey(key(k), DEFAULT_LABELS))).toEqual([
      { kind: "label", labelId: "actor" },
      { kind: "label", labelId: "event" },
      { kind: "label", labelId: "date" },
      { kind: "label", labelId: "quote" },
    ]);
  });

  it("removes with Delete and Backspace, deselects with Escape", () => {
    expect(commandForKey(key("Delete"), DEFAULT_LABELS)).toEqual({ kind: "remove" });
    expect(commandForKey(key("Backspace"), DEFAULT_LABELS)).toEqual({ kind: "remove" });
    expect(commandForKey(key("Escape"), DEFAULT_LABELS)).toEqual({ kind: "deselect" });
  });

  it("undoes with Ctrl/Cmd+Z and redoes with Shift or Ctrl+Y", () => {
    expect(commandForKey(key("z", { ctrlKey: true }), DEFAULT_LABELS)).toEqual({ kind: "undo" });
    expect(commandForKey(key("z", { metaKey: true }), DEFAULT_LABELS)).toEqual({ kind: "undo" });
    expect(commandForKey(key("Z", { ctrlKey: true, shiftKey: true }), DEFAULT_LABELS)).toEqual({ kind: "redo" });
    expect(commandForKey(key("y", { ctrlKey: true }), DEFAULT_LABELS)).toEqual({ kind: "redo" });
  });

  it("steps to the outer span with Alt+ArrowUp and the inner one with Alt+ArrowDown", () => {
    expect(commandForKey(key("ArrowUp", { altKey: true }), DEFAULT_LABELS)).toEqual({ kind: "outer" });
    expect(commandForKey(key("ArrowDown", { altKey: true }), DEFAULT_LABELS)).toEqual({ kind: "inner" });
    expect(commandForKey(key("ArrowDown", { altKey: true, shiftKey: true }), DEFAULT_LABELS)).toBeNull();
    expect(commandForKey(key("ArrowUp"), DEFAULT_LABELS)).toBeNull();
  });

  it("leaves other keys and modified label keys alone", () => {
    expect(commandForKey(key("5"), DEFAULT_LABELS)).toBeNull();
    expect(commandForKey(key("1", { ctrlKey: true }), DEFAULT_LABELS)).toBeNull();
    expect(commandForKey(key("1", { altKey: true }), DEFAULT_LABELS)).toBeNull();
    expect(commandForKey(key("c", { ctrlKey: true }), DEFAULT_LABELS)).toBeNull();
  });
});
