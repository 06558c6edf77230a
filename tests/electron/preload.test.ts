/**
 * electron/preload.ts: the renderer gets `window.spanwise` with exactly one
 * function per bridge channel (named like the channel's key), one
 * subscription per event main sends, and its version; each function bound
 * to its own channel; never ipcRenderer, an Electron object or a way to
 * pick a channel.
 */
import { describe, expect, it, vi } from "vitest";
import { BRIDGE_CHANNELS, BRIDGE_EVENTS, type IncomingProjectFile } from "../../shared/bridge";

type Handler = (event: unknown, ...args: unknown[]) => void;
const exposed = vi.hoisted(() => ({ worlds: [] as [string, unknown][], invoked: [] as unknown[][], handlers: new Map<string, ((event: unknown, ...args: unknown[]) => void)[]>() }));
vi.mock("electron", () => {
  const ipcRenderer = {
    invoke: async (...args: unknown[]) => void exposed.invoked.push(args),
    send: () => undefined,
    on: (channel: string, handler: Handler) => void exposed.handlers.set(channel, [...(exposed.handlers.get(channel) ?? []), handler]),
  };
  return {
    ipcRenderer,
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => void exposed.worlds.push([key, api]) },
  };
});

await import("../../electron/preload");

const api = () => exposed.worlds[0]![1] as Record<string, unknown>;
/** Main sending on `channel`, with the IPC event object the page must never see. */
const mainSends = (channel: string, value: unknown) => {
  for (const handler of exposed.handlers.get(channel) ?? []) handler({ sender: "ipc event" }, value);
};
const subscribe = <T,>(key: keyof typeof BRIDGE_EVENTS, listener: (value: T) => void) => (api()[key] as (l: (value: T) => void) => () => void)(listener);

describe("the preload bridge", () => {
  it("exposes one object, window.spanwise, with the version, one function per channel and one subscription per event", () => {
    expect(exposed.worlds.map(([key]) => key)).toEqual(["spanwise"]);
    expect(Object.keys(api()).sort()).toEqual(["version", ...Object.keys(BRIDGE_CHANNELS), ...Object.keys(BRIDGE_EVENTS)].sort());
    expect(typeof api().version).toBe("string");
    for (const key of [...Object.keys(BRIDGE_CHANNELS), ...Object.keys(BRIDGE_EVENTS)]) expect(typeof api()[key], key).toBe("function");
    // Each event has exactly one listener of the preload's own, set before the page runs.
    expect([...exposed.handlers.keys()].sort()).toEqual(Object.values(BRIDGE_EVENTS).sort());
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

  it("keeps project files that came before the page listened for its first listener, and passes only the file", () => {
    const early = { name: "early.spanwise", bytes: new Uint8Array([1]) };
    mainSends(BRIDGE_EVENTS.onOpenProjectFile, early);
    mainSends(BRIDGE_EVENTS.onOpenProjectFile, { name: "not a file" });
    const heard: unknown[][] = [];
    const stop = subscribe<IncomingProjectFile>("onOpenProjectFile", (...args) => void heard.push(args));
    expect(heard).toEqual([[early]]);
    const later = { name: "later.spanwise", bytes: new Uint8Array([2]) };
    mainSends(BRIDGE_EVENTS.onOpenProjectFile, later);
    expect(heard).toEqual([[early], [later]]);
    stop();
    mainSends(BRIDGE_EVENTS.onOpenProjectFile, early);
    expect(heard).toHaveLength(2);
  });

  it("passes menu commands to the listeners there are, and drops them when there are none", () => {
    mainSends(BRIDGE_EVENTS.onMenuCommand, "project.save");
    const heard: unknown[][] = [];
    const stop = subscribe<string>("onMenuCommand", (...args) => void heard.push(args));
    mainSends(BRIDGE_EVENTS.onMenuCommand, "export.jsonl");
    mainSends(BRIDGE_EVENTS.onMenuCommand, { id: "x" });
    stop();
    mainSends(BRIDGE_EVENTS.onMenuCommand, "view.events");
    expect(heard).toEqual([["export.jsonl"]]);
  });
});
