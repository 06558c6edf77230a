/**
 * The desktop app opens the project files it is given, in the real shell:
 * a path on the command line (as a double-click starts it on Windows and
 * Linux), a second start while it runs, and Open recent (page and File
 * menu), each ending in Open project's choice. Skipped, with the reason,
 * where the Electron binary is not installed.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { _electron as electron, expect, test, type ElectronApplication, type Page } from "@playwright/test";
// @ts-expect-error plain ES module shared with the start script
import { buildElectron } from "../../scripts/build-electron.mjs";
// @ts-expect-error plain ES module shared with the start script
import { electronBinary } from "../../scripts/electron-binary.mjs";
import { expectSaved, FIXTURES, nameAnnotator, openDocument, selectWithMouse, spanRows } from "../e2e/helpers";

const projectRoot = join(import.meta.dirname, "..", "..");
const found = electronBinary() as { path: string } | { missing: string };
if ("missing" in found) test.skip(true, `Electron is not available: ${found.missing}`);

let workDir: string;
const running: ElectronApplication[] = [];

test.beforeAll(async () => {
  if (!existsSync(join(projectRoot, "dist", "index.html"))) throw new Error('dist/index.html is missing: run "npm run build:web" first');
  await (buildElectron as () => Promise<string[]>)();
});

test.beforeEach(() => {
  workDir = mkdtempSync(join(tmpdir(), "spanwise-electron-open-"));
});

test.afterEach(async () => {
  for (const app of running.splice(0)) await app.close().catch(() => undefined);
  rmSync(workDir, { recursive: true, force: true });
});

/** Starts the app on `profile` with `args` after the app path, as a double-click or a shell would. */
async function launch(profile: string, args: string[] = []): Promise<ElectronApplication> {
  if (!("path" in found)) throw new Error("unreachable");
  const app = await electron.launch({
    executablePath: found.path,
    args: [join(projectRoot, "dist-electron", "main.cjs"), ...args],
    env: { ...process.env, SPANWISE_USER_DATA_DIR: join(workDir, profile) },
  });
  running.push(app);
  return app;
}

/** Makes a project file in a profile of its own, saving it through the (replaced) save dialog. */
async function makeProjectFile(path: string): Promise<void> {
  const app = await launch("maker");
  const page = await app.firstWindow();
  await nameAnnotator(page, "Ana");
  await app.evaluate(
    ({ dialog }, { openPath, savePath }) => {
      dialog.showOpenDialog = (async () => ({ canceled: false, filePaths: [openPath] })) as typeof dialog.showOpenDialog;
      dialog.showSaveDialog = (async () => ({ canceled: false, filePath: savePath })) as typeof dialog.showSaveDialog;
    },
    { openPath: join(FIXTURES, "summit.txt"), savePath: path },
  );
  await page.getByRole("button", { name: "Import documents" }).click();
  await openDocument(page, "summit");
  await selectWithMouse(page, "Amara Okafor");
  await page.keyboard.press("1");
  await expectSaved(page);
  await page.getByRole("button", { name: "Save project" }).click();
  await expect.poll(() => existsSync(path)).toBe(true);
  await app.close();
}

async function chooseOpenAsNew(page: Page, fileName: string): Promise<void> {
  await page.getByRole("dialog", { name: `Open ${fileName}` }).getByRole("button", { name: "Open as new project" }).click();
  await openDocument(page, "summit");
  await expect.poll(() => spanRows(page)).toEqual(["Actor: Amara Okafor"]);
}

test("a project file named on the command line opens with Open project's choice, and joins Open recent", async () => {
  const file = join(workDir, "geneva.spanwise");
  await makeProjectFile(file);
  const app = await launch("carla", [file]);
  const page = await app.firstWindow();
  await nameAnnotator(page, "Carla");
  await chooseOpenAsNew(page, "geneva.spanwise");

  await page.getByRole("button", { name: "Open recent" }).click();
  await expect(page.getByRole("menu", { name: "Recent project files" }).getByRole("menuitem")).toHaveText([/^geneva\.spanwise/]);
  // The same list is in the File menu.
  const menuLabels = await app.evaluate(({ Menu }) =>
    Menu.getApplicationMenu()!
      .items.flatMap((item) => item.submenu?.items ?? [])
      .find((item) => item.label === "Open &Recent" || item.label === "Open Recent")
      ?.submenu?.items.map((item) => item.label),
  );
  expect(menuLabels?.[0]).toBe("geneva.spanwise");
});

test("a second start hands its file to the running app, and a recent file that has gone is reported by name", async () => {
  const file = join(workDir, "geneva.spanwise");
  await makeProjectFile(file);
  const app = await launch("carla");
  const page = await app.firstWindow();
  await nameAnnotator(page, "Carla");

  // A second Spanwise on the same data folder passes the file over and quits.
  const second = await launch("carla", [file]).catch(() => undefined);
  if (second) running.splice(running.indexOf(second), 1);
  await chooseOpenAsNew(page, "geneva.spanwise");

  rmSync(file);
  await page.getByRole("button", { name: "Open recent" }).click();
  await page.getByRole("menuitem", { name: /geneva\.spanwise/ }).click();
  await expect(page.getByRole("alert").filter({ hasText: "geneva.spanwise was not opened: the file no longer exists; it was removed from the recent list." })).toBeVisible();
  await page.getByRole("button", { name: "Open recent" }).click();
  await expect(page.getByRole("menu", { name: "Recent project files" }).getByRole("menuitem")).toHaveCount(0);
});
