import { expect, test, type Page } from "@playwright/test";
import { documentRow, expectSaved, fixture, importFiles, menuItem, openDocument, selectWithMouse, spanRows, startApp } from "./helpers";

/** summit.txt's headline, its title. */
const SUMMIT = "Ministers meet in Geneva as talks resume";

/** Words of the reader whose text is laid out on more than one line: each would have been broken inside. */
async function wordsBrokenAcrossLines(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const broken: string[] = [];
    const root = document.querySelector(".ProseMirror")!;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = (n as Text).data;
      for (const m of text.matchAll(/[\p{L}\p{M}'’-]{2,}/gu)) {
        const r = document.createRange();
        r.setStart(n, m.index);
        r.setEnd(n, m.index + m[0].length);
        const lines = new Set([...r.getClientRects()].map((rect) => Math.round(rect.top)));
        if (lines.size > 1) broken.push(m[0]);
      }
    }
    // A badge is one unit too.
    for (const badge of document.querySelectorAll(".sw-badge")) {
      const lines = new Set([...badge.getClientRects()].map((rect) => Math.round(rect.top)));
      if (lines.size > 1) broken.push(`badge ${badge.textContent}`);
    }
    return broken;
  });
}

test.beforeEach(async ({ page }) => {
  await startApp(page);
  await importFiles(page, [fixture("summit.txt"), fixture("layout.txt")]);
  await openDocument(page, "summit");
});

test("header: one line at 1280 px, menus that work with the keyboard and show their shortcuts", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const header = page.locator(".sw-header");
  // Every control's middle is on the first control's line.
  const rects = await header.locator(":scope > *").evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).filter((r) => r.height > 0).map((r) => ({ top: r.top, bottom: r.bottom })));
  const line = rects[0]!;
  for (const rect of rects) {
    expect((rect.top + rect.bottom) / 2).toBeGreaterThan(line.top);
    expect((rect.top + rect.bottom) / 2).toBeLessThan(line.bottom);
  }

  // Keyboard: ArrowDown opens on the first item, the arrows move, Escape gives focus back to the button.
  const projectButton = header.getByRole("button", { name: "Project", exact: true });
  await projectButton.focus();
  await page.keyboard.press("ArrowDown");
  const menu = page.getByRole("menu", { name: "Project" });
  await expect(menu.getByRole("menuitem").first()).toBeFocused();
  await expect(menu.getByRole("menuitem", { name: "Save project" })).toHaveAttribute("aria-keyshortcuts", /Control\+S|Meta\+S/);
  await expect(menu.getByRole("menuitem", { name: "Save project" })).toContainText(/Ctrl\+S|⌘S/);
  await page.keyboard.press("ArrowDown");
  await expect(menu.getByRole("menuitem", { name: "Rename project" })).toBeFocused();
  await page.keyboard.press("End");
  await expect(menu.getByRole("menuitem").last()).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(menu).toBeHidden();
  await expect(projectButton).toBeFocused();
  // A label key pressed while the menu is open is the menu's (type-ahead), never a tag.
  await page.keyboard.press("Enter");
  await page.keyboard.press("r");
  await expect(menu.getByRole("menuitem", { name: "Rename project" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("dialog", { name: "Rename project" })).toBeVisible();
  await page.keyboard.press("Escape");

  // The Export menu lists every format.
  await header.getByRole("button", { name: "Export", exact: true }).click();
  await expect(page.getByRole("menu", { name: "Export" }).getByRole("menuitem")).toHaveText([/Export JSONL/, /Export events JSONL/, /^Export events CSV$/, /Export events CSV \(exact values\)/, /Export project file/]);
  await page.keyboard.press("Escape");

  // The shortcut works without the menu.
  const download = page.waitForEvent("download");
  await page.keyboard.press("Control+s");
  // Named for the project, the annotator and the day, so a colleague sees whose work it is and from when.
  const today = await page.evaluate(() => new Date().toLocaleDateString("sv-SE"));
  expect((await download).suggestedFilename()).toBe(`My project – Ana – ${today}.spanwise`);
});

