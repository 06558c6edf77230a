/**
 * Scenario 5: a corpus of 100,000 documents. Time from navigation start to
 * the document list painted with its rows and the page free for input (a
 * frame after that arrives on time): on a cold start (a fresh browser process
 * on a copy of the seeded profile, caches dropped, as after a reboot) and on a
 * reload of the same page; and from typing a title search to its results
 * painted.
 */
import { rmSync } from "node:fs";
import type { Page } from "@playwright/test";
import { afterLoad, coldProfile, launchBrowser, seededProfile } from "../app";
import { installProbe } from "../probe";
import type { Scenario } from "../scenario";
import { figure } from "../stats";

declare global {
  interface Window {
    __listReady?: Promise<{ rows: number; idle: number }>;
  }
}

/** Runs in the page before its scripts: resolves `__listReady` when all `count` documents are listed and the page answers. */
function watchList(count: number): void {
  const listed = () => document.querySelector(".sw-doclist .sw-count")?.textContent === String(count) && document.querySelector(".sw-doclist .sw-doc") !== null;
  window.__listReady = window.__probe.paintedWhen(listed, 120_000).then(
    (rows) =>
      new Promise((resolve) => {
        // Interactive: the next frame comes within 50 ms, so nothing is still holding the main thread.
        let prev = performance.now();
        const tick = (t: number) => {
          if (t - prev < 50) resolve({ rows, idle: performance.now() });
          else {
            prev = t;
            requestAnimationFrame(tick);
          }
        };
        requestAnimationFrame(tick);
      }),
  );
}

export const listScenario: Scenario = {
  name: "list",
  async run(ctx) {
    const count = ctx.smoke ? 1000 : 100_000;
    const runs = ctx.smoke ? 2 : 5;
    const rows: number[] = [];
    const interactive: number[] = [];
    const rowsReload: number[] = [];
    const interactiveReload: number[] = [];
    const search: number[] = [];
    const at = Date.now();
    const { profileDir: template, seeded } = await seededProfile(ctx.url, { seed: 5, batch: 50_000, groups: [{ count, chars: 300, paragraphChars: 300, spans: 0, overlapShare: 0 }] });
    ctx.log(`seeded ${count} documents in ${((Date.now() - at) / 1000).toFixed(0)} s`);
    let profileDir = "";
    let context: Awaited<ReturnType<typeof launchBrowser>> | undefined;
    try {
      let page: Page | undefined;
      for (let r = 0; r < runs; r++) {
        await context?.close();
        if (profileDir) rmSync(profileDir, { recursive: true, force: true });
        profileDir = coldProfile(template);
        context = await launchBrowser(profileDir);
        page = context.pages()[0] ?? (await context.newPage());
        await page.addInitScript(installProbe);
        await page.addInitScript(watchList, count);
        const p = page;
        type Ready = { rows: number; idle: number };
        const cold = await afterLoad<Ready>(p, () => p.goto(ctx.url, { waitUntil: "commit" }), "__listReady");
        const reload = await afterLoad<Ready>(p, () => p.reload({ waitUntil: "commit" }), "__listReady");
        rows.push(cold.rows);
        interactive.push(cold.idle);
        rowsReload.push(reload.rows);
        interactiveReload.push(reload.idle);
        ctx.log(`start ${r + 1}: cold: rows painted at ${cold.rows.toFixed(0)} ms, interactive at ${cold.idle.toFixed(0)} ms; reload: ${reload.rows.toFixed(0)} / ${reload.idle.toFixed(0)} ms`);
      }
      page = page!;

      const filter = page.getByLabel("Filter documents");
      for (let r = 0; r < runs; r++) {
        // The start of a word of a stored title: a search with results.
        const words = seeded.first[r]!.title.split(" ");
        const query = words[words.length - 1]!.slice(0, 5).toLocaleLowerCase();
        await page.evaluate((query) => {
          const matches = () => {
            const shown = [...document.querySelectorAll(".sw-doclist .sw-doc")];
            return shown.length > 0 && shown.every((b) => b.textContent!.toLocaleLowerCase().includes(query));
          };
          (window as unknown as { __searched: Promise<number> }).__searched = window.__probe.paintedWhen(matches, 60_000);
        }, query);
        await filter.fill(query);
        const ms = await page.evaluate(async () => (await (window as unknown as { __searched: Promise<number> }).__searched) - window.__probe.lastEvent("input"));
        search.push(ms);
        ctx.log(`search "${query}": ${ms.toFixed(0)} ms`);
        await filter.fill("");
      }
    } finally {
      await context?.close();
      if (profileDir) rmSync(profileDir, { recursive: true, force: true });
      rmSync(template, { recursive: true, force: true });
    }
    return [
      figure("list.rowsPainted", `5. ${count} documents, cold start: navigation → list rows painted`, "ms", rows),
      figure("list.interactive", `5. ${count} documents, cold start: navigation → list interactive`, "ms", interactive, { target: 300 }),
      figure("list.rowsPaintedReload", `5. ${count} documents, reload: navigation → list rows painted`, "ms", rowsReload),
      figure("list.interactiveReload", `5. ${count} documents, reload: navigation → list interactive`, "ms", interactiveReload, { target: 300 }),
      figure("list.search", "5. title search typed → results painted", "ms", search, { target: 200 }),
    ];
  },
};
