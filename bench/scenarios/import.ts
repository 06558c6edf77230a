/**
 * Scenario 3: importing a corpus of 10,000 articles (about 50 MB) through
 * the "Import documents" control, from the change of the file input to every
 * document stored and listed, watching frames all the while.
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { openApp, profiled } from "../app";
import { corpusKit } from "../corpus";
import type { RunContext, Scenario } from "../scenario";
import { figure } from "../stats";

/** Writes the article files once (they are kept in the cache folder); returns their paths. */
function articleFiles(ctx: RunContext, count: number, chars: number): string[] {
  const dir = path.join(ctx.cacheDir, `articles-${count}-${chars}`);
  const names = Array.from({ length: count }, (_, i) => path.join(dir, `article-${String(i + 1).padStart(5, "0")}.txt`));
  const complete = path.join(dir, ".complete");
  if (!existsSync(complete)) {
    ctx.log(`writing ${count} articles to ${dir}`);
    mkdirSync(dir, { recursive: true });
    const kit = corpusKit(3);
    for (const name of names) writeFileSync(name, kit.text(chars, 600));
    writeFileSync(complete, "");
  }
  return names;
}

export const importScenario: Scenario = {
  name: "import",
  async run(ctx) {
    const count = ctx.smoke ? 50 : 10_000;
    const runs = ctx.smoke ? 1 : 3;
    const files = articleFiles(ctx, count, 5000);
    const times: number[] = [];
    const frames: number[] = [];
    const progress: number[] = [];
    for (let r = 0; r < runs; r++) {
      const session = await openApp(ctx.url);
      const { page } = session;
      try {
        await page.evaluate((count) => {
          const updates = new Set<string>();
          const observer = new MutationObserver(() => {
            const busy = document.querySelector(".sw-busy")?.textContent;
            if (busy && /\d+ of \d+/.test(busy)) updates.add(busy);
          });
          observer.observe(document.querySelector(".sw-header")!, { subtree: true, childList: true, characterData: true });
          // Frames are watched from the input's change event: before it, the browser is still building the file list.
          let watch: { stop(): { longestFrame: number; longestFrameAt: number } } | null = null;
          window.addEventListener("change", () => (watch ??= window.__probe.watchFrames()), { capture: true });
          const stored = () => document.querySelector(".sw-doclist .sw-count")?.textContent === String(count) && !document.querySelector(".sw-busy");
          (window as unknown as { __imported: Promise<{ at: number; frame: number; frameAt: number; progress: number }> }).__imported = window.__probe
            .paintedWhen(stored, 600_000)
            .then((at) => {
              observer.disconnect();
              const frames = watch?.stop();
              return { at, frame: frames?.longestFrame ?? NaN, frameAt: frames?.longestFrameAt ?? NaN, progress: updates.size };
            });
        }, count);
        const result = await profiled(session, ctx.profileDir, `import-${r + 1}`, async () => {
          await page.getByLabel("Import documents").setInputFiles(files);
          return page.evaluate(async () => {
            const done = await (window as unknown as { __imported: Promise<{ at: number; frame: number; frameAt: number; progress: number }> }).__imported;
            return { ms: done.at - window.__probe.lastEvent("change"), frame: done.frame, frameAt: done.frameAt, progress: done.progress };
          });
        });
        times.push(result.ms / 1000);
        frames.push(result.frame);
        progress.push(result.progress);
        ctx.log(`run ${r + 1}: ${count} articles in ${(result.ms / 1000).toFixed(1)} s, longest frame ${result.frame.toFixed(0)} ms (${(result.frameAt / 1000).toFixed(2)} s in), ${result.progress} progress updates shown`);
      } finally {
        await session.close();
      }
    }
    return [
      figure("import.allStored", `3. ${count} articles: file input → all stored and listed`, "s", times, { target: 20 }),
      figure("import.longestFrame", "3. longest frame during the import (responsiveness)", "ms", frames),
      figure("import.progressUpdates", "3. progress updates shown", "count", progress),
    ];
  },
};
