/**
 * The page's side of what the desktop app is asked to open, in real
 * Chromium over real IndexedDB: a double-clicked project file (sent by the
 * main process) and Open recent lead to the same choice as Open project;
 * a recent file that has gone is reported by name. The Electron binary
 * cannot run here, so the host is a stand-in for the preload bridge
 * (`window.spanwise`), answering as the main process does (its own rules
 * are unit-tested in tests/electron/); everything of the page is the real
 * app. The Electron specs (tests/e2e-electron) cover the real shell where
 * a binary exists.
 */
import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectSaved, fixture, importFiles, menuItem, nameAnnotator, openDocument, selectWithMouse, spanRows, startApp } from "./helpers";

/** What the stand-in host keeps, reachable from the test as `window.spanwiseHost`. */
interface HostControls {
  deliver(name: string, bytes: number[]): void;
  setRecent(entries: { id: string; name: string; openedAt: number; bytes?: number[] }[]): void;
  recentNames(): string[];
  pickNext(name: string, bytes: number[]): void;
  menu(): { id: string; title: string; enabled: boolean; menu: string; accelerator?: string }[];
  choose(id: string): void;
}
declare const window: Window & { spanwiseHost: HostControls };

/** Installed before the page's scripts: a host with the preload's surface, answering like main. */
function installHostStandIn(): void {
  const listeners = new Set<(file: unknown) => void>();
  const waiting: unknown[] = [];
  let recent: { id: string; name: string; openedAt: number; bytes?: number[] }[] = [];
  const backups = new Map<string, Uint8Array>();
  let picked: { name: string; bytes: Uint8Array }[] = [];
  let menu: unknown[] = [];
  const menuListeners = new Set<(id: string) => void>();
  const toFile = (name: string, bytes: number[]) => ({ name, bytes: new Uint8Array(bytes) });
  const host = {
    deliver(name: string, bytes: number[]) {
      const file = toFile(name, bytes);
      if (listeners.size === 0) waiting.push(file);
      for (const listener of listeners) listener(file);
    },
    setRecent(entries: typeof recent) {
      recent = entries;
    },
    recentNames: () => recent.map((entry) => entry.name),
    pickNext(name: string, bytes: number[]) {
      picked = [toFile(name, bytes)];
    },
    menu: () => menu,
    choose: (id: string) => menuListeners.forEach((listener) => listener(id)),
  };
  const bridge = {
    version: "stand-in",
    openFiles: async () => picked.splice(0),
    saveFile: async () => ({ saved: false }),
    writeBackup: async (fileName: string, data: Uint8Array) => void backups.set(fileName, data),
    listBackups: async () => [...backups].map(([fileName, data]) => ({ fileName, bytes: data.byteLength })),
    readBackup: async (fileName: string) => backups.get(fileName)!,
    removeBackup: async (fileName: string) => void backups.delete(fileName),
    recentProjects: async () => recent.map(({ id, name, openedAt }) => ({ id, name, openedAt })),
    openRecent: async (id: string) => {
      const entry = recent.find((e) => e.id === id)!;
      if (!entry.bytes) {
        recent = recent.filter((e) => e !== entry);
        // As Electron passes on an error thrown in main.
        throw new Error(`Error invoking remote method 'spanwise:open-recent': ProjectFileError: ${entry.name} was not opened: the file no longer exists; it was removed from the recent list.`);
      }
      return toFile(entry.name, entry.bytes);
    },
    setMenuCommands: async (commands: unknown[]) => void (menu = commands),
    onOpenProjectFile: (listener: (file: unknown) => void) => {
      listeners.add(listener);
      for (const file of waiting.splice(0)) listener(file);
      return () => void listeners.delete(listener);
    },
    onMenuCommand: (listener: (id: string) => void) => {
      menuListeners.add(listener);
      return () => void menuListeners.delete(listener);
    },
  };
  Object.assign(window, { spanwise: bridge, spanwiseHost: host });
}

/** A project file as the browser build saves it: "Geneva talks", with one tagged article. */
async function genevaProjectFile(browser: Browser): Promise<number[]> {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  await startApp(page, "Ana");
  await importFiles(page, [fixture("summit.txt")]);
  await openDocument(page, "summit");
  await selectWithMouse(page, "Amara Okafor");
  await page.keyboard.press("1");
  await expectSaved(page);
  await menuItem(page, "Project", "Rename project");
  await page.getByRole("dialog", { name: "Rename project" }).getByLabel("Project name").fill("Geneva talks");
  await page.getByRole("button", { name: "Rename", exact: true }).click();
  const downloading = page.waitForEvent("download");
  await menuItem(page, "Project", "Save project");
  const download = await downloading;
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  await context.close();
  return [...Buffer.concat(chunks)];
}

async function desktopPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  await context.addInitScript(installHostStandIn);
  return context.newPage();
}

const projectName = (page: Page) => page.getByLabel("Project", { exact: true }).locator("option:checked");

