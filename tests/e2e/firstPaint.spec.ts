/**
 * Issue 21: the first paint. A reopened document's first screen is drawn
 * from the store by a few kB of script before the app has loaded
 * (renderer/firstPaint), then the app's reader takes over. Seen from the
 * page: the picture appears before the reader exists, shows what the reader
 * then shows (title, text, the same spans), is hidden from assistive
 * technology, and is gone once the reader is there.
 */
import { expect, test } from "@playwright/test";
import { expectSaved, fixture, importFiles, openDocument, selectWithMouse, startApp } from "./helpers";

/** summit.txt's headline: its title in the app. */
const SUMMIT_TITLE = "Ministers meet in Geneva as talks resume";

interface Seen {
  added: number | null;
  removed: number | null;
  readerWhenAdded: boolean;
  title: string;
  paragraphs: string[];
  spanIds: string[];
  ariaHidden: string | null;
}

declare global {
  interface Window {
    __firstPaint: Seen;
  }
}

/** Text of a paragraph without its label badges, as the reader reads. */
const withoutBadges = (p: Element) => {
  const copy = p.cloneNode(true) as Element;
  copy.querySelectorAll(".sw-badge, .sw-fp-badge").forEach((b) => b.remove());
  return copy.textContent ?? "";
};

test("a reopened document is painted from the store before the app loads, and the reader takes over", async ({ page }) => {
  await startApp(page);
  await importFiles(page, [fixture("summit.txt")]);
  await openDocument(page, "summit");
  await selectWithMouse(page, "Foreign Minister Amara Okafor");
  await page.keyboard.press("1");
  await expectSaved(page);
  await selectWithMouse(page, "Jonas Lindqvist");
  await page.keyboard.press("1");
  await expectSaved(page);
  await page.keyboard.press("Escape");

  await page.addInitScript(
    ({ badges }) => {
      const strip = new Function("p", `return (${badges})(p)`) as (p: Element) => string;
      const seen: Seen = { added: null, removed: null, readerWhenAdded: false, title: "", paragraphs: [], spanIds: [], ariaHidden: null };
      window.__firstPaint = seen;
      new MutationObserver(() => {
        const picture = document.getElementById("sw-first-paint");
        if (picture && seen.added === null) {
          seen.added = performance.now();
          seen.readerWhenAdded = document.querySelector(".ProseMirror") !== null;
          seen.title = picture.querySelector(".sw-fp-title")?.textContent ?? "";
          seen.paragraphs = [...picture.querySelectorAll(".sw-fp-text > p")].slice(0, 4).map(strip);
          seen.spanIds = [...new Set([...picture.querySelectorAll<HTMLElement>(".sw-fp-span[data-span-id]")].map((s) => s.dataset.spanId!))].sort();
          seen.ariaHidden = picture.getAttribute("aria-hidden");
        }
        if (!picture && seen.added !== null && seen.removed === null) seen.removed = performance.now();
      }).observe(document, { childList: true, subtree: true });
    },
    { badges: withoutBadges.toString() },
  );
  await page.reload();
  await expect(page.locator(".sw-doctitle")).toHaveText(SUMMIT_TITLE);
  await expect.poll(() => page.evaluate(() => window.__firstPaint.removed)).not.toBeNull();
  const seen = await page.evaluate(() => window.__firstPaint);

  expect(seen.added).not.toBeNull();
  expect(seen.readerWhenAdded).toBe(false);
  expect(seen.ariaHidden).toBe("true");
  expect(seen.title).toBe(SUMMIT_TITLE);
  // The same text and spans as the reader shows.
  const reader = await page.locator(".ProseMirror p").evaluateAll(
    (ps, badges) => ps.slice(0, 4).map((p) => (new Function("p", `return (${badges})(p)`) as (p: Element) => string)(p)),
    withoutBadges.toString(),
  );
  expect(seen.paragraphs).toEqual(reader);
  const readerSpans = await page.locator(".ProseMirror .sw-span[data-span-id]").evaluateAll((els) => [...new Set(els.map((e) => (e as HTMLElement).dataset.spanId!))].sort());
  expect(readerSpans).toHaveLength(2);
  expect(seen.spanIds).toEqual(readerSpans);
  // Nothing of it is left, and the app works as ever.
  await expect(page.locator("#sw-first-paint")).toHaveCount(0);
  await selectWithMouse(page, "Geneva");
  await page.keyboard.press("2");
  await expectSaved(page);
});

test("a first start paints nothing and creates no store before the app does", async ({ page }) => {
  await page.addInitScript(() => {
    (window as unknown as { __painted: boolean }).__painted = false;
    new MutationObserver(() => {
      if (document.getElementById("sw-first-paint")) (window as unknown as { __painted: boolean }).__painted = true;
    }).observe(document, { childList: true, subtree: true });
  });
  await startApp(page);
  expect(await page.evaluate(() => (window as unknown as { __painted: boolean }).__painted)).toBe(false);
  // The store is the app's, at its own version (the first paint never made an empty one).
  const version = await page.evaluate(async () => (await indexedDB.databases()).find((d) => d.name === "spanwise")?.version);
  expect(version).toBeGreaterThanOrEqual(70);
});
