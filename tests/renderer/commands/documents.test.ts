import { describe, expect, it } from "vitest";
import { DEFAULT_LINK_TYPES } from "../../../shared/coding/model";
import { DEFAULT_LABELS } from "../../../shared/model";
import { commandForKey } from "../../../renderer/commands/dispatch";
import { workspaceCommands } from "../../../renderer/commands/registry";
import { appContext, press } from "./appContext";

const commands = workspaceCommands(DEFAULT_LABELS, DEFAULT_LINK_TYPES);
const id = (event: ReturnType<typeof press>, ctx: ReturnType<typeof appContext>) => commandForKey(commands, event, ctx)?.id ?? null;

describe("document commands", () => {
  it("renames the open document in place with F2", () => {
    const ctx = appContext();
    const rename = commandForKey(commands, press("F2"), ctx);
    expect(rename?.id).toBe("document.rename");
    void rename?.run(ctx);
    expect(ctx.calls).toEqual(["renameDocument d1"]);
    expect(id(press("F2"), appContext({ doc: null }))).toBeNull();
  });

  it("sets the open document's status with Alt+N, Alt+P and Alt+D, the physical key on a Mac too", () => {
    expect(id(press("p", { altKey: true }), appContext())).toBe("document.status.in-progress");
    expect(id(press("d", { altKey: true }), appContext())).toBe("document.status.done");
    // On a Mac, Alt+D types "∂": the key's code says which key it was.
    expect(id(press("∂", { altKey: true, code: "KeyD" }), appContext())).toBe("document.status.done");
    const done = appContext({ doc: { ...appContext().doc!, status: "done" } });
    expect(id(press("d", { altKey: true }), done)).toBeNull();
    expect(id(press("n", { altKey: true }), done)).toBe("document.status.new");
    // A new document is new already.
    expect(id(press("n", { altKey: true }), appContext())).toBeNull();
  });

  it("leaves the keys alone in link mode and without an open document", () => {
    for (const ctx of [appContext({ linking: true }), appContext({ doc: null })]) {
      expect(id(press("d", { altKey: true }), ctx)).toBeNull();
      expect(id(press("F2"), ctx)).toBeNull();
    }
  });
});

describe("next and previous document in a filtered list", () => {
  const docs = ["d0", "d1", "d2", "d3", "d4"];
  const at = (id: string, listedIds: string[] | null) => appContext({ doc: { ...appContext().doc!, id }, documentIds: docs, listedIds });
  const step = (key: "PageDown" | "PageUp", ctx: ReturnType<typeof appContext>) => {
    void commandForKey(commands, press(key, { altKey: true }), ctx)?.run(ctx);
    return ctx.calls.filter((c) => c.startsWith("openDocument"));
  };

  it("moves through the documents the list shows", () => {
    expect(step("PageDown", at("d1", ["d1", "d3"]))).toEqual(["openDocument d3"]);
    expect(step("PageUp", at("d3", ["d1", "d3"]))).toEqual(["openDocument d1"]);
    expect(step("PageDown", at("d3", ["d1", "d3"]))).toEqual([]);
  });

  it("from a document the filter hides (just marked done), goes to the nearest shown one that way", () => {
    expect(step("PageDown", at("d2", ["d0", "d4"]))).toEqual(["openDocument d4"]);
    expect(step("PageUp", at("d2", ["d0", "d4"]))).toEqual(["openDocument d0"]);
    expect(step("PageDown", at("d4", ["d0", "d1"]))).toEqual([]);
  });
});
