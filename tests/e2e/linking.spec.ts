import { expect, test, type Page } from "@playwright/test";
import { expectSaved, fixture, importFiles, openDocument, selectWithMouse, spanRows, startApp } from "./helpers";

const details = (page: Page) => page.getByRole("region", { name: "Span details" });
const linkingStatus = (page: Page) => page.getByRole("status").filter({ hasText: "Linking" });

/** Tags `needle` (its `occurrence`-th match) with the label `key`. */
async function tag(page: Page, needle: string, key: string, occurrence = 0): Promise<void> {
  await selectWithMouse(page, needle, occurrence);
  await page.keyboard.press(key);
  await expectSaved(page);
}

test.beforeEach(async ({ page }) => {
  await startApp(page);
  await importFiles(page, [fixture("geneva.txt")]);
  await openDocument(page, "geneva");
});

test("the speaker proposed for a quote is the one its sentence attributes it to; the status sits in the label bar", async ({ page }) => {
  await tag(page, "Jonas Lindqvist", "1");
  await tag(page, "Amara Okafor", "1");
  await tag(page, "We will not accept another delay, and we will not sign anything that leaves the northern villages without water", "4");
  await expect.poll(async () => (await spanRows(page)).filter((r) => r.startsWith("Actor"))).toEqual(["Actor: Jonas Lindqvist", "Actor: Amara Okafor"]);
  // Jonas Lindqvist ends three characters before the quote; Amara Okafor is who "said" it.
  await page.keyboard.press("s");
  await expect(linkingStatus(page)).toContainText("“Amara Okafor”");
  // The status is a line of the label bar, above the text's scroller: it covers no text.
  await expect(page.getByRole("toolbar", { name: "Labels" }).getByRole("status")).toContainText("Linking quote");
  await page.keyboard.press("Enter");
  await expectSaved(page);
  await expect(details(page).getByRole("group", { name: "Links" })).toContainText("Speaker → Actor “Amara Okafor”");
});

test("the target proposal skips the source; linking one actor as both warns, and both arcs' names show", async ({ page }) => {
  await tag(page, "Okafor", "1", 1);
  await tag(page, "Lindqvist", "1", 1);
  await tag(page, "accused", "2");
  await page.keyboard.press("a");
  await expect(linkingStatus(page)).toContainText("“Okafor”");
  await page.keyboard.press("Enter");
  await expectSaved(page);
  await page.keyboard.press("t");
  await expect(linkingStatus(page)).toContainText("“Lindqvist”");
  // Choosing the source anyway is allowed, and said.
  await page.keyboard.press("Tab");
  await expect(linkingStatus(page)).toContainText("“Okafor”");
  await page.keyboard.press("Enter");
  await expectSaved(page);
  await expect(page.getByText("“Okafor” is now both the source actor and the target actor of this event")).toBeVisible();
  const labels = page.locator(".sw-connectors text");
  await expect.poll(async () => (await labels.allTextContents()).sort()).toEqual(["Source actor", "Target actor"]);
  const ys = await labels.evaluateAll((els) => els.map((e) => e.getBoundingClientRect()));
  // The two arcs join the same spans: their names sit apart, neither hides the other.
  expect(Math.abs(ys[0]!.top - ys[1]!.top)).toBeGreaterThanOrEqual(ys[0]!.height);
});

test("while linking, selected text tagged with the actor key is linked in the same step; undo takes both back", async ({ page }) => {
  await tag(page, "The water will flow", "4");
  await page.keyboard.press("s");
  await expect(linkingStatus(page)).toBeVisible();
  await selectWithMouse(page, "Marzouq");
  await page.keyboard.press("1");
  await expectSaved(page);
  await expect(linkingStatus(page)).toHaveCount(0);
  await expect.poll(() => spanRows(page)).toEqual(["Quote: The water will flow", "Actor: Marzouq"]);
  await expect(details(page).getByRole("group", { name: "Links" })).toContainText("Speaker → Actor “Marzouq”");
  await page.keyboard.press("Control+z");
  await expectSaved(page);
  await expect.poll(() => spanRows(page)).toEqual(["Quote: The water will flow"]);
});
