import { expect, test, type Locator, type Page } from "@playwright/test";
import { expectSaved, fixture, importFiles, openDocument, selectWithMouse, spanRows, startApp } from "./helpers";

test.beforeEach(async ({ page }) => {
  await startApp(page);
  await importFiles(page, [fixture("summit.txt")]);
  await openDocument(page, "summit");
});

const registry = (page: Page) => page.getByRole("dialog", { name: "Actors" });
const actorRow = (page: Page, name: string) => registry(page).getByRole("list", { name: "Registry actors" }).getByRole("listitem").filter({ has: page.getByText(name, { exact: true }) });

async function openRegistry(page: Page): Promise<Locator> {
  await page.locator(".sw-header").getByRole("button", { name: "Actors", exact: true }).click();
  await expect(registry(page)).toBeVisible();
  return registry(page);
}

async function addActor(page: Page, fields: { name: string; aliases?: string; kind?: string; identifier?: string }): Promise<void> {
  await registry(page).getByRole("button", { name: "New actor" }).click();
  const form = page.getByRole("dialog", { name: "New actor" });
  await form.getByLabel("Canonical name").fill(fields.name);
  if (fields.aliases !== undefined) await form.getByLabel(/^Aliases/).fill(fields.aliases);
  if (fields.kind !== undefined) await form.getByLabel("Kind").selectOption(fields.kind);
  if (fields.identifier !== undefined) await form.getByLabel(/^Identifier/).fill(fields.identifier);
  await form.getByRole("button", { name: "Add actor" }).click();
  await expect(form).toBeHidden();
  await expect(actorRow(page, fields.name)).toBeVisible();
}

async function closeDialog(dialog: Locator): Promise<void> {
  await dialog.getByRole("button", { name: "Close" }).click();
  await expect(dialog).toBeHidden();
}