test("views are tabs: the events table takes the whole width, Escape goes back to reading", async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.getByRole("tab", { name: "Events" }).click();
  await expect(page.getByRole("tab", { name: "Events" })).toHaveAttribute("aria-selected", "true");
  await expect(page.getByRole("region", { name: "Event records" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Documents" })).toBeHidden();
  await expect(page.locator(".sw-spanlist")).toBeHidden();
  const width = await page.getByRole("region", { name: "Event records" }).evaluate((el) => el.getBoundingClientRect().width);
  expect(width).toBeGreaterThan(1000);

  await page.keyboard.press("Escape");
  await expect(page.getByRole("tab", { name: "Reading" })).toHaveAttribute("aria-selected", "true");
  await expect(page.locator(".sw-doctitle")).toHaveText(SUMMIT);
  await expect(page.getByRole("navigation", { name: "Documents" })).toBeVisible();

  // Alt+2 and Alt+1 switch too; the arrows move between focused tabs.
  await page.keyboard.press("Alt+2");
  await expect(page.getByRole("region", { name: "Event records" })).toBeVisible();
  await page.getByRole("tab", { name: "Events" }).focus();
  await page.keyboard.press("ArrowLeft");
  await expect(page.getByRole("tab", { name: "Reading" })).toBeFocused();
  await expect(page.locator(".sw-doctitle")).toHaveText(SUMMIT);
});

test("a narrow window: panels become drawers, the text keeps a readable width, no word breaks inside", async ({ page }) => {
  await openDocument(page, "layout");
  await selectWithMouse(page, "representatives");
  await page.keyboard.press("1");
  await expectSaved(page);
  await page.setViewportSize({ width: 800, height: 600 });

  await expect(page.getByRole("navigation", { name: "Documents" })).toBeHidden();
  await expect(page.locator(".sw-spanlist")).toBeHidden();
  const readerWidth = await page.locator(".sw-reader").evaluate((el) => el.getBoundingClientRect().width);
  expect(readerWidth).toBeGreaterThanOrEqual(600);
  expect(await wordsBrokenAcrossLines(page)).toEqual([]);
  // The header wraps here but every control is still there.
  await expect(page.getByRole("button", { name: "Annotator: Ana" })).toBeVisible();

  // The drawers open with their buttons; opening a document closes the list.
  await page.getByRole("button", { name: "Span panel" }).click();
  await expect(page.getByRole("button", { name: "Span panel" })).toHaveAttribute("aria-expanded", "true");
  expect(await spanRows(page)).toEqual(["Actor: representatives"]);
  await page.getByRole("button", { name: "Documents list" }).click();
  await expect(page.locator(".sw-spanlist")).toBeHidden();
  await documentRow(page, "summit").click();
  await expect(page.locator(".sw-doctitle")).toHaveText(SUMMIT);
  await expect(page.getByRole("navigation", { name: "Documents" })).toBeHidden();

  // Wide again: the panels are back beside the text.
  await page.setViewportSize({ width: 1440, height: 900 });
  await expect(page.getByRole("navigation", { name: "Documents" })).toBeVisible();
  await expect(page.locator(".sw-spanlist")).toBeVisible();
});

test("label badges stay whole at line ends in a narrow window, with annotator layers shown", async ({ page }) => {
  await importFiles(page, [fixture("badges.txt")]);
  await openDocument(page, "badges");
  // Ana tags every "Okafor" at once; a second annotator's span makes the layers show ("ACTOR · AN").
  await page.locator(".sw-header").getByRole("button", { name: "Actors", exact: true }).click();
  const registry = page.getByRole("dialog", { name: "Actors" });
  await registry.getByRole("button", { name: "New actor" }).click();
  const form = page.getByRole("dialog", { name: "New actor" });
  await form.getByLabel("Canonical name").fill("Okafor");
  await form.getByRole("button", { name: "Add actor" }).click();
  await registry.getByRole("button", { name: "Tag all mentions" }).click();
  await page.getByRole("dialog", { name: "Tag all mentions of “Okafor”" }).getByRole("button", { name: "Tag 25 mentions" }).click();
  await registry.getByRole("button", { name: "Close" }).click();
  await expectSaved(page);
  await page.getByRole("button", { name: "Annotator: Ana" }).click();
  await page.getByRole("dialog", { name: "Change annotator name" }).getByLabel("Annotator name").fill("Dr Bea");
  await page.getByRole("button", { name: "Save name" }).click();
  await selectWithMouse(page, "border talks");
  await page.keyboard.press("2");
  await expectSaved(page);

  await page.setViewportSize({ width: 800, height: 600 });
  const badges = page.locator(".ProseMirror .sw-badge");
  await expect(badges).toHaveCount(26);
  await expect(badges.first()).toHaveText("Actor · AN");
  const layout = await page.locator(".ProseMirror").evaluate((root) => {
    const all = [...root.querySelectorAll(".sw-badge")];
    const lines = new Set(all.map((b) => Math.round(b.getBoundingClientRect().top)));
    return { broken: all.filter((b) => b.getClientRects().length !== 1).map((b) => b.textContent), lines: lines.size };
  });
  // The badges are spread over many lines of the paragraph, so some end a line; none is split.
  expect(layout.lines).toBeGreaterThan(8);
  expect(layout.broken).toEqual([]);
  expect(await wordsBrokenAcrossLines(page)).toEqual([]);
});

test("the keyboard cheat sheet opens with ? and lists the registry's commands with their keys", async ({ page }) => {
  await page.locator(".ProseMirror").click();
  await page.keyboard.press("?");
  const sheet = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(sheet).toBeVisible();
  const tagging = sheet.getByRole("region", { name: "Tagging and editing" });
  await expect(tagging.locator(".sw-shortcut", { hasText: "Tag as Actor" }).locator("kbd")).toHaveText("1");
  await expect(tagging.locator(".sw-shortcut", { hasText: "Undo" }).locator("kbd")).toHaveText(/Ctrl\+Z|⌘Z/);
  await expect(sheet.getByRole("region", { name: "Choosing a link's target" })).toContainText("Cancel linking");
  await page.keyboard.press("Escape");
  await expect(sheet).toBeHidden();
  // Keys typed while the sheet was open did not tag anything.
  expect(await spanRows(page)).toEqual([]);
  // The same sheet from the header's button.
  await page.getByRole("button", { name: "Keyboard shortcuts" }).click();
  await expect(sheet).toBeVisible();
});

test("notices: information leaves by itself, a problem stays until dismissed", async ({ page }) => {
  await importFiles(page, [{ name: "empty.txt", mimeType: "text/plain", buffer: Buffer.from("") }]);
  const problem = page.getByRole("alert");
  await expect(problem).toContainText("empty.txt");
  // The stack sits over the span panel, not over the text.
  const box = (await page.locator(".sw-notices").boundingBox())!;
  const reader = (await page.locator(".sw-reader-scroll").boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(reader.x + reader.width - 1);
  await menuItem(page, "Project", "Save project");
  await expect(page.getByRole("status").filter({ hasText: "Saved the project" })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Saved the project" })).toBeHidden({ timeout: 10_000 });
  await expect(problem).toBeVisible();
  await problem.getByRole("button", { name: "Dismiss" }).click();
  await expect(problem).toBeHidden();
});
