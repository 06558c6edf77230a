import { describe, expect, it } from "vitest";
import { DEFAULT_LINK_TYPES } from "../../../shared/coding/model";
import { DEFAULT_LABELS } from "../../../shared/model";
import { workspaceCommands } from "../../../renderer/commands/registry";
import { shortcutGroups } from "../../../renderer/workspace/ShortcutSheet";

describe("the keyboard shortcut sheet", () => {
  it("lists every command that has a key, once, with its keys", () => {
    const commands = workspaceCommands(DEFAULT_LABELS, DEFAULT_LINK_TYPES);
    const rows = shortcutGroups(commands).flatMap((g) => g.rows);
    const keyed = commands.filter((c) => c.keys?.length);
    expect(rows.map((r) => r.id).sort()).toEqual(keyed.map((c) => c.id).sort());
    expect(rows.find((r) => r.id === "edit.redo")?.keys).toEqual(["Mod+Shift+Z", "Mod+Y"]);
  });

  it("follows the project's own label keys", () => {
    const labels = DEFAULT_LABELS.map((l) => (l.id === "quote" ? { ...l, key: "q" } : l));
    const rows = shortcutGroups(workspaceCommands(labels, DEFAULT_LINK_TYPES)).flatMap((g) => g.rows);
    expect(rows.find((r) => r.id === "label:quote")).toEqual({ id: "label:quote", title: "Tag as Quote", keys: ["q"] });
  });
});
