/**
 * electron/main.ts wired against a recording stand-in for Electron: checks
 * that the shell registers what it must, before and after `ready`, and that
 * each Electron event reaches the tested rule behind it.
 */
import * as fsPromises from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { BRIDGE_CHANNELS, BRIDGE_EVENTS, type IncomingProjectFile } from "../../shared/bridge";
import { contentSecurityPolicy, metaPolicy } from "../../shared/csp";
import { FakeWebContents } from "./fakeElectron";

const fake = vi.hoisted(() => ({ current: undefined as unknown as ReturnType<typeof import("./fakeElectron").createFakeElectron> }));
vi.mock("electron", async () => {
  const { createFakeElectron: create } = await import("./fakeElectron");
  fake.current = create();
  return fake.current.electron;
});

// A renderer build of our own, so the test does not depend on `vite build` having run.
const bundleDir = vi.hoisted(() => ({ path: "" }));
vi.mock("../../electron/appPaths", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../electron/appPaths")>();
  return { appPaths: () => original.appPaths(bundleDir.path) };
});

/** The page's inline first paint, allowed by its hash in the page's own <meta> policy (as the build writes it, quotes escaped). */
const FIRST_PAINT_HASH = "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='";
const INDEX_HTML = `<!doctype html><meta http-equiv="Content-Security-Policy" content="${metaPolicy({ scripts: [FIRST_PAINT_HASH] }).replace(/'/g, "&#39;")}"><title>Spanwise</title><script type="module" src="./assets/main.js"></script>`;
let base: string;
let appData: string;
let projects: string;
let userDataBeforeReady: string | undefined;
const savedArgv = process.argv;
const savedDefaultApp = process.defaultApp;
/** Electron sets process.defaultApp when it runs an app from a path; Node's typings call it read-only. */
const setDefaultApp = (value: boolean | undefined) => void ((process as { defaultApp?: boolean }).defaultApp = value);

beforeAll(async () => {
  base = await fsPromises.mkdtemp(path.join(os.tmpdir(), "spanwise-wiring-app-"));
  bundleDir.path = path.join(base, "dist-electron");
  const distRoot = path.join(base, "dist");
  await fsPromises.mkdir(path.join(distRoot, "assets"), { recursive: true });
  await fsPromises.writeFile(path.join(distRoot, "index.html"), INDEX_HTML);
  await fsPromises.writeFile(path.join(base, "package.json"), "{}");
  appData = path.join(base, "appData");
  await fsPromises.mkdir(path.join(appData, "Spanwise"), { recursive: true });
  projects = path.join(base, "projects");
  await fsPromises.mkdir(projects);
  for (const name of ["started-with.spanwise", "double-clicked.spanwise", "second-start.spanwise"]) await fsPromises.writeFile(path.join(projects, name), name);

  // Started as `electron main.cjs started-with.spanwise`, in development.
  process.argv = [process.execPath, path.join(bundleDir.path, "main.cjs"), "--no-sandbox", path.join(projects, "started-with.spanwise")];
  setDefaultApp(true);
  await import("electron");
  fake.current.calls.paths.set("appData", appData);
  await import("../../electron/main");
  userDataBeforeReady = fake.current.calls.paths.get("userData");
  // macOS asks to open a double-clicked file before the app is ready.
  fake.current.electron.app.emit("open-file", { preventDefault: () => undefined }, path.join(projects, "double-clicked.spanwise"));
  fake.current.ready();
  await new Promise((resolve) => setTimeout(resolve, 0));
});

afterAll(async () => {
  process.argv = savedArgv;
  setDefaultApp(savedDefaultApp);
  await fsPromises.rm(base, { recursive: true, force: true });
});

const calls = () => fake.current.calls;
const mainWindow = () => calls().windows[0]!;
const appFrame = { url: "app://spanwise/index.html", parent: null };
const invoke = (channel: string, frame: unknown, ...args: unknown[]) =>
  Promise.resolve().then(() => calls().ipcHandlers.get(channel)!({ senderFrame: frame, sender: mainWindow().webContents }, ...args));

