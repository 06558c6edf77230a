import { expect, test, type Page } from "@playwright/test";
import { expectSaved, fixture, importFiles, openDocument, selectWithMouse, spanRow, spanRows, startApp } from "./helpers";

/** Tags the `occurrence`-th `needle` with the label on `key`; the new span is selected. */
async function tag(page: Page, needle: string, key: string, occurrence = 0): Promise<void> {
  await selectWithMouse(page, needle, occurrence);
  await page.keyboard.press(key);
  await expectSaved(page);
}

/** Links the selected event to the proposed target of the link key `key`, after checking which span is proposed. */
async function link(page: Page, key: string, proposed: string): Promise<void> {
  await page.keyboard.press(key);
  await expect(page.getByRole("status").filter({ hasText: "Linking event" })).toContainText(`“${proposed}”`);
  await page.keyboard.press("Enter");
  await expectSaved(page);
}

const picker = (page: Page) => page.getByRole("dialog", { name: /^Event type of/ });
const details = (page: Page) => page.getByRole("region", { name: "Span details" });

test("code event types with the keyboard type-ahead; the events table says what is missing; span rows show context and coding", async ({ page }) => {
  await startApp(page, "Ana");
  // The registry knows Hamas as "the group", as this article calls it.
  await page.locator(".sw-header").getByRole("button", { name: "Actors", exact: true }).click();
  const registry = page.getByRole("dialog", { name: "Actors" });
  await registry.getByRole("button", { name: "New actor" }).click();
  const form = page.getByRole("dialog", { name: "New actor" });
  await form.getByLabel("Canonical name").fill("Hamas");
  await form.getByLabel(/^Aliases/).fill("the group");
  await form.getByRole("button", { name: "Add actor" }).click();
  await registry.getByRole("button", { name: "Close" }).click();
  await expectSaved(page);

  await importFiles(page, [fixture("stalled-talks.txt")]);
  await openDocument(page, "stalled-talks");
  // No publication date: "May 4" has no year.
  await expect(page.getByLabel("Published")).toHaveValue("");

  // "The group said on May 4": an actor (linked to Hamas), an event, a date.
  await tag(page, "The group", "1");
  await expect(page.getByRole("list", { name: "Registry matches" })).toContainText("Hamas");
  await page.keyboard.press("Enter");
  await expectSaved(page);
  await tag(page, "May 4", "3");
  await tag(page, "said", "2");
  await link(page, "a", "The group");
  await link(page, "d", "May 4");

  // e opens the type-ahead: typing words of a description finds the type, Enter chooses it.
  await page.keyboard.press("e");
  const combo = picker(page).getByRole("combobox");
  await expect(combo).toBeFocused();
  const options = picker(page).getByRole("listbox").getByRole("option");
  await expect(options).toHaveCount(16);
  await page.keyboard.type("refus");
  await expect(options).toHaveCount(1);
  await expect(options.first()).toContainText("REJECT");
  await page.keyboard.press("Enter");
  await expect(picker(page)).toBeHidden();
  await expectSaved(page);
  await expect(details(page).getByLabel("Event type")).toHaveValue("REJECT");

  // Arrows move through the list; Escape closes it and changes nothing.
  await page.keyboard.press("e");
  await page.keyboard.type("co");
  await expect(options.first()).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("ArrowDown");
  await expect(options.nth(1)).toHaveAttribute("aria-selected", "true");
  await expect(combo).toHaveAttribute("aria-activedescendant", (await options.nth(1).getAttribute("id"))!);
  await page.keyboard.press("Escape");
  await expect(picker(page)).toBeHidden();
  await expect(details(page).getByLabel("Event type")).toHaveValue("REJECT");

  // "Hamas officials met Egyptian mediators": an event left untyped and unlinked.
  await tag(page, "met", "2");
  // "and the group later rejected the proposal": the type used last comes first, Enter takes it.
  await tag(page, "the group", "1", 0);
  await page.keyboard.press("Enter");
  await expectSaved(page);
  await tag(page, "rejected", "2");
  await link(page, "a", "the group");
  await page.keyboard.press("e");
  await expect(options.first()).toContainText("REJECT");
  await expect(options.first()).toContainText("recent");
  await page.keyboard.press("Enter");
  await expectSaved(page);
  await expect(details(page).getByLabel("Event type")).toHaveValue("REJECT");

  // Undo takes the type back off, redo puts it back: one step of the history.
  await page.keyboard.press("Control+z");
  await expectSaved(page);
  await expect(spanRow(page, "rejected").locator(".sw-spancoding")).toContainText("untyped");
  await page.keyboard.press("Control+Shift+z");
  await expectSaved(page);
  await expect(spanRow(page, "rejected").locator(".sw-spancoding")).toContainText("REJECT");

  // The spans panel tells the two "the group" rows apart by their words and their coding.
  await expect.poll(() => spanRows(page)).toEqual(["Actor: The group", "Event: said", "Date: May 4", "Event: met", "Actor: the group", "Event: rejected"]);
  const first = spanRow(page, "The group", { exact: true });
  await expect(first.locator(".sw-context")).toHaveText(["said on May 4 …"]);
  await expect(first.locator(".sw-spancoding")).toHaveText("= Hamas · Source actor of “said”");
  const second = spanRow(page, "the group", { exact: true });
  await expect(second.locator(".sw-context")).toHaveText(["… mediators in Cairo, and", "later rejected the proposal."]);
  await expect(second.locator(".sw-spancoding")).toHaveText("= Hamas · Source actor of “rejected”");
  await expect(spanRow(page, "said").locator(".sw-spancoding")).toHaveText("REJECT · → Source actor: Hamas · → Date: “May 4”");
  await expect(spanRow(page, "May 4").locator(".sw-spancoding")).toHaveText("no calendar date · Date of “said”");
  await expect(spanRow(page, "met").locator(".sw-spancoding")).toHaveText("untyped");

  // The recent types are the project's, kept in the store: after a reload REJECT still comes first.
  await page.reload();
  await expect(page.locator(".sw-doctitle")).toHaveText("Ceasefire talks stall again");
  await spanRow(page, "met").click();
  await page.keyboard.press("e");
  await expect(options.first()).toContainText("REJECT");
  await page.keyboard.press("Escape");
  await expect(picker(page)).toBeHidden();

  // The events table.
  await page.getByRole("tab", { name: "Events" }).click();
  const table = page.getByRole("region", { name: "Event records" });
  // A record's row, found by its evidence (the fifth column).
  const row = (evidence: string) => table.getByRole("row").filter({ has: page.locator("td:nth-child(5)", { hasText: new RegExp(`^${evidence}\\b`) }) });
  await expect(table.getByRole("row")).toHaveCount(4);
  // A date with no calendar value shows what its text says; the actor shows the registry's name beside its text.
  await expect(row("said").getByRole("cell").nth(0)).toHaveText("May 4, year unknown");
  await expect(row("said").getByRole("cell").nth(1)).toHaveText("The group (Hamas)");
  await expect(row("said").getByRole("cell").nth(2)).toHaveText("REJECT");
  await expect(row("rejected").getByRole("cell").nth(1)).toHaveText("the group (Hamas)");
  await expect(row("met").getByRole("cell").nth(2)).toHaveText("untyped");
  await expect(row("met").getByRole("cell").nth(2)).toHaveClass(/sw-missing/);
  await expect(row("rejected").getByRole("button", { name: /problem/ })).toHaveCount(0);

  // ⚠ opens the event's problems in words, without opening the document.
  const count = row("met").getByRole("button", { name: "2 problems" });
  await expect(count).toHaveText("⚠ 2");
  await count.click();
  await expect(count).toHaveAttribute("aria-expanded", "true");
  await expect(table.getByRole("list", { name: "Problems of “met”" }).getByRole("listitem")).toHaveText(["It has no event type.", "No source actor is linked: who did it?"]);
  await row("said").getByRole("button", { name: "1 problem" }).click();
  await expect(table.getByRole("list", { name: "Problems of “said”" })).toContainText("The date \"May 4\" could not be read");
  await expect(page.getByRole("tab", { name: "Events" })).toHaveAttribute("aria-selected", "true");
  await count.click();
  await expect(table.getByRole("list", { name: "Problems of “met”" })).toHaveCount(0);

  // Problems only: the complete record drops out.
  await table.getByRole("checkbox", { name: /Problems only/ }).check();
  await expect(table.locator(".sw-count")).toHaveText("2 of 3");
  await expect(row("rejected")).toHaveCount(0);
  await expect(row("said")).toHaveCount(1);
  await table.getByRole("checkbox", { name: /Problems only/ }).uncheck();
  await expect(table.locator(".sw-count")).toHaveText("3 of 3");
});
