import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, type Locator, type Page } from "@playwright/test";

export const FIXTURES = join(import.meta.dirname, "..", "fixtures", "e2e");

export function fixture(name: string): { name: string; mimeType: string; buffer: Buffer } {
  return { name, mimeType: "text/plain", buffer: readFileSync(join(FIXTURES, name)) };
}

/** Opens the app on a fresh profile and answers the first-start question for the annotator's name. */
export async function startApp(page: Page, annotator = "Ana"): Promise<void> {
  await page.goto("/");
  await nameAnnotator(page, annotator);
}

/** Answers the first-start question for the annotator's name on a page already open. */
export async function nameAnnotator(page: Page, annotator = "Ana"): Promise<void> {
  const dialog = page.getByRole("dialog", { name: "Who is annotating?" });
  await dialog.getByLabel("Annotator name").fill(annotator);
  await dialog.getByRole("button", { name: "Save name" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("button", { name: `Annotator: ${annotator}` })).toBeVisible();
}

/** Imports files through the "Import documents" control, as a user picking them would. */
export async function importFiles(page: Page, files: { name: string; mimeType: string; buffer: Buffer }[]): Promise<void> {
  await page.getByLabel("Import documents").setInputFiles(files);
}

/** A document's row in the list, found by its title or by the file it came from ("summit" or "summit.txt"). */
export function documentRow(page: Page, titleOrFile: string) {
  const escaped = titleOrFile.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return page
    .getByRole("navigation", { name: "Documents" })
    .locator(".sw-doc")
    .filter({
      has: page.locator(".sw-doc-title").getByText(titleOrFile, { exact: true }).or(page.locator(".sw-doc-source").getByText(new RegExp(`^${escaped}(\\.[^.]+)?$`))),
    });
}

/**
 * Opens a document from the list, found by its title or by the file it came
 * from; in a narrow window the list is a drawer, opened first.
 */
export async function openDocument(page: Page, titleOrFile: string): Promise<void> {
  const toggle = page.getByRole("button", { name: "Documents list" });
  if ((await toggle.getAttribute("aria-expanded")) === "false") await toggle.click();
  const row = documentRow(page, titleOrFile);
  const title = await row.locator(".sw-doc-title").innerText();
  await row.click();
  await expect(page.locator(".sw-doctitle")).toHaveText(title);
}

/**
 * Screen rectangles of the first and last character of `needle` (its
 * `occurrence`-th match) in the reader, skipping label badges.
 */
async function needleRects(page: Page, needle: string, occurrence = 0) {
  return page.evaluate(
    ({ needle, occurrence }) => {
      const root = document.querySelector(".ProseMirror")!;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
        acceptNode: (n) => (n.parentElement?.closest(".sw-badge, .sw-caret") ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
      });
      const nodes: Text[] = [];
      let all = "";
      const starts: number[] = [];
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        starts.push(all.length);
        nodes.push(n as Text);
        all += (n as Text).data;
      }
      let at = -1;
      for (let i = 0; i <= occurrence; i++) at = all.indexOf(needle, at + 1);
      if (at < 0) throw new Error(`"${needle}" is not in the reader`);
      const locate = (offset: number) => {
        let i = starts.length - 1;
        while (starts[i]! > offset) i--;
        return { node: nodes[i]!, offset: offset - starts[i]! };
      };
      const rectOf = (offset: number) => {
        const a = locate(offset);
        const r = document.createRange();
        r.setStart(a.node, a.offset);
        r.setEnd(a.node, a.offset + 1);
        const rect = r.getClientRects()[0] ?? r.getBoundingClientRect();
        return { left: rect.left, right: rect.right, top: rect.top, bottom: rect.bottom };
      };
      const paragraph = locate(at).node.parentElement!.closest("p")!;
      return { first: rectOf(at), last: rectOf(at + needle.length - 1), rtl: getComputedStyle(paragraph).direction === "rtl" };
    },
    { needle, occurrence },
  );
}

/**
 * Drags the mouse across `needle` in the reader, from the reading start of
 * its first character to the reading end of its last (right to left in a
 * right-to-left paragraph).
 */
export async function selectWithMouse(page: Page, needle: string, occurrence = 0): Promise<void> {
  // A user looks at the selection before pressing a key. Under load the text
  // can still move (a notice or the label bar settling) between measuring and
  // dragging, so the drag is checked and made again from fresh measurements.
  for (let attempt = 1; ; attempt++) {
    await page.locator(".ProseMirror").evaluate((el) => el.scrollIntoView({ block: "start" }));
    const { first, last, rtl } = await needleRects(page, needle, occurrence);
    const y1 = (first.top + first.bottom) / 2;
    const y2 = (last.top + last.bottom) / 2;
    const x1 = rtl ? first.right - 1 : first.left + 1;
    const x2 = rtl ? last.left + 1 : last.right - 1;
    await page.mouse.move(x1, y1);
    await page.mouse.down();
    await page.mouse.move((x1 + x2) / 2, (y1 + y2) / 2, { steps: 4 });
    await page.mouse.move(x2, y2, { steps: 4 });
    await page.mouse.up();
    const selected = await page.evaluate(() => {
      const sel = window.getSelection();
      if (!sel || sel.rangeCount === 0) return "";
      const copy = sel.getRangeAt(0).cloneContents();
      copy.querySelectorAll(".sw-badge, .sw-caret").forEach((el) => el.remove());
      return (copy.textContent ?? "").replace(/\s+/g, " ");
    });
    if (selected.includes(needle.replace(/\s+/g, " "))) return;
    if (attempt === 3) throw new Error(`dragging across "${needle}" selected "${selected}" three times`);
  }
}

/** The span list of the open document as "Label: text" rows, in text order. */
export async function spanRows(page: Page): Promise<string[]> {
  // Read in one go inside the page: the list re-renders while a test polls it.
  return page
    .locator(".sw-spanlist .sw-spanrow")
    .evaluateAll((rows) =>
      rows.map((r) => `${(r.querySelector(".sw-chip") as HTMLElement).innerText}: ${(r.querySelector(".sw-spantext") as HTMLElement).innerText}`),
    );
}

/**
 * The span list's row of the span whose own text holds `text` (is `text`,
 * with `exact`). Rows also show the words around their span, so matching
 * the whole row would find its neighbours too.
 */
export function spanRow(page: Page, text: string, options: { exact?: boolean } = {}): Locator {
  const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return page.locator(".sw-spanlist .sw-spanrow").filter({ has: page.locator(".sw-spantext", { hasText: options.exact ? new RegExp(`^${escaped}$`) : text }) });
}

export async function expectSaved(page: Page): Promise<void> {
  await expect(page.getByText("All changes saved")).toBeVisible();
}

/** Clicks the reader's text of a span (the innermost element that holds `needle`). */
export async function clickSpanText(page: Page, needle: string): Promise<void> {
  const { first, last } = await needleRects(page, needle);
  await page.mouse.click((first.left + last.right) / 2, (first.top + first.bottom) / 2);
}

/** Chooses an item of a header menu ("Project", "Export") as a user would: open the menu, click the item. */
export async function menuItem(page: Page, menu: string, item: string): Promise<void> {
  await page.locator(".sw-header").getByRole("button", { name: menu, exact: true }).click();
  await page.getByRole("menu", { name: menu }).getByRole("menuitem", { name: item, exact: true }).click();
}

/** Opens a project file through Project → Open project, answering the file chooser. */
export async function openProjectFile(page: Page, file: string | { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
  const chooser = page.waitForEvent("filechooser");
  await menuItem(page, "Project", "Open project");
  await (await chooser).setFiles(file);
}