describe("before ready", () => {
  it("registers app:// as a standard, secure scheme with fetch, and enables the sandbox", () => {
    expect(calls().privilegedSchemes).toEqual([{ scheme: "app", privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    expect(calls().sandboxEnabled).toBe(true);
    expect(userDataBeforeReady).toBe(path.join(appData, "Spanwise"));
  });
});

describe("the window", () => {
  it("is isolated and sandboxed, with the bundled preload, showing the app origin", () => {
    expect(calls().errorBoxes).toEqual([]);
    expect(calls().windows).toHaveLength(1);
    const prefs = mainWindow().options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      disableBlinkFeatures: "Auxclick",
    });
    // Nothing that weakens the renderer is switched on.
    for (const risky of ["experimentalFeatures", "enableBlinkFeatures", "enableRemoteModule"]) expect(prefs[risky], risky).toBeUndefined();
    expect(prefs.preload).toBe(path.join(bundleDir.path, "preload.cjs"));
    expect(mainWindow().loadedUrl).toBe("app://spanwise/index.html");
    expect(calls().menu).toBeDefined();
  });
});

describe("app:// responses", () => {
  const handler = () => calls().protocolHandlers.get("app")!;

  it("serves dist/index.html with the CSP, allowing the page's inline first paint by its hash", async () => {
    const response = await handler()(new Request("app://spanwise/index.html"));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-security-policy")).toBe(contentSecurityPolicy({ scripts: [FIRST_PAINT_HASH] }));
    expect(response.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(await response.text()).toBe(INDEX_HTML);
  });

  it("answers missing files, traversal and other methods with errors that still carry the CSP", async () => {
    const missing = await handler()(new Request("app://spanwise/assets/missing.js"));
    const traversal = await handler()(new Request("app://spanwise/..%2f..%2fpackage.json"));
    const post = await handler()(new Request("app://spanwise/index.html", { method: "POST", body: "x" }));
    expect([missing.status, traversal.status, post.status]).toEqual([404, 403, 405]);
    for (const response of [missing, traversal, post]) expect(response.headers.get("content-security-policy")).toBe(contentSecurityPolicy({ scripts: [FIRST_PAINT_HASH] }));
  });
});

describe("the bridge", () => {
  it("handles exactly the declared channels", () => {
    expect([...calls().ipcHandlers.keys()].sort()).toEqual(Object.values(BRIDGE_CHANNELS).sort());
  });

  it("refuses senders that are not the app's top frame", async () => {
    for (const frame of [null, { url: "https://evil.example/", parent: null }, { url: "app://spanwise/index.html", parent: {} }]) {
      await expect(invoke(BRIDGE_CHANNELS.openFiles, frame, [])).rejects.toThrow(/Refused/);
    }
  });

  it("refuses malformed arguments before showing a dialog", async () => {
    const shown = vi.spyOn(fake.current.electron.dialog, "showSaveDialog");
    await expect(invoke(BRIDGE_CHANNELS.saveFile, appFrame, { suggestedName: "../x", filters: [], data: "x" })).rejects.toThrow(/path separators/);
    await expect(invoke(BRIDGE_CHANNELS.openFiles, appFrame, "*.txt")).rejects.toThrow(/filters must be an array/);
    expect(shown).not.toHaveBeenCalled();
    shown.mockRestore();
  });

  it("reads the files the open dialog returned and names the ones it skipped", async () => {
    const dir = await fsPromises.mkdtemp(path.join(os.tmpdir(), "spanwise-wiring-"));
    await fsPromises.writeFile(path.join(dir, "a.txt"), "Alpha");
    const dialog = fake.current.electron.dialog;
    const open = vi.spyOn(dialog, "showOpenDialog").mockResolvedValue({ canceled: false, filePaths: [path.join(dir, "a.txt"), path.join(dir, "gone.txt")] });
    const files = (await invoke(BRIDGE_CHANNELS.openFiles, appFrame, [{ name: "Text", extensions: ["txt"] }])) as { name: string; bytes: Uint8Array }[];
    expect(files.map((file) => [file.name, new TextDecoder().decode(file.bytes)])).toEqual([["a.txt", "Alpha"]]);
    expect(open.mock.calls[0]?.at(-1)).toMatchObject({ properties: ["openFile", "multiSelections"], filters: [{ name: "Text", extensions: ["txt"] }] });
    expect(calls().messageBoxes.at(-1)).toMatchObject({ detail: "gone.txt: the file no longer exists" });
    open.mockRestore();
    await fsPromises.rm(dir, { recursive: true, force: true });
  });

  it("writes only to the path the save dialog returned", async () => {
    const dir = await fsPromises.mkdtemp(path.join(os.tmpdir(), "spanwise-wiring-"));
    const chosen = path.join(dir, "chosen.jsonl");
    const save = vi.spyOn(fake.current.electron.dialog, "showSaveDialog").mockResolvedValue({ canceled: false, filePath: chosen });
    const result = await invoke(BRIDGE_CHANNELS.saveFile, appFrame, { suggestedName: "My project.jsonl", filters: [], data: "line\n" });
    expect(result).toEqual({ saved: true, fileName: "chosen.jsonl" });
    expect(await fsPromises.readFile(chosen, "utf8")).toBe("line\n");
    expect(await fsPromises.readdir(dir)).toEqual(["chosen.jsonl"]);
    expect(save.mock.calls[0]?.at(-1)).toMatchObject({ defaultPath: path.join("/fake/documents", "My project.jsonl") });

    save.mockResolvedValue({ canceled: true });
    expect(await invoke(BRIDGE_CHANNELS.saveFile, appFrame, { suggestedName: "x.jsonl", filters: [], data: "" })).toEqual({ saved: false });
    save.mockRestore();
    await fsPromises.rm(dir, { recursive: true, force: true });
  });
});

/** Files main has sent to the page to open, by name. */
const filesSentToPage = () =>
  mainWindow()
    .webContents.sent.filter(([channel]) => channel === BRIDGE_EVENTS.onOpenProjectFile)
    .map(([, file]) => (file as IncomingProjectFile).name);
type Item = { label?: string; id?: string; submenu?: Item[]; click?: () => void };
const menuItems = () => ((calls().menu as { template: Item[] }).template ?? []).flatMap(function all(item: Item): Item[] {
  return [item, ...(item.submenu ?? []).flatMap(all)];
});

describe("project files the app is asked to open", () => {
  it("opens the file named on the command line and the one macOS sent before ready, once the page has loaded", async () => {
    await vi.waitFor(() => expect(filesSentToPage()).toEqual(["started-with.spanwise", "double-clicked.spanwise"]));
    expect(calls().recentDocuments).toEqual([path.join(projects, "started-with.spanwise"), path.join(projects, "double-clicked.spanwise")]);
  });

  it("opens what a second start was given, relative to its folder, and brings the window forward", async () => {
    await vi.waitFor(() => expect(filesSentToPage()).toHaveLength(2));
    const focusedBefore = mainWindow().focused;
    fake.current.electron.app.emit("second-instance", {}, ["/x/electron", "/app/main.cjs", "--flag", "second-start.spanwise"], projects);
    await vi.waitFor(() => expect(filesSentToPage().at(-1)).toBe("second-start.spanwise"));
    expect(mainWindow().focused).toBeGreaterThan(focusedBefore);
  });

  it("reports a file it cannot open by name, and opens nothing", async () => {
    await vi.waitFor(() => expect(filesSentToPage()).toHaveLength(3));
    fake.current.electron.app.emit("open-file", { preventDefault: () => undefined }, path.join(projects, "missing.spanwise"));
    await vi.waitFor(() => expect(calls().messageBoxes.at(-1)).toMatchObject({ message: "missing.spanwise was not opened: the file no longer exists." }));
    expect(filesSentToPage()).toHaveLength(3);
  });

  it("lists them in Open Recent, in the page and in the File menu, and opens one by id only", async () => {
    await vi.waitFor(() => expect(filesSentToPage()).toHaveLength(3));
    const recent = (await invoke(BRIDGE_CHANNELS.recentProjects, appFrame)) as { id: string; name: string }[];
    expect(recent.map((entry) => entry.name)).toEqual(["second-start.spanwise", "double-clicked.spanwise", "started-with.spanwise"]);
    await vi.waitFor(() => expect(menuItems().filter((item) => item.id?.startsWith("recent:")).map((item) => item.label)).toEqual(recent.map((entry) => entry.name)));

    const file = (await invoke(BRIDGE_CHANNELS.openRecent, appFrame, recent[2]!.id)) as IncomingProjectFile;
    expect([file.name, new TextDecoder().decode(file.bytes)]).toEqual(["started-with.spanwise", "started-with.spanwise"]);
    await expect(invoke(BRIDGE_CHANNELS.openRecent, appFrame, path.join(projects, "second-start.spanwise"))).rejects.toThrow(/id of a recent project file/);

    // Chosen in the menu, the file goes to the page like a double-clicked one.
    menuItems().find((item) => item.label === "double-clicked.spanwise")!.click!();
    await vi.waitFor(() => expect(filesSentToPage().at(-1)).toBe("double-clicked.spanwise"));
  });

  it("remembers a project file saved through the save dialog", async () => {
    const chosen = path.join(projects, "saved.spanwise");
    const save = vi.spyOn(fake.current.electron.dialog, "showSaveDialog").mockResolvedValue({ canceled: false, filePath: chosen });
    await invoke(BRIDGE_CHANNELS.saveFile, appFrame, { suggestedName: "x.spanwise", filters: [], data: new Uint8Array([1, 2]) });
    save.mockRestore();
    const recent = (await invoke(BRIDGE_CHANNELS.recentProjects, appFrame)) as { name: string }[];
    expect(recent[0]?.name).toBe("saved.spanwise");
  });
});

describe("the page's commands in the native menu", () => {
  it("shows the commands the page sends and sends a chosen one back to the page", async () => {
    await invoke(BRIDGE_CHANNELS.setMenuCommands, appFrame, [
      { id: "project.save", title: "Save project", accelerator: "Mod+S", enabled: true, menu: "file" },
      { id: "export.jsonl", title: "Export JSONL", enabled: true, menu: "export" },
    ]);
    const save = menuItems().find((item) => item.id === "project.save");
    expect(save).toMatchObject({ label: "Save project", accelerator: "CmdOrCtrl+S" });
    menuItems().find((item) => item.id === "export.jsonl")!.click!();
    expect(mainWindow().webContents.sent.at(-1)).toEqual([BRIDGE_EVENTS.onMenuCommand, "export.jsonl"]);
  });

  it("refuses a malformed list and keeps the menu it had", async () => {
    const before = calls().menu;
    await expect(invoke(BRIDGE_CHANNELS.setMenuCommands, appFrame, [{ id: "x", title: "X", enabled: true, menu: "window" }])).rejects.toThrow(/menu must be one of/);
    await expect(invoke(BRIDGE_CHANNELS.setMenuCommands, { url: "https://evil.example/", parent: null }, [])).rejects.toThrow(/Refused/);
    expect(calls().menu).toBe(before);
  });
});

describe("navigation, windows and permissions", () => {
  const guarded = () => {
    const contents = new FakeWebContents();
    fake.current.electron.app.emit("web-contents-created", {}, contents);
    return contents;
  };
  const navigate = (contents: FakeWebContents, event: string, url: string, isMainFrame = true) => {
    const prevented = vi.fn();
    contents.emit(event, { url, isMainFrame, preventDefault: prevented });
    return prevented.mock.calls.length > 0;
  };

  it("refuses to navigate away and hands checked https links to the system browser", () => {
    const contents = guarded();
    expect(navigate(contents, "will-navigate", "file:///etc/passwd")).toBe(true);
    expect(navigate(contents, "will-navigate", "https://example.org/a")).toBe(true);
    expect(navigate(contents, "will-navigate", "app://spanwise/index.html")).toBe(false);
    expect(navigate(contents, "will-frame-navigate", "https://example.org/frame", false)).toBe(true);
    expect(navigate(contents, "will-attach-webview", "app://spanwise/")).toBe(true);
    expect(calls().openedExternally).toEqual(["https://example.org/a", "https://example.org/frame"]);
  });

  it("never opens a new window", () => {
    const contents = guarded();
    expect(contents.windowOpenHandler!({ url: "https://example.org/b" })).toEqual({ action: "deny" });
    expect(contents.windowOpenHandler!({ url: "app://spanwise/index.html" })).toEqual({ action: "deny" });
    expect(calls().openedExternally.at(-1)).toBe("https://example.org/b");
  });

  it("grants only persistent storage to the app", () => {
    const answers: boolean[] = [];
    const request = calls().permissionRequest!;
    request({}, "persistent-storage", (granted: boolean) => answers.push(granted), { requestingUrl: "app://spanwise/index.html" });
    request({}, "media", (granted: boolean) => answers.push(granted), { requestingUrl: "app://spanwise/index.html" });
    expect(answers).toEqual([true, false]);
    const check = calls().permissionCheck!;
    expect(check(null, "persistent-storage", "app://spanwise", {})).toBe(true);
    expect(check(null, "notifications", "app://spanwise", {})).toBe(false);
  });

  it("grants no device (HID, serial, USB)", () => {
    const device = calls().devicePermission!;
    expect(device({ deviceType: "hid", origin: "app://spanwise", device: {} })).toBe(false);
    expect(device({ deviceType: "usb", origin: "app://spanwise", device: {} })).toBe(false);
  });
});