test("registry: add, tag all mentions in one undoable step, flag a shared alias, merge, rename, delete and undo", async ({ page }) => {
  await openRegistry(page);
  await expect(registry(page).getByText("The registry is empty")).toBeVisible();

  // A malformed Wikidata id is said plainly and cannot be saved.
  await registry(page).getByRole("button", { name: "New actor" }).click();
  const form = page.getByRole("dialog", { name: "New actor" });
  await form.getByLabel("Canonical name").fill("Amara Okafor");
  await form.getByLabel(/^Identifier/).fill("Q12x");
  await expect(form.getByText("is not a Wikidata id")).toBeVisible();
  await expect(form.getByRole("button", { name: "Add actor" })).toBeDisabled();
  await form.getByRole("button", { name: "Cancel" }).click();

  await addActor(page, { name: "Amara Okafor", aliases: "Okafor", kind: "person", identifier: "Q4216" });
  await expect(actorRow(page, "Amara Okafor")).toContainText("Q4216");
  await expect(actorRow(page, "Amara Okafor")).toContainText("0 spans");

  // Tag all mentions in this document: the full name and the bare surname, in context.
  await actorRow(page, "Amara Okafor").getByRole("button", { name: "Tag all mentions" }).click();
  const tagging = page.getByRole("dialog", { name: "Tag all mentions of “Amara Okafor”" });
  const found = tagging.getByRole("list", { name: "Mentions found" }).getByRole("listitem");
  await expect(found).toHaveCount(2);
  await expect(found.nth(0)).toContainText("Foreign Minister Amara Okafor met her counterpart");
  await expect(found.nth(1)).toContainText('another delay," Okafor told reporters');
  await tagging.getByRole("button", { name: "Tag 2 mentions" }).click();
  await expect(tagging).toBeHidden();
  await expect(actorRow(page, "Amara Okafor")).toContainText("2 spans");
  await closeDialog(registry(page));
  await expectSaved(page);
  await expect.poll(() => spanRows(page)).toEqual(["Actor: Amara Okafor", "Actor: Okafor"]);

  // One undo removes both spans; redo brings both back.
  await page.keyboard.press("Control+z");
  await expect.poll(() => spanRows(page)).toEqual([]);
  await page.keyboard.press("Control+Shift+z");
  await expect.poll(() => spanRows(page)).toEqual(["Actor: Amara Okafor", "Actor: Okafor"]);

  // Nothing is left to tag now.
  await openRegistry(page);
  await actorRow(page, "Amara Okafor").getByRole("button", { name: "Tag all mentions" }).click();
  await expect(tagging.getByText("No untagged mention")).toBeVisible();
  await tagging.getByRole("button", { name: "Cancel" }).click();

  // A second actor with the same alias: the problem shows next to both.
  await addActor(page, { name: "Minister Okafor", aliases: "Okafor" });
  await expect(actorRow(page, "Amara Okafor").getByText("“Okafor” is also a name of “Minister Okafor”")).toBeVisible();
  await expect(actorRow(page, "Minister Okafor").getByText("is also a name of “Amara Okafor”")).toBeVisible();

  // Merge it into Amara Okafor: one actor, aliases unioned, no problem left.
  await actorRow(page, "Minister Okafor").getByRole("button", { name: "Merge…" }).click();
  const merging = page.getByRole("dialog", { name: "Merge “Minister Okafor” with another actor" });
  await merging.getByLabel("The same actor as").selectOption({ label: "Amara Okafor (Okafor)" });
  await merging.getByRole("radio", { name: "Amara Okafor" }).check();
  await expect(merging.getByText("which will have 2 spans")).toBeVisible();
  await merging.getByRole("button", { name: "Merge" }).click();
  await expect(registry(page).getByRole("list", { name: "Registry actors" }).getByRole("listitem")).toHaveCount(1);
  await expect(actorRow(page, "Amara Okafor")).toContainText("Also: Okafor, Minister Okafor");
  await expect(actorRow(page, "Amara Okafor")).not.toContainText("is also a name of");

  // Rename: the linked spans follow, the old name stays as an alias.
  await actorRow(page, "Amara Okafor").getByRole("button", { name: "Edit" }).click();
  const editing = page.getByRole("dialog", { name: "Edit “Amara Okafor”" });
  await editing.getByLabel("Canonical name").fill("Amara N. Okafor");
  await expect(editing.getByText("The 2 spans linked to this actor will show the new name.")).toBeVisible();
  await editing.getByRole("button", { name: "Save actor" }).click();
  await expect(actorRow(page, "Amara N. Okafor")).toContainText("Also: Okafor, Minister Okafor, Amara Okafor");

  // Filter by an alias, then delete: asked first, with the count; the spans stay.
  await registry(page).getByLabel("Filter actors").fill("minister okafor");
  await expect(actorRow(page, "Amara N. Okafor")).toBeVisible();
  await registry(page).getByLabel("Filter actors").fill("Lindqvist");
  await expect(registry(page).getByText("No actor matches")).toBeVisible();
  await registry(page).getByLabel("Filter actors").fill("");
  await actorRow(page, "Amara N. Okafor").getByRole("button", { name: "Delete…" }).click();
  const deleting = page.getByRole("dialog", { name: "Delete “Amara N. Okafor”?" });
  await expect(deleting.getByText("2 spans are linked to this actor.")).toBeVisible();
  await deleting.getByRole("button", { name: "Delete actor" }).click();
  await expect(registry(page).getByText("The registry is empty")).toBeVisible();
  await closeDialog(registry(page));
  await expectSaved(page);
  await expect.poll(() => spanRows(page)).toEqual(["Actor: Amara Okafor", "Actor: Okafor"]);

  // Undo brings the actor back with its links.
  await page.keyboard.press("Control+z");
  await openRegistry(page);
  await expect(actorRow(page, "Amara N. Okafor")).toContainText("2 spans");
});

test("tag all mentions leaves those inside an actor span or a quote unticked, saying why, and tags them when ticked by hand", async ({ page }) => {
  await importFiles(page, [fixture("alliance.txt")]);
  await openDocument(page, "alliance");
  for (const [needle, key] of [
    ["Delegates of the Northern Alliance", "1"],
    ['"The Northern Alliance will not accept another delay,"', "4"],
  ] as const) {
    await selectWithMouse(page, needle);
    await page.keyboard.press(key);
    await expectSaved(page);
  }
  await openRegistry(page);
  await addActor(page, { name: "Northern Alliance" });
  await actorRow(page, "Northern Alliance").getByRole("button", { name: "Tag all mentions" }).click();
  const tagging = page.getByRole("dialog", { name: "Tag all mentions of “Northern Alliance”" });
  const found = tagging.getByRole("list", { name: "Mentions found" }).getByRole("listitem");
  await expect(found).toHaveCount(3);
  await expect(found.nth(0)).toContainText("Inside the actor span “Delegates of the Northern Alliance”");
  await expect(found.nth(1)).toContainText("Inside a quote");
  await expect(found.nth(2)).not.toContainText("Inside");
  await expect(found.nth(0).getByRole("checkbox")).not.toBeChecked();
  await expect(found.nth(1).getByRole("checkbox")).not.toBeChecked();
  await expect(found.nth(2).getByRole("checkbox")).toBeChecked();
  await expect(tagging.getByText("1 of 3 mentions chosen")).toBeVisible();

  // The one in the quote is the speaker's own organisation named in its words: the user ticks it.
  await found.nth(1).getByRole("checkbox").check();
  await tagging.getByRole("button", { name: "Tag 2 mentions" }).click();
  await expect(tagging).toBeHidden();
  await closeDialog(registry(page));
  await expectSaved(page);
  await expect.poll(() => spanRows(page)).toEqual([
    "Actor: Delegates of the Northern Alliance",
    "Quote: The Northern Alliance will not accept another delay",
    "Actor: Northern Alliance",
    "Actor: Northern Alliance",
  ]);
});

