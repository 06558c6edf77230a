/**
 * Two windows of one browser profile (two pages of one context: one
 * IndexedDB) work side by side: a change in one shows in the other at once;
 * an undo never overwrites what the other window (or a merged file) changed
 * since, and says why; each window keeps its own project; a project deleted
 * in one window is closed in the other, and a tag that raced the deletion is
 * refused without leaving a record behind.
 */
import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { expectSaved, fixture, importFiles, menuItem, openProjectFile, selectWithMouse, spanRow, spanRows, startApp } from "./helpers";

const work = mkdtempSync(join(tmpdir(), "spanwise-windows-"));

/** Opens the only document of the project shown. */
async function openOnlyDocument(page: Page): Promise<void> {
  await page.getByRole("navigation", { name: "Documents" }).getByRole("button").first().click();
  await expect(page.locator(".ProseMirror")).toContainText("Ismail Haniyeh");
}

/** A second window of the same profile, on the project and document the first one last opened. */
async function secondWindow(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.goto("/");
  await expect(page.locator(".ProseMirror")).toContainText("Ismail Haniyeh");
  return page;
}

async function tag(page: Page, needle: string, key: string): Promise<void> {
  await selectWithMouse(page, needle);
  await page.keyboard.press(key);
  await expectSaved(page);
}

async function relabel(page: Page, needle: string, key: string): Promise<void> {
  await spanRow(page, needle).click();
  await page.keyboard.press(key);
  await expectSaved(page);
}

const notice = (page: Page, text: string | RegExp) => page.getByText(text);
const projectShown = (page: Page) => page.getByRole("combobox", { name: "Project" }).evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.text);

test("an undo never overwrites the other window's change; each window keeps its own project and its own undo", async ({ browser }) => {
  const context = await browser.newContext();
  const a = await context.newPage();
  await startApp(a, "Ana");
  await importFiles(a, [fixture("moscow.txt")]);
  await openOnlyDocument(a);
  const b = await secondWindow(context);

  // A tags; B sees it without a reload.
  await tag(a, "Ismail Haniyeh", "1");
  await expect.poll(() => spanRows(b)).toEqual(["Actor: Ismail Haniyeh"]);
  // B relabels it; A sees that.
  await relabel(b, "Ismail Haniyeh", "2");
  await expect.poll(() => spanRows(a)).toEqual(["Event: Ismail Haniyeh"]);
  // A's undo of its tag would remove B's newer work: refused, and said.
  await a.keyboard.press("Control+z");
  await expect(notice(a, "“Ismail Haniyeh” was changed in another window or by a merge since; not undone.")).toBeVisible();
  await expect.poll(() => spanRows(a)).toEqual(["Event: Ismail Haniyeh"]);
  await expect.poll(() => spanRows(b)).toEqual(["Event: Ismail Haniyeh"]);
  // Who changed it last, and when, is shown with the span.
  await spanRow(a, "Ismail Haniyeh").click();
  await expect(a.getByRole("region", { name: "Span details" })).toContainText("by Ana");

  // A opens a new project; B stays where it was, and keeps its undo.
  await menuItem(a, "Project", "New project");
  await a.getByRole("dialog", { name: "New project" }).getByLabel("Project name").fill("Second");
  await a.getByRole("dialog", { name: "New project" }).getByRole("button", { name: /Create|Save|OK/ }).click();
  await expect.poll(() => projectShown(a)).toBe("Second");
  await expect.poll(() => projectShown(b)).toBe("My project");
  await expect(b.locator(".ProseMirror")).toContainText("Ismail Haniyeh");
  await b.keyboard.press("Control+z");
  await expectSaved(b);
  await expect.poll(() => spanRows(b)).toEqual(["Actor: Ismail Haniyeh"]);
  // After a reload each window is still in its own project.
  await a.reload();
  await b.reload();
  await expect.poll(() => projectShown(a)).toBe("Second");
  await expect.poll(() => projectShown(b)).toBe("My project");
  await context.close();
});

