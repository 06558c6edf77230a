/**
 * Nothing a document brings in is ever treated as HTML. Each field a file
 * can fill (file name → title, text, tagged span text) gets payloads that
 * would run script, inject markup or break out of an element if they were
 * inserted as HTML; the test checks they appear literally and that nothing
 * ran: no `window.__pwned`, no dialog, no element with an inline event
 * handler or a javascript: link, no Content-Security-Policy violation
 * (the CSP would stop inline script, so a violation means markup got in).
 *
 * Labels, attribute code lists and values, and registry actors are covered
 * too. To cover a new field, add an entry to FIELDS: how a user or a file
 * puts a payload there, and where it shows.
 */
import { expect, test, type Page } from "@playwright/test";
import { expectSaved, importFiles, openDocument, selectWithMouse, spanRow, spanRows, startApp } from "./helpers";

/** Payloads that stay intact as a file name (no "/"), each unique so documents do not collide. */
const NAME_PAYLOADS = [
  "<img src=x onerror=window.__pwned=1>",
  "<svg onload=window.__pwned=1>",
  "javascript:window.__pwned=1",
  '"><b onmouseover=window.__pwned=1>bold',
  "&lt;b&gt;entity&amp;",
  "report\u202Etxt.exe",
];

/** Payloads for text, one per line, each framed by plain words so a word-snapping selection keeps it whole. */
const TEXT_PAYLOADS = [
  "<img src=x onerror=window.__pwned=1>",
  "<script>window.__pwned=1</script>",
  '<a href="javascript:window.__pwned=1">click</a> javascript:window.__pwned=1',
  "</textarea><img src=x onerror=window.__pwned=1>",
  "</title></style><script>window.__pwned=1</script>",
  "&lt;b&gt;not bold&lt;/b&gt; &amp;",
  "\u202Ereversed\u202C and \u2067isolate\u2069",
];
const WORDS = ["Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot", "Golf"];
const framed = (i: number) => `${WORDS[i]} ${TEXT_PAYLOADS[i]} omega`;

/** A line of 10,000 characters: a payload, then words, with no line break. */
const LONG_LINE = (() => {
  const head = "Hotel <script>window.__pwned=1</script> omega ";
  return head + "lorem ipsum ".repeat(1000).slice(0, 10_000 - head.length);
})();

const file = (name: string, text: string) => ({ name, mimeType: "text/plain", buffer: Buffer.from(text, "utf8") });

/** The reader's text, paragraph by paragraph, without label badges. */
async function readerParagraphs(page: Page): Promise<string[]> {
  return page.locator(".ProseMirror p").evaluateAll((paragraphs) =>
    paragraphs.map((p) => {
      const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT, {
        acceptNode: (n) => (n.parentElement?.closest(".sw-badge, .sw-caret") ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
      });
      let text = "";
      for (let n = walker.nextNode(); n; n = walker.nextNode()) text += (n as Text).data;
      return text;
    }),
  );
}

interface HostileField {
  name: string;
  /** Puts every payload into the field, the way a user or an imported file would. */
  enter(page: Page): Promise<void>;
  /** Checks each payload is shown as the literal text it is. */
  expectShownLiterally(page: Page): Promise<void>;
}

