import { expect, test, type Page } from "@playwright/test";
import { clickSpanText, expectSaved, fixture, importFiles, openDocument, selectWithMouse, spanRows, startApp } from "./helpers";

const details = (page: Page) => page.getByRole("region", { name: "Span details" });

/** The text the browser itself has selected (what a stray key would tag). */
const nativeSelection = (page: Page) => page.evaluate(() => window.getSelection()?.toString() ?? "");

test.beforeEach(async ({ page }) => {
  await startApp(page);
  await importFiles(page, [fixture("moscow.txt")]);
  await openDocument(page, "moscow");
});

test("a text selection made after a span was selected wins: the key tags the new text, the span is unchanged", async ({ page }) => {
  await selectWithMouse(page, "Ismail Haniyeh");
  await page.keyboard.press("1");
  await expectSaved(page);

  // Look at the span, then drag over the next phrase and press 3.
  await page.keyboard.press("Escape");
  await clickSpanText(page, "Ismail Haniyeh");
  await expect(details(page).getByRole("heading", { level: 2 })).toContainText("Actor “Ismail Haniyeh”");
  await selectWithMouse(page, "Thursday");
  // The mouse let the span go: it is no longer drawn as selected.
  await expect(page.locator(".sw-span.sw-selected")).toHaveCount(0);
  await page.keyboard.press("3");
  await expectSaved(page);
  await expect.poll(() => spanRows(page)).toEqual(["Actor: Ismail Haniyeh", "Date: Thursday"]);
  // The new span is the selected one, drawn and detailed as such.
  await expect(details(page).getByRole("heading", { level: 2 })).toContainText("Date “Thursday”");
  await expect(page.locator(".sw-span.sw-selected")).toHaveText("Thursday");
});

test("the span just tagged is selected: Delete removes it, another label key relabels it", async ({ page }) => {
  await selectWithMouse(page, "Al-Mayadeen TV");
  await page.keyboard.press("1");
  await expect(details(page).getByRole("heading", { level: 2 })).toContainText("Actor “Al-Mayadeen TV”");
  await page.keyboard.press("4");
  await expectSaved(page);
  await expect.poll(() => spanRows(page)).toEqual(["Quote: Al-Mayadeen TV"]);

  // Delete at once after tagging, before anything else is clicked.
  await selectWithMouse(page, "Moscow", 1);
  await page.keyboard.press("1");
  await page.keyboard.press("Delete");
  await expectSaved(page);
  await expect.poll(() => spanRows(page)).toEqual(["Quote: Al-Mayadeen TV"]);
  await expect(details(page)).toHaveCount(0);
});

test("nested spans: clicks never leave a native selection, Alt+ArrowUp/Down step out and in, the details say where", async ({ page }) => {
  // An event holding an actor holding a shorter actor.
  await selectWithMouse(page, "Russia invited Ismail Haniyeh to visit Moscow");
  await page.keyboard.press("2");
  await selectWithMouse(page, "Ismail Haniyeh");
  await page.keyboard.press("1");
  await selectWithMouse(page, "Haniyeh");
  await page.keyboard.press("1");
  await expectSaved(page);
  await page.keyboard.press("Escape");

  await clickSpanText(page, "Haniyeh");
  const heading = details(page).getByRole("heading", { level: 2 });
  await expect(heading).toContainText("Actor “Haniyeh”");
  const nesting = details(page).getByLabel("Nesting");
  await expect(nesting).toContainText("Actor ⊂ Actor ⊂ Event");

  await page.keyboard.press("Alt+ArrowUp");
  await expect(heading).toContainText("Actor “Ismail Haniyeh”");
  await page.keyboard.press("Alt+ArrowUp");
  await expect(heading).toContainText("Event “Russia invited Ismail Haniyeh to visit Moscow”");
  await expect(nesting).toContainText("Actor ⊂ Event");
  await page.keyboard.press("Alt+ArrowDown");
  await expect(heading).toContainText("Actor “Ismail Haniyeh”");
  await page.keyboard.press("Alt+ArrowDown");
  await expect(heading).toContainText("Actor “Haniyeh”");

  // Clicking a span again (a double and a triple click) reaches the spans around it and selects no text.
  await page.keyboard.press("Escape");
  const { x, y } = await page.locator(".sw-span", { hasText: /^Haniyeh$/ }).first().evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  });
  // One, two, three clicks in a row: the actor, the actor around it, the event around both.
  await page.mouse.click(x, y, { clickCount: 3 });
  await expect(heading).toContainText("Event “Russia invited");
  expect(await nativeSelection(page)).toBe("");
  // So a key now relabels the selected event, and tags nothing else.
  await page.keyboard.press("4");
  await expectSaved(page);
  await expect.poll(() => spanRows(page)).toEqual(["Quote: Russia invited Ismail Haniyeh to visit Moscow", "Actor: Ismail Haniyeh", "Actor: Haniyeh"]);
});