test("a project file the desktop app is asked to open gets Open project's choice, even when it came before the page listened", async ({ browser }) => {
  const geneva = await genevaProjectFile(browser);
  const page = await desktopPage(browser);
  await page.goto("/");
  // Double-clicked while the app starts: it waits through the first-start question.
  await page.evaluate((bytes) => window.spanwiseHost.deliver("geneva.spanwise", bytes), geneva);
  await nameAnnotator(page, "Carla");
  await page.getByRole("dialog", { name: "Open geneva.spanwise" }).getByRole("button", { name: "Open as new project" }).click();
  await expect(projectName(page)).toHaveText("Geneva talks");
  await openDocument(page, "summit");
  await expect.poll(() => spanRows(page)).toEqual(["Actor: Amara Okafor"]);

  // Two at once (a bad one first): each in turn, the bad one reported by name, nothing changed by it.
  await page.evaluate((bytes) => {
    window.spanwiseHost.deliver("notes.spanwise", [...new TextEncoder().encode("not a project file")]);
    window.spanwiseHost.deliver("again.spanwise", bytes);
  }, geneva);
  await expect(page.getByRole("alert").filter({ hasText: "notes.spanwise was not opened; nothing was changed." })).toBeVisible();
  const again = page.getByRole("dialog", { name: "Open again.spanwise" });
  await again.getByRole("button", { name: /^Merge into/ }).click();
  const report = page.getByRole("dialog", { name: "Merged again.spanwise into “Geneva talks”" });
  await expect(report.getByRole("list", { name: "Merge report" })).toBeVisible();
  await report.getByRole("button", { name: "Close" }).click();
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expect.poll(() => spanRows(page)).toEqual(["Actor: Amara Okafor"]);
});

test("Open recent lists the host's recent project files, opens one like Open project, and reports one that has gone", async ({ browser }) => {
  const geneva = await genevaProjectFile(browser);
  const page = await desktopPage(browser);
  await startApp(page, "Carla");
  await page.evaluate(
    (bytes) =>
      window.spanwiseHost.setRecent([
        { id: "11111111-1111-4111-8111-111111111111", name: "moved.spanwise", openedAt: Date.UTC(2026, 10, 30, 9, 0) },
        { id: "22222222-2222-4222-8222-222222222222", name: "geneva.spanwise", openedAt: Date.UTC(2026, 10, 28, 16, 30), bytes },
      ]),
    geneva,
  );

  await page.getByRole("button", { name: "Open recent" }).click();
  const menu = page.getByRole("menu", { name: "Recent project files" });
  await expect(menu.getByRole("menuitem")).toHaveText([/^moved\.spanwise/, /^geneva\.spanwise/]);
  // The list opens with the first file focused; arrows move, as in a native menu.
  await expect(menu.getByRole("menuitem").first()).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("alert").filter({ hasText: "moved.spanwise was not opened: the file no longer exists; it was removed from the recent list." })).toBeVisible();
  expect(await page.evaluate(() => window.spanwiseHost.recentNames())).toEqual(["geneva.spanwise"]);

  await page.getByRole("button", { name: "Open recent" }).click();
  await expect(menu.getByRole("menuitem")).toHaveCount(1);
  await menu.getByRole("menuitem", { name: /geneva\.spanwise/ }).click();
  await expect(menu).toBeHidden();
  await page.getByRole("dialog", { name: "Open geneva.spanwise" }).getByRole("button", { name: "Open as new project" }).click();
  await expect(projectName(page)).toHaveText("Geneva talks");

  // Escape closes the list and gives the focus back to its button.
  await page.getByRole("button", { name: "Open recent" }).click();
  await page.keyboard.press("Escape");
  await expect(menu).toBeHidden();
  await expect(page.getByRole("button", { name: "Open recent" })).toBeFocused();
});

test("the registry's commands are in the native menus, enabled as they apply, and do what the header does", async ({ browser }) => {
  const geneva = await genevaProjectFile(browser);
  const page = await desktopPage(browser);
  await startApp(page, "Carla");
  const shown = () => page.evaluate(() => window.spanwiseHost.menu().map((c) => `${c.menu}: ${c.title}${c.enabled ? "" : " (disabled)"}`));
  // The header's Project menu is the native File menu; exporting needs a document first.
  await expect.poll(shown).toEqual(expect.arrayContaining(["file: Import documents", "file: Open project", "file: Save project", "export: Export JSONL (disabled)", "view: Events", "edit: Undo (disabled)"]));
  // Bare keys (a label's "1") are not sent as accelerators: the page keeps them, so a text field still takes "1".
  const accelerators = await page.evaluate(() => window.spanwiseHost.menu().flatMap((c) => (c.accelerator ? [c.accelerator] : [])));
  for (const accelerator of accelerators) expect(accelerator).toMatch(/\+/);

  await page.evaluate(() => window.spanwiseHost.choose("view.events"));
  await expect(page.getByRole("tab", { name: "Events" })).toHaveAttribute("aria-selected", "true");
  await page.evaluate(() => window.spanwiseHost.choose("view.reading"));
  await expect(page.getByRole("tab", { name: "Reading" })).toHaveAttribute("aria-selected", "true");

  // File > Open project picks through the host's dialog and asks the same question.
  await page.evaluate((bytes) => window.spanwiseHost.pickNext("geneva.spanwise", bytes), geneva);
  await page.evaluate(() => window.spanwiseHost.choose("project.open"));
  await page.getByRole("dialog", { name: "Open geneva.spanwise" }).getByRole("button", { name: "Open as new project" }).click();
  await expect(projectName(page)).toHaveText("Geneva talks");
  await expect.poll(() => page.evaluate(() => window.spanwiseHost.menu().find((c) => c.id === "export.jsonl")?.enabled)).toBe(true);
});

test("the browser build has no Open recent: the browser keeps no file paths", async ({ page }) => {
  await startApp(page, "Ana");
  await page.locator(".sw-header").getByRole("button", { name: "Project", exact: true }).click();
  await expect(page.getByRole("menu", { name: "Project" }).getByRole("menuitem", { name: "Open project", exact: true })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("button", { name: "Open recent" })).toHaveCount(0);
});