test("labels: keys checked, a new label with attributes, remove a label keeping or removing its spans", async ({ page }) => {
  // A quote and a date, tagged with the default keys.
  await selectWithMouse(page, "We will not accept another delay");
  await page.keyboard.press("4");
  await selectWithMouse(page, "on Thursday");
  await page.keyboard.press("3");
  await expectSaved(page);

  const header = page.locator(".sw-header");
  await header.getByRole("button", { name: "Labels", exact: true }).click();
  const editor = page.getByRole("dialog", { name: "Labels" });
  const pick = (name: string) => editor.getByRole("list", { name: "Labels" }).getByRole("button", { name: new RegExp(`^${name}`) });
  const save = editor.getByRole("button", { name: "Save labels" });

  // Keys: a duplicate, a link key and a key the app uses are refused.
  await pick("Event").click();
  const key = editor.getByLabel("Key", { exact: true });
  await key.fill("1");
  await expect(editor.getByText("“Event” and “Actor” both have the key “1”.")).toBeVisible();
  await expect(save).toBeDisabled();
  await key.fill("a");
  await expect(editor.getByText("“Event” cannot have the key “a”: it starts a Source actor link.")).toBeVisible();
  await key.fill("e");
  await expect(editor.getByText(/“Event” cannot have the key .e.: the app uses it\./)).toBeVisible();
  await key.fill("v");
  await expect(editor.getByRole("list", { name: "Problems" })).toBeHidden();

  // A new label with a choice attribute; it takes the first free digit, 2 (Event now has "v").
  await editor.getByRole("button", { name: "Add label" }).click();
  await editor.getByLabel("Name", { exact: true }).fill("Location");
  await editor.getByRole("button", { name: "Add attribute" }).click();
  await editor.getByLabel("Attribute name").fill("Scope");
  await editor.getByLabel("Type").selectOption("choice");
  await expect(editor.getByText('the choice "Scope" has an empty list')).toBeVisible();
  await editor.getByLabel(/^Options of Scope/).fill("city\ncountry | A whole country");
  await expect(save).toBeEnabled();
  await save.click();
  await expect(editor).toBeHidden();
  await expectSaved(page);

  // The new label is in the toolbar with its key, and tags.
  const toolbar = page.getByRole("toolbar", { name: "Labels" });
  await expect(toolbar.getByRole("button", { name: "Location", exact: true })).toHaveAttribute("aria-keyshortcuts", "2");
  await expect(toolbar.getByRole("button", { name: "Event", exact: true })).toHaveAttribute("aria-keyshortcuts", "v");
  await selectWithMouse(page, "GENEVA");
  await page.keyboard.press("2");
  await expectSaved(page);
  await expect.poll(() => spanRows(page)).toContain("Location: GENEVA");

  // It kept its attribute.
  await header.getByRole("button", { name: "Labels", exact: true }).click();
  await pick("Location").click();
  await expect(editor.getByLabel(/^Options of Scope/)).toHaveValue("city\ncountry | A whole country");

  // Remove Location with its span, and Quote keeping its span; both ask first.
  await editor.getByRole("button", { name: "Remove label…" }).click();
  const asking = page.getByRole("dialog", { name: "Remove the label “Location”?" });
  await expect(asking.getByText("1 span of this project uses it.")).toBeVisible();
  await asking.getByRole("button", { name: "Remove the spans too" }).click();
  await pick("Quote").click();
  await editor.getByRole("button", { name: "Remove label…" }).click();
  await page.getByRole("dialog", { name: "Remove the label “Quote”?" }).getByRole("button", { name: "Keep the spans" }).click();
  await expect(editor.getByRole("list", { name: "Labels to remove" })).toContainText("Removing “Quote”: its 1 span stays.");
  await save.click();
  await expect(editor).toBeHidden();
  await expectSaved(page);

  await expect(toolbar.getByRole("button", { name: /Quote|Location/ })).toHaveCount(0);
  await expect.poll(() => spanRows(page)).toEqual(["Date: on Thursday", "quote: We will not accept another delay"]);
});
