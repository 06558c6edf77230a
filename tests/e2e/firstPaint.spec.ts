/**
 * Issue 21: the first paint. A reopened document's first screen is drawn
 * by a few kB of script before the app has loaded (renderer/firstPaint),
 * from the copy the app keeps in localStorage or else from the store, then
 * the app's reader takes over. Seen from the page: the picture appears
 * before the reader exists, shows what the reader then shows (title, text,
 * the same spans), is hidden from assistive technology, and is gone once
 * the reader is there; a copy the store disagrees with does not stay.
 */
import { expect, test, type Page } from "@playwright/test";
import { expectSaved, fixture, importFiles, openDocument, selectWithMouse, startApp } from "./helpers";

/** summit.txt's headline: its title in the app. */
const SUMMIT_TITLE = "Ministers meet in Geneva as talks resume";

interface Seen {
  added: number;
  removed: number | null;
  readerWhenAdded: boolean;
  source: string | null;
  title: string;
  paragraphs: string[];
  spanIds: string[];
  ariaHidden: string | null;
}

declare global {
  interface Window {
    __pictures: Seen[];
  }
}

/** Text of a paragraph without its label badges, as the reader reads. */
const withoutBadges = (p: Element) => {
  const copy = p.cloneNode(true) as Element;
  copy.querySelectorAll(".sw-badge, .sw-fp-badge").forEach((b) => b.remove());
  return copy.textContent ?? "";
};

/** Records every first-paint picture the next loads of `page` show: what it showed, where from, when it came and went. */
async function watchFirstPaint(page: Page): Promise<void> {
  await page.addInitScript(
    ({ badges }) => {
      const strip = new Function("p", `return (${badges})(p)`) as (p: Element) => string;
      const pictures: Seen[] = [];
      window.__pictures = pictures;
      let current: Element | null = null;
      new MutationObserver(() => {
        const picture = document.getElementById("sw-first-paint");
        if (picture === current) return;
        if (current) pictures[pictures.length - 1]!.removed = performance.now();
        current = picture;
        if (!picture) return;
        pictures.push({
          added: performance.now(),
          removed: null,
          readerWhenAdded: document.querySelector(".ProseMirror") !== null,
          source: picture.getAttribute("data-source"),
          title: picture.querySelector(".sw-fp-title")?.textContent ?? "",
          paragraphs: [...picture.querySelectorAll(".sw-fp-text > p")].slice(0, 4).map(strip),
          spanIds: [...new Set([...picture.querySelectorAll<HTMLElement>(".sw-fp-span[data-span-id]")].map((s) => s.dataset.spanId!))].sort(),
          ariaHidden: picture.getAttribute("aria-hidden"),
        });
      }).observe(document, { childList: true, subtree: true });
    },
    { badges: withoutBadges.toString() },
  );
}

/** The pictures seen, once the reader is up with `title` and the last picture is gone. */
async function picturesSeen(page: Page, title = SUMMIT_TITLE): Promise<Seen[]> {
  await expect(page.locator(".sw-doctitle")).toHaveText(title);
  await expect.poll(() => page.evaluate(() => window.__pictures.length > 0 && window.__pictures.every((p) => p.removed !== null))).toBe(true);
  return page.evaluate(() => window.__pictures);
}

/** What the reader shows: its first paragraphs without badges, and its span ids. */
async function readerShows(page: Page): Promise<{ paragraphs: string[]; spanIds: string[] }> {
  const paragraphs = await page.locator(".ProseMirror p").evaluateAll(
    (ps, badges) => ps.slice(0, 4).map((p) => (new Function("p", `return (${badges})(p)`) as (p: Element) => string)(p)),
    withoutBadges.toString(),
  );
  const spanIds = await page.locator(".ProseMirror .sw-span[data-span-id]").evaluateAll((els) => [...new Set(els.map((e) => (e as HTMLElement).dataset.spanId!))].sort());
  return { paragraphs, spanIds };
}

/** The app has kept the open document's first screen (a moment after its last change) with `spans` spans. */
async function keptWithSpans(page: Page, spans: number): Promise<void> {
  await expect
    .poll(() => page.evaluate(() => (JSON.parse(localStorage.getItem("spanwise.firstScreen") ?? "{}") as { spans?: unknown[] }).spans?.length ?? -1))
    .toBe(spans);
}

/** A picture as the first paint must show it: before the reader existed, hidden from assistive technology, with the reader's title, paragraphs and spans. */
async function expectPictureOfReader(page: Page, picture: Seen | undefined): Promise<{ paragraphs: string[]; spanIds: string[] }> {
  expect(picture).toBeDefined();
  expect(picture!.readerWhenAdded).toBe(false);
  expect(picture!.ariaHidden).toBe("true");
  expect(picture!.title).toBe(SUMMIT_TITLE);
  const reader = await readerShows(page);
  expect(picture!.paragraphs).toEqual(reader.paragraphs);
  expect(picture!.spanIds).toEqual(reader.spanIds);
  return reader;
}

