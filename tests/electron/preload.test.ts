/**
 * electron/preload.ts: the renderer gets `window.spanwise` with exactly one
 * function per bridge channel (named like the channel's key) and its version,
 * each function bound to its own channel; never ipcRenderer, an Electron
 * object or a way to pick a channel.
 */
import { describe, expect, it, vi } from "vitest";
import { BRIDGE_CHANNELS } from "../../shared/bridge";

const exposed = vi.hoisted(() => ({ worlds: [] as [string, unknown][], invoked: [] as unknown[][] }));
vi.mock("electron", () => {
  const ipcRenderer = {
    invoke: async (...args: unknown[]) => void exposed.invoked.push(args),
    send: () => undefined,
    on: () => undefined,
  };
  return {
    ipcRenderer,
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => void exposed.worlds.push([key, api]) },
  };
});

await import("../../electron/preload");

const api = () => exposed.worlds[0]![1] as Record<string, unknown>;

describe("the preload bridge", () => {
  it("exposes one object, window.spanwise, with the version and one function per channel", () => {
    expect(exposed.worlds.map(([key]) => key)).toEqual(["spanwise"]);
    expect(Object.keys(api()).sort()).toEqual(["version", ...Object.keys(BRIDGE_CHANNELS)].sort());
    expect(typeof api().version).toBe("string");
    for (const key of Object.keys(BRIDGE_CHANNELS)) expect(typeof api()[key], key).toBe("function");
  });

  it("sends each operation on its own fixed channel, whatever the page passes", async () => {
    const otherChannels = Object.values(BRIDGE_CHANNELS);
    for (const [key, channel] of Object.entries(BRIDGE_CHANNELS)) {
      exposed.invoked.length = 0;
      // A page trying to steer the call to another channel through its arguments.
      await (api()[key] as (...args: unknown[]) => Promise<unknown>)(...otherChannels, "other-channel");
      expect(exposed.invoked.map((call) => call[0]), key).toEqual([channel]);
    }
  });
});