const FIELDS: HostileField[] = [
  {
    name: "document title (from the file name)",
    async enter(page) {
      await importFiles(
        page,
        NAME_PAYLOADS.map((payload, i) => file(`${payload}.txt`, `Document number ${i} about nothing.`)),
      );
    },
    async expectShownLiterally(page) {
      const list = page.getByRole("navigation", { name: "Documents" });
      for (const title of NAME_PAYLOADS) {
        await expect(list.locator(".sw-doc-title").getByText(title, { exact: true })).toBeVisible();
        await openDocument(page, title);
        expect(await page.locator(".sw-doctitle").evaluate((el) => el.textContent)).toBe(title);
      }
    },
  },
  {
    name: "document text, including a 10,000-character line",
    async enter(page) {
      await importFiles(page, [file("payloads.txt", [...TEXT_PAYLOADS.map((_, i) => framed(i)), LONG_LINE].join("\n"))]);
      await openDocument(page, "payloads");
    },
    async expectShownLiterally(page) {
      await expect.poll(() => readerParagraphs(page)).toEqual([...TEXT_PAYLOADS.map((_, i) => framed(i)), LONG_LINE]);
    },
  },
  {
    name: "tagged span text (reader and span list)",
    async enter(page) {
      await importFiles(page, [file("tagged.txt", [framed(0), framed(1), framed(3), LONG_LINE].join("\n"))]);
      await openDocument(page, "tagged");
      for (const [needle, key] of [
        [framed(0), "1"],
        [framed(1), "2"],
        [framed(3), "4"],
        ["Hotel <script>window.__pwned=1</script> omega", "3"],
      ] as const) {
        await selectWithMouse(page, needle);
        await page.keyboard.press(key);
        await expectSaved(page);
      }
    },
    async expectShownLiterally(page) {
      await expect.poll(() => spanRows(page)).toEqual([
        `Actor: ${framed(0)}`,
        `Event: ${framed(1)}`,
        `Quote: ${framed(3)}`,
        "Date: Hotel <script>window.__pwned=1</script> omega",
      ]);
      await expect(page.locator(".ProseMirror .sw-badge")).toHaveCount(4);
    },
  },
  {
    name: "label name and attribute code list (labels dialog, toolbar, span list, details)",
    async enter(page) {
      await importFiles(page, [file("labels.txt", framed(5))]);
      await openDocument(page, "labels");
      await page.locator(".sw-header").getByRole("button", { name: "Labels", exact: true }).click();
      const editor = page.getByRole("dialog", { name: "Labels" });
      await editor.getByRole("button", { name: "Add label" }).click();
      await editor.getByLabel("Name", { exact: true }).fill(NAME_PAYLOADS[0]!);
      await editor.getByRole("button", { name: "Add attribute" }).click();
      await editor.getByLabel("Attribute name").fill(NAME_PAYLOADS[1]!);
      await editor.getByLabel("Type").selectOption("choice");
      await editor.getByLabel(/^Options of /).fill(`${TEXT_PAYLOADS[1]}\n${TEXT_PAYLOADS[4]}`);
      await editor.getByRole("button", { name: "Save labels" }).click();
      await expect(editor).toBeHidden();
      await selectWithMouse(page, framed(5));
      await page.getByRole("toolbar", { name: "Labels" }).getByRole("button", { name: NAME_PAYLOADS[0], exact: true }).click();
      await expectSaved(page);
      await page.locator(".sw-spanrow").first().click();
      await page.getByRole("region", { name: "Span details" }).getByLabel(NAME_PAYLOADS[1]!).selectOption(TEXT_PAYLOADS[1]!);
      await expectSaved(page);
    },
    async expectShownLiterally(page) {
      await expect.poll(() => spanRows(page)).toEqual([`${NAME_PAYLOADS[0]}: ${framed(5)}`]);
      await expect(page.locator(".ProseMirror .sw-badge").first()).toHaveText(NAME_PAYLOADS[0]!);
      await page.locator(".sw-spanrow").first().click();
      const details = page.getByRole("region", { name: "Span details" });
      await expect(details.getByRole("heading", { level: 2 })).toContainText(NAME_PAYLOADS[0]!);
      await expect(details.getByLabel(NAME_PAYLOADS[1]!)).toHaveValue(TEXT_PAYLOADS[1]!);
    },
  },
  {
    name: "actor name and alias (registry, details panel, events)",
    async enter(page) {
      await importFiles(page, [file("actors.txt", `${framed(0)}\n${framed(1)}`)]);
      await openDocument(page, "actors");
      await page.locator(".sw-header").getByRole("button", { name: "Actors", exact: true }).click();
      const registry = page.getByRole("dialog", { name: "Actors" });
      await registry.getByRole("button", { name: "New actor" }).click();
      const form = page.getByRole("dialog", { name: "New actor" });
      await form.getByLabel("Canonical name").fill(TEXT_PAYLOADS[0]!);
      await form.getByLabel(/^Aliases/).fill(TEXT_PAYLOADS[2]!);
      await form.getByRole("button", { name: "Add actor" }).click();
      await registry.getByRole("button", { name: "Close" }).click();
      // An actor span and an event linked to it, so the name reaches the events view too.
      await selectWithMouse(page, framed(0));
      await page.keyboard.press("1");
      await selectWithMouse(page, framed(1));
      await page.keyboard.press("2");
      await expectSaved(page);
      await spanRow(page, "Alpha").click();
      await page.getByRole("region", { name: "Span details" }).getByRole("list", { name: "Registry matches" }).getByRole("button").first().click();
      await expectSaved(page);
      await spanRow(page, "Bravo").click();
      await page.keyboard.press("a");
      await page.keyboard.press("Enter");
      await expectSaved(page);
    },
    async expectShownLiterally(page) {
      await spanRow(page, "Alpha").click();
      await expect(page.getByRole("region", { name: "Span details" }).locator("strong")).toHaveText(TEXT_PAYLOADS[0]!);
      await page.locator(".sw-header").getByRole("button", { name: "Actors", exact: true }).click();
      await expect(page.getByRole("dialog", { name: "Actors" }).getByText(TEXT_PAYLOADS[0]!, { exact: true })).toBeVisible();
      await page.getByRole("dialog", { name: "Actors" }).getByRole("button", { name: "Close" }).click();
      await page.getByRole("tab", { name: "Events" }).click();
      await expect(page.getByRole("region", { name: "Event records" }).getByRole("row").nth(1)).toContainText(TEXT_PAYLOADS[0]!);
    },
  },
];

