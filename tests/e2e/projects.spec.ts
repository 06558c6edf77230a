import { execFileSync } from "node:child_process";
import { copyFileSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { clickSpanText, expectSaved, fixture, importFiles, menuItem, openDocument, openProjectFile, selectWithMouse, spanRow, spanRows, startApp } from "./helpers";

const work = mkdtempSync(join(tmpdir(), "spanwise-projects-"));

/** A fresh browser profile (its own IndexedDB), started as `annotator`. */
async function profile(browser: Browser, annotator: string): Promise<Page> {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  await startApp(page, annotator);
  return page;
}

/** Clicks "Save project" and keeps the downloaded file as `name`. */
async function saveProject(page: Page, name: string): Promise<string> {
  const downloading = page.waitForEvent("download");
  await menuItem(page, "Project", "Save project");
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.spanwise$/);
  const path = join(work, name);
  copyFileSync(await download.path(), path);
  return path;
}

/** Opens a project file and merges it into the open project; returns the report's lines. */
async function mergeFile(page: Page, path: string): Promise<string[]> {
  await openProjectFile(page, path);
  const choose = page.getByRole("dialog", { name: /^Open / });
  await choose.getByRole("button", { name: /^Merge into/ }).click();
  const report = page.getByRole("dialog", { name: /^Merged / });
  const items = report.getByRole("list", { name: "Merge report" }).getByRole("listitem");
  await expect(items.first()).toBeVisible();
  const lines = await items.allInnerTexts();
  await report.getByRole("button", { name: "Close" }).click();
  await expect(report).toBeHidden();
  return lines;
}

async function tag(page: Page, needle: string, key: string): Promise<void> {
  await selectWithMouse(page, needle);
  await page.keyboard.press(key);
  await expectSaved(page);
}

const layerBox = (page: Page, annotator: string) =>
  page.getByRole("group", { name: "Annotator layers" }).getByRole("checkbox", { name: new RegExp(`^${annotator} \\(`) });

test("two annotators tag the same article, exchange project files, merge both ways, and the CLI exports the merge", async ({ browser }) => {
  const ana = await profile(browser, "Ana");
  const ben = await profile(browser, "Ben");

  // The same article, imported by each of them.
  for (const page of [ana, ben]) {
    await importFiles(page, [fixture("summit.txt")]);
    await openDocument(page, "summit");
  }
  await tag(ana, "Amara Okafor", "1");
  await tag(ana, "Jonas Lindqvist", "1");
  await tag(ben, "Okafor met her counterpart", "2");
  await tag(ben, "March 3, 2023", "3");

  const fromAna = await saveProject(ana, "ana.spanwise");
  const fromBen = await saveProject(ben, "ben.spanwise");

  // Each opens the other's file and merges it: one document (matched by its text), both layers.
  expect(await mergeFile(ana, fromBen)).toEqual(["0 documents added", "2 spans added", "0 spans changed", "0 spans removed", "0 conflicts resolved"]);
  expect(await mergeFile(ben, fromAna)).toEqual(["0 documents added", "2 spans added", "0 spans changed", "0 spans removed", "0 conflicts resolved"]);
  const everything = ["Date: March 3, 2023", "Actor: Amara Okafor", "Event: Okafor met her counterpart", "Actor: Jonas Lindqvist"];
  for (const page of [ana, ben]) {
    await expect(page.getByRole("navigation", { name: "Documents" }).getByRole("button")).toHaveCount(1);
    await expect.poll(() => spanRows(page)).toEqual(everything);
    await expect(layerBox(page, "Ana")).toBeChecked();
    await expect(layerBox(page, "Ben")).toBeChecked();
    // Each layer is told apart by its tag on the badge; the colour stays the label's.
    await expect(page.locator(".sw-badge", { hasText: "· AN" })).toHaveCount(2);
    await expect(page.locator(".sw-badge", { hasText: "· BE" })).toHaveCount(2);
  }

  // Merging the same file again changes nothing.
  expect(await mergeFile(ana, fromBen)).toEqual(["0 documents added", "0 spans added", "0 spans changed", "0 spans removed", "0 conflicts resolved"]);

  // Show one annotator's layer only, then all again.
  await layerBox(ana, "Ben").uncheck();
  await expect.poll(() => spanRows(ana)).toEqual(["Actor: Amara Okafor", "Actor: Jonas Lindqvist"]);
  await expect(ana.locator(".ProseMirror .sw-badge")).toHaveCount(2);
  await ana.getByRole("button", { name: "Show all" }).click();
  await expect.poll(() => spanRows(ana)).toEqual(everything);

  // Ben removes Ana's "Jonas Lindqvist" and relabels her "Amara Okafor"; the deletion and the edit travel back.
  await clickSpanText(ben, "Lindqvist");
  await ben.keyboard.press("Delete");
  await expectSaved(ben);
  await spanRow(ben, "Amara Okafor").click();
  await ben.keyboard.press("2");
  await expectSaved(ben);
  const fromBen2 = await saveProject(ben, "ben-2.spanwise");
  expect(await mergeFile(ana, fromBen2)).toEqual(["0 documents added", "0 spans added", "1 span changed", "1 span removed", "2 conflicts resolved"]);
  const merged = ["Date: March 3, 2023", "Event: Amara Okafor", "Event: Okafor met her counterpart"];
  await expect.poll(() => spanRows(ana)).toEqual(merged);

  // After a reload everything is still there.
  await ana.reload();
  await expect.poll(() => spanRows(ana)).toEqual(merged);

  // The CLI exports the merged project; every offset slices its text in Python.
  const final = await saveProject(ana, "final.spanwise");
  const out = join(work, "final.jsonl");
  execFileSync("node", ["bin/spanwise.js", "export", final, "--format", "jsonl", "-o", out, "--quiet"]);
  const py = execFileSync("python3", [
    "-c",
    "import json,sys\nrows=[]\nfor line in open(sys.argv[1],encoding='utf-8'):\n r=json.loads(line)\n for s in r['spans']:\n  assert r['text'][s['start']:s['end']]==s['text']\n  rows.append(s['label']+':'+s['text']+':'+s['annotator'])\nprint('|'.join(sorted(rows)))",
    out,
  ]).toString();
  expect(py.trim()).toBe(["date:March 3, 2023:Ben", "event:Amara Okafor:Ana", "event:Okafor met her counterpart:Ben"].join("|"));
  // --annotator keeps one layer.
  const onlyBen = execFileSync("node", ["bin/spanwise.js", "export", final, "--format", "jsonl", "--annotator", "Ben", "--quiet"]).toString();
  expect((JSON.parse(onlyBen.trim()) as { spans: { annotator: string }[] }).spans.map((s) => s.annotator)).toEqual(["Ben", "Ben"]);
});

