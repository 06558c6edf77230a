import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { expectSaved, fixture, importFiles, openDocument, spanRow, spanRows, startApp } from "./helpers";

/** Selects `words` words from the caret with Ctrl+Shift+Right and tags them with `key`. */
async function tagWords(page: Page, words: number, key: string): Promise<void> {
  for (let i = 0; i < words; i++) await page.keyboard.press("Control+Shift+ArrowRight");
  await page.keyboard.press(key);
  await expectSaved(page);
}

interface EventJson {
  id: string;
  date?: string;
  date_granularity?: string;
  actor: { actor_text: string; identifier_text?: string }[];
  recipient: { actor_text: string; identifier_text?: string }[];
  event?: string;
  text: string;
  text_info: { doc_id: string; start: number; end: number; published_at?: string };
  coder: string;
}

test("code a news article into an event record with the keyboard, and export it", async ({ page }) => {
  await startApp(page, "Ana");
  await importFiles(page, [fixture("moscow.txt")]);
  await openDocument(page, "moscow");
  // The publication date is read from the file.
  await expect(page.getByLabel("Published")).toHaveValue("2022-05-10");

  // The registry knows Haniyeh under another spelling.
  await page.locator(".sw-header").getByRole("button", { name: "Actors", exact: true }).click();
  const registry = page.getByRole("dialog", { name: "Actors" });
  await registry.getByRole("button", { name: "New actor" }).click();
  const form = page.getByRole("dialog", { name: "New actor" });
  await form.getByLabel("Canonical name").fill("Ismail Haniyeh");
  await form.getByLabel(/^Aliases/).fill("Isma'il Haniya");
  await form.getByLabel(/^Identifier/).fill("Q2429253");
  await form.getByRole("button", { name: "Add actor" }).click();
  await registry.getByRole("button", { name: "Close" }).click();
  await expectSaved(page);

  // Keyboard only, in the paragraph "Russia invited Ismail Haniyeh to visit Moscow, … reported on Thursday."
  await page.locator(".ProseMirror").focus();
  await page.keyboard.press("Control+Home");
  await page.keyboard.press("Control+ArrowDown");
  await page.keyboard.press("Control+ArrowDown");
  await tagWords(page, 1, "1"); // Russia: actor
  await tagWords(page, 1, "2"); // invited: event
  await tagWords(page, 2, "1"); // Ismail Haniyeh: actor
  // The new actor span "Ismail Haniyeh" is selected at once: its registry match is offered, Enter accepts it.
  await expect(page.getByRole("list", { name: "Registry matches" })).toContainText("Ismail Haniyeh");
  await page.keyboard.press("Enter");
  await expectSaved(page);
  await expect(page.getByRole("region", { name: "Span details" })).toContainText("Ismail Haniyeh (Q2429253)");
  await page.keyboard.press("Escape");

  await page.keyboard.press("End");
  await page.keyboard.press("Control+Shift+ArrowLeft");
  await page.keyboard.press("3"); // Thursday: date
  await expectSaved(page);
  await expect.poll(() => spanRows(page)).toEqual(["Actor: Russia", "Event: invited", "Actor: Ismail Haniyeh", "Date: Thursday"]);

  // The date span is on the calendar: the Thursday before the publication date.
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("Enter");
  await expect(page.getByLabel("Calendar date")).toHaveValue("2022-05-05");
  await page.keyboard.press("Escape");

  // Back to the event: link its source (a), target (t) and date (d), choosing with the arrows.
  await page.keyboard.press("Home");
  await page.keyboard.press("Control+ArrowRight"); // after "Russia"
  await page.keyboard.press("Control+ArrowRight"); // after "invited"
  await page.keyboard.press("Enter");
  const details = page.getByRole("region", { name: "Span details" });
  await expect(details.getByRole("heading", { level: 2 })).toContainText("invited");
  await page.keyboard.press("a");
  await expect(page.getByRole("status").filter({ hasText: "Linking event" })).toContainText("“Russia”");
  await page.keyboard.press("Enter");
  await expectSaved(page);
  // The target proposal skips "Russia", already the source.
  await page.keyboard.press("t");
  await expect(page.getByRole("status").filter({ hasText: "Linking event" })).toContainText("“Ismail Haniyeh”");
  await page.keyboard.press("Enter");
  await expectSaved(page);
  await page.keyboard.press("d");
  await page.keyboard.press("Enter");
  await expectSaved(page);
  await expect(details.getByRole("group", { name: "Links" }).getByRole("listitem")).toHaveText([
    /Source actor → Actor “Russia”/,
    /Target actor → Actor “Ismail Haniyeh”/,
    /Date → Date “Thursday”/,
  ]);
  // The links are drawn over the text.
  await expect.poll(async () => (await page.locator(".sw-connectors text").allTextContents()).sort()).toEqual(["Date", "Source actor", "Target actor"]);
  await details.getByLabel("Event type").selectOption("CONSULT");
  await expectSaved(page);

  // Removing the target actor span removes its link; undo brings both back.
  await page.keyboard.press("Escape");
  await spanRow(page, "Ismail Haniyeh").click();
  await page.keyboard.press("Delete");
  await expectSaved(page);
  await spanRow(page, "invited").click();
  await expect(details.getByRole("group", { name: "Links" }).getByRole("listitem")).toHaveCount(2);
  await page.keyboard.press("Control+z");
  await expectSaved(page);
  await spanRow(page, "invited").click();
  await expect(details.getByRole("group", { name: "Links" }).getByRole("listitem")).toHaveCount(3);

  // The events view lists the record; a row opens the document at the event.
  await page.getByRole("tab", { name: "Events" }).click();
  const table = page.getByRole("region", { name: "Event records" });
  await expect(table.getByRole("row")).toHaveCount(2);
  await expect(table.getByRole("row").nth(1)).toContainText("2022-05-05");
  await expect(table.getByRole("row").nth(1)).toContainText("CONSULT");
  await expect(table.getByRole("row").nth(1)).toContainText("Ismail Haniyeh");

  const downloading = page.waitForEvent("download");
  await table.getByRole("button", { name: "Export events JSONL" }).click();
  const path = await (await downloading).path();
  const events = readFileSync(path, "utf8").trimEnd().split("\n").map((l) => JSON.parse(l) as EventJson);
  expect(events).toHaveLength(1);
  const [event] = events;
  expect(event).toMatchObject({ date: "2022-05-05", date_granularity: "day", event: "CONSULT", text: "invited", coder: "Ana" });
  expect(event!.actor.map((a) => a.actor_text)).toEqual(["Russia"]);
  expect(event!.recipient).toEqual([expect.objectContaining({ actor_text: "Ismail Haniyeh", identifier_text: "Ismail Haniyeh" })]);
  const text = fixture("moscow.txt").buffer.toString("utf8");
  expect(Array.from(text).slice(event!.text_info.start, event!.text_info.end).join("")).toBe("invited");

  const csvDownload = page.waitForEvent("download");
  await table.getByRole("button", { name: "Export events CSV", exact: true }).click();
  const csv = readFileSync(await (await csvDownload).path(), "utf8");
  expect(csv.split("\r\n")[0]).toMatch(/^id,date,enddate,date_granularity,actor,/);
  expect(csv).toContain("CONSULT");

  await table.getByRole("row").nth(1).click();
  await expect(page.getByRole("region", { name: "Span details" }).getByRole("heading", { level: 2 })).toContainText("invited");
});
