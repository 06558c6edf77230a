/**
 * The store's own figures (issue 19): per tag, the time and bytes written
 * with 10,000 and 100,000 spans in the document (flat when a tag writes one
 * record); reading a document's spans after a restart at both sizes; and
 * reading a whole project of 1,000,000 spans (10,000 documents) as the
 * export does. Runs the store's modules (bench/storeProbe.ts, bundled here)
 * in a page of the app's origin over IndexedDB on disk, without the app, so
 * nothing else reads or writes meanwhile. Each size gets a fresh profile;
 * reads come after a browser restart, from disk.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type BrowserContext, type Page } from "@playwright/test";
import { build } from "esbuild";
import { openApp, seed as seedApp } from "../app";
import { installReaderProbe } from "../readerProbe";
import type { RunContext, Scenario } from "../scenario";
import { LONG_TITLE, openFromList, docButton } from "./open";
import { figure, type Figure } from "../stats";
// @ts-expect-error plain ES module shared with the start script
import { chromiumArgs, findChromium } from "../../scripts/chromium.mjs";

interface StoreProbe {
  seed(docs: number, perDoc: number, batch?: number): Promise<void>;
  tags(count: number): Promise<{ ms: number[]; bytes: number[] }>;
  openDocument(): Promise<{ ms: number; spans: number }>;
  readProject(docs: number): Promise<{ ms: number; spans: number }>;
}
declare global {
  interface Window {
    __store: StoreProbe;
  }
}

async function probeBundle(root: string): Promise<string> {
  const out = await build({ entryPoints: [path.join(root, "bench", "storeProbe.ts")], bundle: true, write: false, format: "iife", platform: "browser", target: "es2022", logLevel: "warning" });
  return out.outputFiles[0]!.text;
}

/** A browser on a profile of its own, with a blank page of the app's origin that loads the probe. */
async function probeBrowser(url: string, bundle: string, profileDir: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await chromium.launchPersistentContext(profileDir, { executablePath: findChromium() as string | undefined, args: chromiumArgs() as string[] });
  const origin = new URL(url).origin;
  await context.route(`${origin}/__store-probe.html`, (route) => route.fulfill({ contentType: "text/html", body: `<!doctype html><script src="/__store-probe.js"></script>` }));
  await context.route(`${origin}/__store-probe.js`, (route) => route.fulfill({ contentType: "text/javascript", body: bundle }));
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`${origin}/__store-probe.html`);
  await page.waitForFunction(() => "__store" in window);
  return { context, page };
}

/** Seeds `seed.docs` documents of `seed.perDoc` spans, restarts the browser, then runs `measure` on the cold store. */
async function onFreshStore<T>(ctx: RunContext, bundle: string, seed: { docs: number; perDoc: number }, measure: (page: Page) => Promise<T>): Promise<T> {
  const profileDir = mkdtempSync(path.join(os.tmpdir(), "spanwise-bench-store-"));
  try {
    let { context, page } = await probeBrowser(ctx.url, bundle, profileDir);
    const started = Date.now();
    await page.evaluate(({ docs, perDoc }) => window.__store.seed(docs, perDoc), seed);
    ctx.log(`seeded ${seed.docs} × ${seed.perDoc} spans through the store in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    await context.close();
    ({ context, page } = await probeBrowser(ctx.url, bundle, profileDir));
    try {
      return await measure(page);
    } finally {
      await context.close();
    }
  } finally {
    rmSync(profileDir, { recursive: true, force: true });
  }
}

/**
 * In the app: click a long document (1 MB of text, `spans` spans) in the list
 * after a restart; ms from the click to the spans in view painted, per run.
 */
async function openInApp(ctx: RunContext, spans: number, runs: number): Promise<number[]> {
  const session = await openApp(ctx.url);
  try {
    const chars = ctx.smoke ? 20_000 : 1_000_000;
    await seedApp(session, {
      seed: 1,
      batch: 20_000,
      groups: [
        { count: 1, chars, paragraphChars: 198, spans, overlapShare: 0.3, titles: [LONG_TITLE] },
        { count: 1, chars: 1500, paragraphChars: 300, spans: 5, overlapShare: 0, titles: ["short note"] },
      ],
    });
    await session.page.evaluate(installReaderProbe, LONG_TITLE);
    const times: number[] = [];
    for (let r = 0; r < runs; r++) {
      times.push((await openFromList(session.page, LONG_TITLE)).spans);
      await docButton(session.page, "short note").click();
      await session.page.locator(".sw-doctitle", { hasText: "short note" }).waitFor();
    }
    return times;
  } finally {
    await session.close();
  }
}

export const storeScenario: Scenario = {
  name: "store",
  async run(ctx) {
    const bundle = await probeBundle(ctx.root);
    const figures: Figure[] = [];
    const sizes = ctx.smoke ? [1_000, 2_000] : [10_000, 100_000];
    const tagCount = ctx.smoke ? 5 : 30;
    for (const size of sizes) {
      const label = size >= 1000 ? `${size / 1000}k` : String(size);
      const { open, tags } = await onFreshStore(
        ctx,
        bundle,
        { docs: 1, perDoc: size },
        async (page) => {
          const open: number[] = [];
          for (let r = 0; r < 3; r++) open.push((await page.evaluate(() => window.__store.openDocument())).ms);
          const tags = await page.evaluate((n) => window.__store.tags(n), tagCount);
          return { open, tags };
        },
      );
      ctx.log(`${label} spans: first read ${open[0]!.toFixed(0)} ms, tag median ${tags.ms.sort((a, b) => a - b)[tags.ms.length >> 1]!.toFixed(1)} ms, ${tags.bytes[0]} bytes`);
      figures.push(
        figure(`store.tagMs.${label}`, `store: one tag's write, ${label} spans in the document`, "ms", tags.ms),
        figure(`store.tagKB.${label}`, `store: kilobytes put per tag (JSON size), ${label} spans in the document`, "count", tags.bytes.map((b) => b / 1000)),
        figure(`store.openFirstRead.${label}`, `store: a document's spans read after a restart, ${label} spans`, "ms", [open[0]!]),
        figure(`store.openWarmRead.${label}`, `store: the same read again, ${label} spans`, "ms", open.slice(1)),
      );
    }
    for (const size of sizes) {
      const label = `${size / 1000}k`;
      const times = await openInApp(ctx, size, ctx.smoke ? 1 : 3);
      ctx.log(`app: ${label} spans in view ${times.map((t) => t.toFixed(0)).join(", ")} ms after the click`);
      figures.push(figure(`store.openSpansInView.${label}`, `app: click in list → spans in view painted, ${label} spans`, "ms", times, { target: 1000 }));
    }
    const docs = ctx.smoke ? 100 : 10_000;
    const read = await onFreshStore(
      ctx,
      bundle,
      { docs, perDoc: 100 },
      async (page) => {
        const runs: number[] = [];
        for (let r = 0; r < 3; r++) {
          const got = await page.evaluate((n) => window.__store.readProject(n), docs);
          if (got.spans !== docs * 100) throw new Error(`read ${got.spans} spans, seeded ${docs * 100}`);
          runs.push(got.ms);
        }
        return runs;
      },
    );
    ctx.log(`${docs * 100} spans read: ${read.map((m) => m.toFixed(0)).join(", ")} ms`);
    figures.push(
      figure("store.projectReadFirst", `store: whole project read after a restart, ${docs * 100} spans`, "ms", [read[0]!]),
      figure("store.projectRead", `store: whole project read again, ${docs * 100} spans`, "ms", read.slice(1)),
    );
    return figures;
  },
};