async function tagTwoActors(page: Page): Promise<void> {
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
}

test("a reopened document is painted from the store before the app loads, and the reader takes over", async ({ page }) => {
  await tagTwoActors(page);
  // Without the app's kept copy, the first paint reads the store.
  await page.evaluate(() => localStorage.clear());
  await watchFirstPaint(page);
  await page.reload();
  const [seen, ...more] = await picturesSeen(page);
  expect(more).toEqual([]);
  expect(seen!.source).toBe("store");
  // The same title, text and spans as the reader shows.
  const reader = await expectPictureOfReader(page, seen);
  expect(reader.spanIds).toHaveLength(2);
  // Nothing of it is left, and the app works as ever.
  await expect(page.locator("#sw-first-paint")).toHaveCount(0);
  await selectWithMouse(page, "Geneva");
  await page.keyboard.press("2");
  await expectSaved(page);
});

test("the app keeps the open document's first screen: a reload and a new window paint it without the store", async ({ page, context }) => {
  await tagTwoActors(page);
  await keptWithSpans(page, 2);
  await watchFirstPaint(page);
  await page.reload();
  const [reloaded, ...more] = await picturesSeen(page);
  expect(more).toEqual([]);
  expect(reloaded!.source).toBe("kept");
  expect((await expectPictureOfReader(page, reloaded)).spanIds).toHaveLength(2);

  // A third span, then a new window (its own session: it reopens the last opened document).
  await selectWithMouse(page, "Geneva");
  await page.keyboard.press("2");
  await expectSaved(page);
  await keptWithSpans(page, 3);
  const second = await context.newPage();
  await watchFirstPaint(second);
  await second.goto("/");
  const [fresh, ...others] = await picturesSeen(second);
  expect(others).toEqual([]);
  expect(fresh!.source).toBe("kept");
  expect((await expectPictureOfReader(second, fresh)).spanIds).toHaveLength(3);
});

test("a kept first screen that the store disagrees with is taken down at once, and kept anew", async ({ page }) => {
  await tagTwoActors(page);
  await keptWithSpans(page, 2);
  // As if a change had reached the store without the copy: the copy shows a span the store does not have.
  await page.evaluate(() => {
    const kept = JSON.parse(localStorage.getItem("spanwise.firstScreen")!) as { title: string; spans: unknown[][] };
    kept.title = "A stale title";
    kept.spans.push(["gone-span", 0, 8, "actor", "Ana"]);
    localStorage.setItem("spanwise.firstScreen", JSON.stringify(kept));
  });
  await watchFirstPaint(page);
  await page.reload();
  const [stale, ...after] = await picturesSeen(page);
  expect(stale!.source).toBe("kept");
  expect(stale!.title).toBe("A stale title");
  // Taken down by the first paint's own check against the store (before the app's reader), or redrawn from the store.
  for (const picture of after) {
    expect(picture.source).toBe("store");
    expect(picture.title).toBe(SUMMIT_TITLE);
    expect(picture.spanIds).not.toContain("gone-span");
  }
  expect((await readerShows(page)).spanIds).toHaveLength(2);
  await expect.poll(() => page.evaluate(() => (JSON.parse(localStorage.getItem("spanwise.firstScreen") ?? "{}") as { title?: string }).title)).toBe(SUMMIT_TITLE);
});

test("a project reopened with no document open paints nothing, and the app does not wait for the store to learn so", async ({ page }) => {
  await startApp(page);
  // The app keeps a blank for it: the reopened project shows no document.
  await expect.poll(() => page.evaluate(() => (JSON.parse(localStorage.getItem("spanwise.firstScreen") ?? "{}") as { docId?: unknown }).docId)).toBeNull();
  await page.addInitScript(() => {
    document.addEventListener("DOMContentLoaded", () => {
      (window as unknown as { __gateAtLoad: string | null }).__gateAtLoad = document.documentElement.getAttribute("data-sw-first-paint");
    });
  });
  await watchFirstPaint(page);
  const gateAtLoad = () => page.evaluate(() => (window as unknown as { __gateAtLoad: string | null }).__gateAtLoad);
  await page.reload();
  await expect(page.getByRole("heading", { name: "Import documents to begin" })).toBeVisible();
  expect(await page.evaluate(() => window.__pictures)).toEqual([]);
  // Settled as the page was read: the app's script was not held back.
  expect(await gateAtLoad()).toBe("settled");
  // Without the blank the first paint must ask the store first, and the app waits for it.
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await expect(page.getByRole("heading", { name: "Import documents to begin" })).toBeVisible();
  expect(await gateAtLoad()).toBe("pending");
  expect(await page.evaluate(() => window.__pictures)).toEqual([]);
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
