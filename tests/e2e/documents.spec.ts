import { expect, test, type Page } from "@playwright/test";
import { documentRow, expectSaved, fixture, importFiles, openDocument, selectWithMouse, startApp } from "./helpers";

/**
 * Documents as the coder knows them: titled by their headline rather than
 * the ids real collections use as file names, dated by their dateline,
 * renamed, given a status, counted, and stepped through by key.
 */

const BEIRUT = "Ceasefire talks stall in Beirut as envoys trade blame";
const TYRE = "Port workers strike over unpaid wages";

const list = (page: Page) => page.getByRole("navigation", { name: "Documents" });
/** Each row of the list as "title | source | spans | status". */
const rows = (page: Page) =>
  list(page)
    .locator(".sw-docrow")
    .evaluateAll((els) =>
      els.map((row) =>
        [
          row.querySelector(".sw-doc-title")?.textContent,
          row.querySelector(".sw-doc-source")?.textContent ?? "",
          row.querySelector(".sw-doc-spans")?.textContent,
          (row.querySelector(".sw-doc-status") as HTMLSelectElement).value,
        ].join(" | "),
      ),
    );

async function importThree(page: Page): Promise<void> {
  await startApp(page);
  await importFiles(page, [fixture("000_bc1e5b86ce48cb8e.txt"), fixture("001_7f3a9c2d4e5b6a10.txt"), fixture("002_5d1e0f9a8b7c6d54.txt")]);
  await expect.poll(() => rows(page)).toEqual([
    `${BEIRUT} | 000_bc1e5b86ce48cb8e.txt | 0 | new`,
    `${TYRE} | 001_7f3a9c2d4e5b6a10.txt | 0 | new`,
    // No headline: the file's name stays the title.
    "002_5d1e0f9a8b7c6d54 | 002_5d1e0f9a8b7c6d54.txt | 0 | new",
  ]);
}

test("titles come from headlines, dates from datelines; the coder renames, sets a status and steps through by key", async ({ page }) => {
  await importThree(page);

  // Found by its file name as well as by its headline; dated by its dateline.
  await openDocument(page, "000_bc1e5b86ce48cb8e");
  await expect(page.locator(".sw-doctitle")).toHaveText(BEIRUT);
  await expect(page.getByLabel("Published")).toHaveValue("2024-05-06");
  await page.getByLabel("Filter documents").fill("5d1e0f9a");
  await expect(list(page).locator(".sw-doc-title")).toHaveText(["002_5d1e0f9a8b7c6d54"]);
  await page.getByLabel("Filter documents").fill("");

  // The row counts the document's spans as they are tagged.
  await selectWithMouse(page, "Hana Haddad");
  await page.keyboard.press("1");
  await expectSaved(page);
  await expect(documentRow(page, BEIRUT).locator("..").locator(".sw-doc-spans")).toHaveText("1");
  await expect(documentRow(page, TYRE).locator("..").locator(".sw-doc-spans")).toHaveText("0");

  // Rename in place: double-click, type, Enter. An empty title is refused; Escape cancels.
  await documentRow(page, BEIRUT).dblclick();
  const field = list(page).getByLabel(`New title for ${BEIRUT}`);
  await expect(field).toBeFocused();
  await field.fill("   ");
  await field.press("Enter");
  await expect(field).toBeVisible();
  await field.fill("Beirut talks stall");
  await field.press("Enter");
  await expectSaved(page);
  await expect(page.locator(".sw-doctitle")).toHaveText("Beirut talks stall");
  await expect(documentRow(page, "Beirut talks stall")).toBeFocused();
  await page.keyboard.press("F2");
  await list(page).getByLabel("New title for Beirut talks stall").fill("Something else");
  await page.keyboard.press("Escape");
  await expect(documentRow(page, "Beirut talks stall")).toBeVisible();

  // Status: from the row, and by key while reading.
  await list(page).getByLabel(`Status of ${TYRE}`).selectOption("In progress");
  await expectSaved(page);
  await page.locator(".ProseMirror").focus();
  await page.keyboard.press("Alt+d");
  await expect(page.getByText("“Beirut talks stall” is marked done.")).toBeVisible();
  await expect(list(page).getByLabel("Status of Beirut talks stall")).toHaveValue("done");
  // F2 while reading renames the open document, in the list.
  await page.locator(".ProseMirror").focus();
  await page.keyboard.press("F2");
  await expect(list(page).getByLabel("New title for Beirut talks stall")).toBeFocused();
  await page.keyboard.press("Escape");
  await page.getByLabel("Show documents").selectOption("Done");
  await expect(list(page).locator(".sw-doc-title")).toHaveText(["Beirut talks stall"]);

  // Next and previous document by key, through the documents the list shows:
  // with only new ones shown, from the one just marked done to the next new one.
  await page.getByLabel("Show documents").selectOption("New");
  await page.locator(".ProseMirror").focus();
  await page.keyboard.press("Alt+PageDown");
  await expect(page.locator(".sw-doctitle")).toHaveText("002_5d1e0f9a8b7c6d54");
  await page.getByLabel("Show documents").selectOption("All");
  await page.locator(".ProseMirror").focus();
  await page.keyboard.press("Alt+PageUp");
  await expect(page.locator(".sw-doctitle")).toHaveText(TYRE);
  await page.keyboard.press("Alt+PageUp");
  await expect(page.locator(".sw-doctitle")).toHaveText("Beirut talks stall");
  await page.keyboard.press("Alt+PageDown");
  await expect(page.locator(".sw-doctitle")).toHaveText(TYRE);

  // All of it was stored: a reload shows the same list.
  await page.reload();
  await expect.poll(() => rows(page)).toEqual([
    "Beirut talks stall | 000_bc1e5b86ce48cb8e.txt | 1 | done",
    `${TYRE} | 001_7f3a9c2d4e5b6a10.txt | 0 | in-progress`,
    "002_5d1e0f9a8b7c6d54 | 002_5d1e0f9a8b7c6d54.txt | 0 | new",
  ]);
});

test("a dateline without a year keeps its month and day until the coder gives the year", async ({ page }) => {
  await importThree(page);
  await openDocument(page, TYRE);
  const published = page.getByLabel("Published");
  await expect(published).toHaveValue("--03-03");
  await expect(page.locator(".sw-pubdate")).toContainText("March 3, year unknown");

  // "March 1" needs no year to give its month and day.
  await selectWithMouse(page, "March 1");
  await page.keyboard.press("3");
  await expectSaved(page);
  await expect(page.getByLabel("Calendar date")).toHaveValue("--03-01");

  // "on Friday" needs the year: the details offer to set it.
  await page.keyboard.press("Escape");
  await selectWithMouse(page, "on Friday");
  await page.keyboard.press("3");
  await expectSaved(page);
  const details = page.getByRole("region", { name: "Span details" });
  await expect(details).toContainText("the year it was published is unknown");
  await details.getByRole("button", { name: "Set the year of publication" }).click();
  await expect(published).toBeFocused();
  await published.fill("2023");
  await published.press("Enter");
  await expectSaved(page);
  await expect(published).toHaveValue("2023-03-03");
  // Friday 3 March 2023 was the day of publication itself.
  await expect(details.getByRole("button", { name: "Use 2023-03-03, read from the text" })).toBeVisible();
});
