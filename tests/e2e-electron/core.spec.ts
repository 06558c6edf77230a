/**
 * The core scenario in the real desktop shell: import through the native
 * open dialog, tag a span, export JSONL through the native save dialog. The
 * dialogs are Electron's own API, replaced in the main process; everything
 * of ours (preload, IPC validation, atomic write, renderer) runs for real.
 * Skipped, with the reason, where the Electron binary is not installed.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { _electron as electron, expect, test, type ElectronApplication, type Page } from "@playwright/test";
// @ts-expect-error plain ES module shared with the start script
import { buildElectron } from "../../scripts/build-electron.mjs";
// @ts-expect-error plain ES module shared with the start script
import { electronBinary } from "../../scripts/electron-binary.mjs";
import type { DesktopBridge } from "../../shared/bridge";
import { expectSaved, FIXTURES, openDocument, selectWithMouse } from "../e2e/helpers";

const projectRoot = join(import.meta.dirname, "..", "..");
const found = electronBinary() as { path: string } | { missing: string };
if ("missing" in found) test.skip(true, `Electron is not available: ${found.missing}`);

interface ExportedRecord {
  title: string;
  text: string;
  spans: { start: number; end: number; label: string; text: string }[];
}

/** What the preload put on the page, if anything. */
declare const window: Window & { spanwise?: DesktopBridge };

/** Python's text[start:end]: slicing by code points. */
const pySlice = (text: string, start: number, end: number) => Array.from(text).slice(start, end).join("");

let workDir: string;
let app: ElectronApplication;
let page: Page;

test.beforeAll(async () => {
  if (!existsSync(join(projectRoot, "dist", "index.html"))) throw new Error('dist/index.html is missing: run "npm run build:web" first');
  await (buildElectron as () => Promise<string[]>)();
});

test.beforeEach(async () => {
  if (!("path" in found)) return;
  workDir = mkdtempSync(join(tmpdir(), "spanwise-electron-e2e-"));
  app = await electron.launch({
    executablePath: found.path,
    args: [join(projectRoot, "dist-electron", "main.cjs")],
    env: { ...process.env, SPANWISE_USER_DATA_DIR: join(workDir, "profile") },
  });
  page = await app.firstWindow();
  // First start asks who is annotating.
  await page.getByRole("dialog", { name: "Who is annotating?" }).getByLabel("Annotator name").fill("Ana");
  await page.getByRole("button", { name: "Save name" }).click();
  await expect(page.getByText("Import documents to begin")).toBeVisible();
});

test.afterEach(async () => {
  await app?.close();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

test("import through the open dialog, tag with a key, export through the save dialog", async () => {
  const exportPath = join(workDir, "export.jsonl");
  await app.evaluate(
    ({ dialog }, { openPath, savePath }) => {
      const calls: unknown[] = [];
      Object.assign(globalThis, { spanwiseDialogCalls: calls });
      dialog.showOpenDialog = (async (...args: unknown[]) => {
        calls.push({ open: args.at(-1) });
        return { canceled: false, filePaths: [openPath] };
      }) as typeof dialog.showOpenDialog;
      dialog.showSaveDialog = (async (...args: unknown[]) => {
        calls.push({ save: args.at(-1) });
        return { canceled: false, filePath: savePath };
      }) as typeof dialog.showSaveDialog;
    },
    { openPath: join(FIXTURES, "summit.txt"), savePath: exportPath },
  );

  await page.getByRole("button", { name: "Import documents" }).click();
  await openDocument(page, "summit");

  await selectWithMouse(page, "Amara Okafor");
  await page.keyboard.press("1");
  await expect(page.locator('.ProseMirror .sw-span[data-label="actor"]')).toContainText("Amara Okafor");
  await expectSaved(page);

  await page.getByRole("button", { name: "Export JSONL" }).click();
  await expect.poll(() => existsSync(exportPath)).toBe(true);

  const calls = (await app.evaluate(() => (globalThis as unknown as { spanwiseDialogCalls: unknown[] }).spanwiseDialogCalls)) as {
    open?: unknown;
    save?: { defaultPath?: string };
  }[];
  expect(calls.some((call) => call.open !== undefined)).toBe(true);
  expect(calls.find((call) => call.save)?.save?.defaultPath).toMatch(/My project\.jsonl$/);

  const records = readFileSync(exportPath, "utf8").trimEnd().split("\n").map((line) => JSON.parse(line) as ExportedRecord);
  expect(records).toHaveLength(1);
  const [summit] = records;
  expect(summit?.title).toBe("summit");
  expect(summit?.spans.map((s) => `${s.label}: ${s.text}`)).toEqual(["actor: Amara Okafor"]);
  for (const s of summit?.spans ?? []) expect(pySlice(summit!.text, s.start, s.end)).toBe("Amara Okafor");
  // The atomic write leaves no temporary file behind.
  expect(readdirSync(workDir).sort()).toEqual(["export.jsonl", "profile"]);
});

test("the page gets only the bridge; navigation and new windows stay out", async () => {
  expect(await page.evaluate(() => Object.keys(window.spanwise ?? {}).sort())).toEqual([
    "listBackups",
    "onMenuCommand",
    "onOpenProjectFile",
    "openFiles",
    "openRecent",
    "readBackup",
    "recentProjects",
    "removeBackup",
    "saveFile",
    "setMenuCommands",
    "version",
    "writeBackup",
  ]);
  expect(await page.evaluate(() => [typeof (globalThis as Record<string, unknown>).require, typeof (globalThis as Record<string, unknown>).process])).toEqual([
    "undefined",
    "undefined",
  ]);

  await app.evaluate(({ shell }) => {
    const opened: string[] = [];
    Object.assign(globalThis, { spanwiseOpened: opened });
    shell.openExternal = (async (url: string) => {
      opened.push(url);
    }) as typeof shell.openExternal;
  });
  const openedExternally = () => app.evaluate(() => (globalThis as unknown as { spanwiseOpened: string[] }).spanwiseOpened);

  // A new window is never created; a checked https link goes to the system browser.
  expect(await page.evaluate(() => window.open("https://example.org/paper") === null)).toBe(true);
  await expect.poll(openedExternally).toEqual(["https://example.org/paper"]);
  expect(app.windows()).toHaveLength(1);

  // Navigating away is refused; the https target is handed over, file: is dropped.
  await page.evaluate(() => {
    location.href = "https://example.org/elsewhere";
  });
  await expect.poll(openedExternally).toEqual(["https://example.org/paper", "https://example.org/elsewhere"]);
  await page.evaluate(() => {
    location.href = "file:///etc/passwd";
  });
  expect(page.url()).toMatch(/^app:\/\/spanwise\//);

  // The bridge refuses arguments that are not what it declares.
  const refusal = await page.evaluate(() =>
    window.spanwise!.saveFile({ suggestedName: "../../.bashrc", filters: [], data: "x" }).then(
      () => "saved",
      (error: unknown) => String(error),
    ),
  );
  expect(refusal).toMatch(/must not contain path separators/);
});
