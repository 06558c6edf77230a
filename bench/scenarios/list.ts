/**
 * Scenario 5: a corpus of 100,000 documents. Time from loading the app to
 * the document list painted with its rows and the page free for input (a
 * frame after that arrives on time), and from typing a title search to its
 * results painted.
 */
import { openApp, seed } from "../app";
import type { Scenario } from "../scenario";
import { figure } from "../stats";

declare global {
  interface Window {
    __listReady?: Promise<{ rows: number; idle: number }>;
  }
}

export const listScenario: Scenario = {
  name: "list",
  async run(ctx) {
    const count = ctx.smoke ? 1000 : 100_000;
    const runs = ctx.smoke ? 2 : 5;
    const session = await openApp(ctx.url);
    const interactive: number[] = [];
    const rows: number[] = [];
    const search: number[] = [];
    try {
      const at = Date.now();
      const seeded = await seed(session, { seed: 5, batch: 50_000, groups: [{ count, chars: 300, paragraphChars: 300, spans: 0, overlapShare: 0 }] });
      ctx.log(`seeded ${count} documents in ${((Date.now() - at) / 1000).toFixed(0)} s`);
      const { page } = session;
      await page.addInitScript((count) => {
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
      }, count);
      for (let r = 0; r < runs; r++) {
        await page.reload();
        const ready = await page.evaluate(() => window.__listReady!);
        rows.push(ready.rows);
        interactive.push(ready.idle);
        ctx.log(`load ${r + 1}: rows painted at ${ready.rows.toFixed(0)} ms, interactive at ${ready.idle.toFixed(0)} ms`);
      }

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
      await session.close();
    }
    return [
      figure("list.rowsPainted", `5. ${count} documents: load → list rows painted`, "ms", rows),
      figure("list.interactive", `5. ${count} documents: load → list interactive`, "ms", interactive, { target: 500 }),
      figure("list.search", "5. title search typed → results painted", "ms", search, { target: 200 }),
    ];
  },
};