const dialogs: string[] = [];

test.beforeEach(async ({ page }) => {
  dialogs.length = 0;
  page.on("dialog", (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  // Runs before the app's own scripts; init scripts are not subject to the page's CSP.
  await page.addInitScript(() => {
    const violations: string[] = [];
    Object.defineProperty(window, "__cspViolations", { value: violations });
    document.addEventListener("securitypolicyviolation", (event) => {
      // zod probes once whether it may compile validators with `Function("")` and
      // falls back when the CSP says no; markup cannot cause an eval, so only
      // inline script, inline handlers and URLs count here.
      if (event.blockedURI === "eval") return;
      violations.push(`${event.violatedDirective}: ${event.blockedURI} ${event.sample}`);
    });
  });
  await startApp(page);
});

/** Nothing ran and no markup from the payloads reached the page. */
async function expectNothingRan(page: Page): Promise<void> {
  const state = await page.evaluate(() => ({
    pwned: (window as unknown as { __pwned?: unknown }).__pwned,
    violations: (window as unknown as { __cspViolations: string[] }).__cspViolations,
    inlineHandlers: [...document.querySelectorAll("*")]
      .filter((el) => [...el.attributes].some((attribute) => attribute.name.toLowerCase().startsWith("on")))
      .map((el) => el.outerHTML.slice(0, 120)),
    javascriptLinks: [...document.querySelectorAll("[href], [src], [action], [formaction]")]
      .filter((el) => ["href", "src", "action", "formaction"].some((name) => /^\s*javascript:/i.test(el.getAttribute(name) ?? "")))
      .map((el) => el.outerHTML.slice(0, 120)),
    // The page's own inline script (the first paint, served in index.html, allowed by its hash) aside: there is one.
    injected:
      document.querySelectorAll("img[src='x'], svg[onload], textarea, iframe, script:not([src]):not([data-sw-first-paint-script])").length +
      document.querySelectorAll("script[data-sw-first-paint-script]").length -
      1,
  }));
  expect(state).toEqual({ pwned: undefined, violations: [], inlineHandlers: [], javascriptLinks: [], injected: 0 });
  expect(dialogs).toEqual([]);
}

for (const field of FIELDS) {
  test(`payloads in the ${field.name} show as text and nothing runs`, async ({ page }) => {
    await field.enter(page);
    await field.expectShownLiterally(page);
    // Hover and click over everything once, so handlers that need an event would have fired.
    await page.mouse.move(200, 200);
    await page.mouse.move(600, 400);
    await expectNothingRan(page);
    // And after a reload, from what was stored.
    await page.reload();
    await field.expectShownLiterally(page);
    await expectNothingRan(page);
  });
}
