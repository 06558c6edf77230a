import { describe, expect, it } from "vitest";
import { menuCommandsOf, type MenuableCommand } from "../../../renderer/platform/menuCommands";

interface Ctx {
  hasProject: boolean;
}
const run = () => undefined;
const commands: MenuableCommand<Ctx>[] = [
  { id: "project.save", title: "Save project", keys: ["Mod+S", "Mod+Shift+S"], menu: "project", when: (ctx) => ctx.hasProject, run },
  { id: "export.jsonl", title: "Export JSONL", menu: "export", run },
  { id: "view.events", title: "Events", keys: ["Mod+2"], menu: "view", run },
  { id: "reader.next", title: "Next span", keys: ["Alt+ArrowDown"], run },
];

describe("menuCommandsOf", () => {
  it("lists the commands that have a menu, project ones under File, with their first key and whether they apply now", () => {
    expect(menuCommandsOf(commands, { hasProject: false })).toEqual([
      { id: "project.save", title: "Save project", accelerator: "Mod+S", enabled: false, menu: "file" },
      { id: "export.jsonl", title: "Export JSONL", enabled: true, menu: "export" },
      { id: "view.events", title: "Events", accelerator: "Mod+2", enabled: true, menu: "view" },
    ]);
    expect(menuCommandsOf(commands, { hasProject: true })[0]?.enabled).toBe(true);
  });
});