test("open a project file as a new project; a bad file changes nothing", async ({ browser }) => {
  const ana = await profile(browser, "Ana");
  await importFiles(ana, [fixture("summit.txt"), fixture("multiscript.txt")]);
  await openDocument(ana, "summit");
  await tag(ana, "Amara Okafor", "1");
  await menuItem(ana, "Project", "Rename project");
  await ana.getByRole("dialog", { name: "Rename project" }).getByLabel("Project name").fill("Geneva talks");
  await ana.getByRole("button", { name: "Rename", exact: true }).click();
  const file = await saveProject(ana, "geneva.spanwise");

  const carla = await profile(browser, "Carla");
  await openProjectFile(carla, file);
  await carla.getByRole("dialog", { name: "Open geneva.spanwise" }).getByRole("button", { name: "Open as new project" }).click();
  await expect(carla.getByLabel("Project", { exact: true }).locator("option:checked")).toHaveText("Geneva talks");
  await expect(carla.getByRole("navigation", { name: "Documents" }).getByRole("button")).toHaveCount(2);
  await openDocument(carla, "summit");
  await expect.poll(() => spanRows(carla)).toEqual(["Actor: Amara Okafor"]);

  // Not a project file, and a truncated one: a message naming the file; nothing changes.
  const notZip = join(work, "notes.spanwise");
  writeFileSync(notZip, "just some notes, not a zip");
  await openProjectFile(carla, notZip);
  await expect(carla.getByRole("alert").filter({ hasText: "notes.spanwise was not opened; nothing was changed." })).toBeVisible();
  const truncated = join(work, "cut.spanwise");
  writeFileSync(truncated, (await import("node:fs")).readFileSync(file).subarray(0, 300));
  await openProjectFile(carla, truncated);
  await expect(carla.getByRole("alert").filter({ hasText: "cut.spanwise was not opened" })).toBeVisible();
  await expect(carla.getByRole("dialog")).toHaveCount(0);
  await expect.poll(() => spanRows(carla)).toEqual(["Actor: Amara Okafor"]);
  await expect(carla.getByLabel("Project", { exact: true }).locator("option")).toHaveCount(2);
});

test("projects: create, switch, rename, delete after asking; the last project and document come back", async ({ page }) => {
  await startApp(page, "Ana");
  await importFiles(page, [fixture("summit.txt")]);
  await openDocument(page, "summit");
  await tag(page, "Amara Okafor", "1");

  await menuItem(page, "Project", "New project");
  await page.getByRole("dialog", { name: "New project" }).getByLabel("Project name").fill("Port strike");
  await page.getByRole("button", { name: "Create project" }).click();
  const select = page.getByLabel("Project", { exact: true });
  await expect(select.locator("option:checked")).toHaveText("Port strike");
  await expect(page.getByText("Import documents to begin")).toBeVisible();
  await importFiles(page, [fixture("port-crlf.txt")]);
  await openDocument(page, "port-crlf");

  // Reload: the last project and its document come back.
  await page.reload();
  await expect(select.locator("option:checked")).toHaveText("Port strike");
  await expect(page.locator(".sw-doctitle")).toHaveText("Trade envoy visits port");

  // Switch back: the first project's document and span are as they were.
  await select.selectOption({ label: "My project" });
  await expect(page.locator(".sw-doctitle")).toHaveText("Ministers meet in Geneva as talks resume");
  await expect.poll(() => spanRows(page)).toEqual(["Actor: Amara Okafor"]);

  // Deleting asks first; keeping it changes nothing.
  await menuItem(page, "Project", "Delete project");
  const ask = page.getByRole("dialog", { name: "Delete “My project”?" });
  await expect(ask).toContainText("1 document and 1 span");
  await ask.getByRole("button", { name: "Keep project" }).click();
  await expect(select.locator("option")).toHaveCount(2);
  await menuItem(page, "Project", "Delete project");
  await page.getByRole("dialog", { name: "Delete “My project”?" }).getByRole("button", { name: "Delete project" }).click();
  await expect(select.locator("option")).toHaveCount(1);
  await expect(select.locator("option:checked")).toHaveText("Port strike");
  await page.reload();
  await expect(select.locator("option")).toHaveCount(1);

  // The annotator's name can be changed later; new spans carry it.
  await page.getByRole("button", { name: "Annotator: Ana" }).click();
  await page.getByRole("dialog", { name: "Change annotator name" }).getByLabel("Annotator name").fill("Ana Lima");
  await page.getByRole("button", { name: "Save name" }).click();
  await expect(page.getByRole("button", { name: "Annotator: Ana Lima" })).toBeVisible();
  await tag(page, "Rotterdam", "1");
  await expect(layerBox(page, "Ana Lima")).toBeChecked();
});