test("an undo after merging a colleague's newer edit of the span is refused and said", async ({ browser }) => {
  const mine = await browser.newContext({ acceptDownloads: true });
  const a = await mine.newPage();
  await startApp(a, "Ana");
  await importFiles(a, [fixture("moscow.txt")]);
  await openOnlyDocument(a);
  await tag(a, "Musa Abu Marzouq", "1");

  // A colleague opens A's project file, relabels the span and sends the file back.
  const saveProject = async (page: Page, name: string) => {
    const downloading = page.waitForEvent("download");
    await menuItem(page, "Project", "Save project");
    const path = join(work, name);
    copyFileSync(await (await downloading).path(), path);
    return path;
  };
  const fromAna = await saveProject(a, "ana.spanwise");
  const theirs = await browser.newContext({ acceptDownloads: true });
  const c = await theirs.newPage();
  await startApp(c, "Cem");
  await openProjectFile(c, fromAna);
  await c.getByRole("dialog", { name: /^Open / }).getByRole("button", { name: "Open as new project" }).click();
  await openOnlyDocument(c);
  await relabel(c, "Musa Abu Marzouq", "2");
  const fromCem = await saveProject(c, "cem.spanwise");

  await openProjectFile(a, fromCem);
  await a.getByRole("dialog", { name: /^Open / }).getByRole("button", { name: /^Merge into/ }).click();
  const report = a.getByRole("dialog", { name: /^Merged / });
  await expect(report).toBeVisible();
  await report.getByRole("button", { name: "Close" }).click();
  await expect.poll(() => spanRows(a)).toEqual(["Event: Musa Abu Marzouq"]);

  await a.keyboard.press("Control+z");
  await expect(notice(a, "“Musa Abu Marzouq” was changed in another window or by a merge since; not undone.")).toBeVisible();
  await expect.poll(() => spanRows(a)).toEqual(["Event: Musa Abu Marzouq"]);
  await mine.close();
  await theirs.close();
});

/** The span records stored for a document, read from IndexedDB in the page. */
function spanRecordsOf(page: Page, docId: string): Promise<number> {
  return page.evaluate(async (id) => {
    const open = indexedDB.open("spanwise");
    await new Promise((resolve, reject) => ((open.onsuccess = resolve), (open.onerror = () => reject(open.error))));
    const db = open.result;
    const count = await new Promise<number>((resolve, reject) => {
      const r = db.transaction("spans").objectStore("spans").count(IDBKeyRange.bound([id, ""], [id, "\uffff"]));
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    db.close();
    return count;
  }, docId);
}

test("a project deleted in one window is closed in the other; a tag racing the deletion is refused and leaves nothing", async ({ browser }) => {
  const context = await browser.newContext();
  const a = await context.newPage();
  await startApp(a, "Ana");
  await importFiles(a, [fixture("moscow.txt")]);
  await openOnlyDocument(a);
  const b = await secondWindow(context);

  // B deletes the project (a second one exists, so that is where both go).
  await menuItem(b, "Project", "New project");
  await b.getByRole("dialog", { name: "New project" }).getByLabel("Project name").fill("Second");
  await b.getByRole("dialog", { name: "New project" }).getByRole("button", { name: /Create|Save|OK/ }).click();
  await expect.poll(() => projectShown(b)).toBe("Second");
  await b.getByRole("combobox", { name: "Project" }).selectOption({ label: "My project" });
  await menuItem(b, "Project", "Delete project");
  await b.getByRole("dialog", { name: "Delete “My project”?" }).getByRole("button", { name: "Delete project" }).click();
  await expect(notice(a, "The project “My project” was deleted in another window, so it was closed here.")).toBeVisible();
  await expect.poll(() => projectShown(a)).toBe("Second");

  // The race: the project is deleted by a writer A has not heard from yet (straight in IndexedDB,
  // as another window's transaction committing a moment before A's tag), then A tags.
  await importFiles(a, [fixture("moscow.txt")]);
  await openOnlyDocument(a);
  const docId = await a.evaluate(async () => {
    const open = indexedDB.open("spanwise");
    await new Promise((resolve, reject) => ((open.onsuccess = resolve), (open.onerror = () => reject(open.error))));
    const db = open.result;
    const all = <T,>(store: string) =>
      new Promise<T[]>((resolve, reject) => {
        const r = db.transaction(store).objectStore(store).getAll();
        r.onsuccess = () => resolve(r.result as T[]);
        r.onerror = () => reject(r.error);
      });
    const projects = await all<{ id: string; name: string }>("projects");
    const second = projects.find((p) => p.name === "Second")!;
    const doc = (await all<{ id: string; projectId: string }>("documents")).find((d) => d.projectId === second.id)!;
    const tx = db.transaction(["projects", "documents", "texts"], "readwrite");
    tx.objectStore("projects").delete(second.id);
    tx.objectStore("documents").delete(doc.id);
    tx.objectStore("texts").delete(doc.id);
    await new Promise((resolve, reject) => ((tx.oncomplete = resolve), (tx.onerror = () => reject(tx.error))));
    db.close();
    return doc.id;
  });
  await selectWithMouse(a, "Ismail Haniyeh");
  await a.keyboard.press("1");
  // The refused write closes the project at once (before A hears of the deletion) and says what was lost.
  await expect(notice(a, "The project “Second” was deleted in another window, so it was closed here. Your last change was not saved.")).toBeVisible();
  expect(await spanRecordsOf(a, docId)).toBe(0);
  await context.close();
});
