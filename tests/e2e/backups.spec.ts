import { expect, test, type Page } from "@playwright/test";
import { expectSaved, nameAnnotator, fixture, importFiles, openDocument, selectWithMouse, spanRows, startApp, menuItem } from "./helpers";

async function tag(page: Page, needle: string, key: string): Promise<void> {
  await selectWithMouse(page, needle);
  await page.keyboard.press(key);
  await expectSaved(page);
}

const backupsDialog = (page: Page) => page.getByRole("dialog", { name: /^Backups of / });

test("backups outside the store: back up, restore as a new project or in place, and rebuild a store that will not open", async ({ page }) => {
  await startApp(page, "Ana");
  await importFiles(page, [fixture("summit.txt")]);
  await openDocument(page, "summit");
  await tag(page, "Amara Okafor", "1");

  await menuItem(page, "Project", "Backups");
  const dialog = backupsDialog(page);
  await expect(dialog.getByLabel("Storage")).toContainText("used");
  await dialog.getByRole("button", { name: "Back up now" }).click();
  const rows = dialog.getByRole("list", { name: "Backups" }).getByRole("listitem");
  await expect(rows).toHaveCount(1);
  // Each backup says what it holds, read from the summary written beside it.
  await expect(rows.first()).toContainText("1 document, 1 span by Ana");
  // Replacing the project is the destructive choice, in red.
  await expect(rows.first().getByRole("button", { name: "Replace this project" })).toHaveCSS("color", "rgb(185, 28, 28)");
  await expect(rows.first().getByRole("button", { name: "Restore as new project" })).not.toHaveCSS("color", "rgb(185, 28, 28)");
  await dialog.getByRole("button", { name: "Close" }).click();

  // Work goes on after the backup.
  await tag(page, "Jonas Lindqvist", "1");
  await expect.poll(() => spanRows(page)).toEqual(["Actor: Amara Okafor", "Actor: Jonas Lindqvist"]);

  // Restore as a new project: the project as it was at the backup, beside the current one.
  await menuItem(page, "Project", "Backups");
  await backupsDialog(page).getByRole("button", { name: "Restore as new project" }).click();
  const select = page.getByLabel("Project", { exact: true });
  await expect(select.locator("option:checked")).toContainText("My project (backup of");
  await openDocument(page, "summit");
  await expect.poll(() => spanRows(page)).toEqual(["Actor: Amara Okafor"]);
  // The restored copy gets a backup of its own, so a rebuild has two projects to bring back.
  await menuItem(page, "Project", "Backups");
  await backupsDialog(page).getByRole("button", { name: "Back up now" }).click();
  await expect(backupsDialog(page).getByRole("list", { name: "Backups" }).getByRole("listitem").first()).toContainText("1 document, 1 span by Ana");
  await backupsDialog(page).getByRole("button", { name: "Close" }).click();

  // Replace in place, after a confirmation.
  await select.selectOption({ label: "My project" });
  await expect.poll(() => spanRows(page)).toEqual(["Actor: Amara Okafor", "Actor: Jonas Lindqvist"]);
  await menuItem(page, "Project", "Backups");
  await backupsDialog(page).getByRole("button", { name: "Replace this project" }).click();
  const confirm = page.getByRole("dialog", { name: "Replace “My project” with its backup?" });
  await expect(confirm).toContainText("1 document, 1 span by Ana");
  await expect(confirm.getByLabel("What will be lost")).toContainText("It now has 1 document and 2 spans.");
  await confirm.getByRole("button", { name: "Replace project" }).click();
  await expect.poll(() => spanRows(page)).toEqual(["Actor: Amara Okafor"]);
  await expect(select.locator("option")).toHaveCount(2);

  // A backup taken before summaries were written (here: its summary removed) still lists, saying its contents are not recorded.
  await page.evaluate(async () => {
    const dir = await (await navigator.storage.getDirectory()).getDirectoryHandle("spanwise-backups");
    for await (const name of (dir as unknown as { keys(): AsyncIterable<string> }).keys()) if (name.endsWith(".summary.json")) await dir.removeEntry(name);
  });
  await menuItem(page, "Project", "Backups");
  const oldRow = backupsDialog(page).getByRole("list", { name: "Backups" }).getByRole("listitem").first();
  await expect(oldRow).toContainText("contents not recorded");
  // Its contents can be read from the backup itself, once; the list keeps them.
  await oldRow.getByRole("button", { name: "Read its contents" }).click();
  await expect(oldRow).toContainText(/\d+ documents?, \d+ spans? by Ana/);
  await backupsDialog(page).getByRole("button", { name: "Close" }).click();

  // A store from a newer version (here: a database of a higher version with another layout) will not open.
  await page.goto("/favicon.svg");
  await page.evaluate(async () => {
    const done = (r: IDBRequest) => new Promise((resolve, reject) => ((r.onsuccess = resolve), (r.onerror = () => reject(r.error))));
    await done(indexedDB.deleteDatabase("spanwise"));
    const open = indexedDB.open("spanwise", 990);
    open.onupgradeneeded = () => open.result.createObjectStore("spans", { keyPath: "uid" });
    await done(open);
    open.result.close();
  });
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Spanwise could not open its store" })).toBeVisible();
  await expect(page.getByRole("alert").first()).toContainText("newer version of Spanwise");
  // Nothing was created over it: the database is as the newer version left it.
  expect(await page.evaluate(async () => (await indexedDB.databases()).find((d) => d.name === "spanwise")?.version)).toBe(990);
  const latest = page.getByRole("list", { name: "Latest backups" }).getByRole("listitem");
  // The latest backup of each project.
  await expect(latest).toHaveCount(2);

  // Each backup can be saved as a project file first.
  const downloading = page.waitForEvent("download");
  await latest.first().getByRole("button", { name: "Save a copy" }).click();
  expect((await downloading).suggestedFilename()).toMatch(/^backup--.+\.spanwise$/);

  await page.getByRole("button", { name: "Rebuild from backups" }).click();
  await page.getByRole("dialog", { name: "Rebuild the store from the backups?" }).getByRole("button", { name: "Delete the store and rebuild" }).click();
  // The annotator's name lived in the lost store (backups hold projects): it is asked again.
  await nameAnnotator(page, "Ana");
  await expect(page.getByLabel("Project", { exact: true }).locator("option", { hasText: /^My project$/ })).toHaveCount(1);
  // Every project with a backup is back, not only the first.
  await expect(page.getByLabel("Project", { exact: true }).locator("option", { hasText: /^My project \(backup of/ })).toHaveCount(1);
  await page.getByLabel("Project", { exact: true }).selectOption({ label: "My project" });
  await openDocument(page, "summit");
  await expect.poll(() => spanRows(page)).toEqual(["Actor: Amara Okafor"]);
});
