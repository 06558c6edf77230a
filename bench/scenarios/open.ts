/**
 * Scenarios 1 and 6: open a long document (1 MB, 10,000 spans with overlaps)
 * from the document list; scroll it from top to bottom; the renderer's heap
 * afterwards.
 */
import type { Page } from "@playwright/test";
import { heapAfterGc, openApp, profiled, rendererMemory, seed, type Session } from "../app";
import { installReaderProbe } from "../readerProbe";
import type { RunContext, Scenario } from "../scenario";
import type { SeedRequest } from "../seed";
import { figure } from "../stats";

export const LONG_TITLE = "long document";
const SHORT_TITLE = "short note";

/** The long document (and a short one to switch to), at full or smoke size. */
export function longDocument(smoke: boolean): SeedRequest {
  const shape = smoke
    ? { chars: 20_000, paragraphChars: 198, spans: 200, overlapShare: 0.3 }
    : { chars: 1_000_000, paragraphChars: 198, spans: 10_000, overlapShare: 0.3 };
  return {
    seed: 1,
    batch: 20_000,
    groups: [
      { count: 1, ...shape, titles: [LONG_TITLE] },
      { count: 1, chars: 1500, paragraphChars: 300, spans: 5, overlapShare: 0, titles: [SHORT_TITLE] },
    ],
  };
}

export function docButton(page: Page, title: string) {
  return page.getByRole("navigation", { name: "Documents" }).getByRole("button", { name: title, exact: true });
}

/** Clicks a document in the list; resolves with ms from the click to text painted and to spans in view painted. */
export async function openFromList(page: Page, title: string): Promise<{ text: number; spans: number }> {
  await page.evaluate(() => {
    const w = window as unknown as { __opened: Promise<[number, number]> };
    w.__opened = Promise.all([window.__probe.paintedWhen(window.__reader.textInView, 120_000), window.__probe.paintedWhen(window.__reader.spansInView, 120_000)]);
  });
  await docButton(page, title).click();
  return page.evaluate(async () => {
    const [text, spans] = await (window as unknown as { __opened: Promise<[number, number]> }).__opened;
    const clicked = window.__probe.lastEvent("click");
    return { text: text - clicked, spans: spans - clicked };
  });
}

/**
 * Scrolls the reader (or the element `selector` names; the page when null)
 * from top to bottom a viewport at a time, one step a frame; the longest
 * frame and task, ms.
 */
export async function scrollThrough(page: Page, maxSteps: number, selector: string | null = ".sw-reader-scroll"): Promise<{ frame: number; task: number; steps: number }> {
  return page.evaluate(async ([maxSteps, selector]) => {
    const scroller = (selector === null ? document.scrollingElement : document.querySelector<HTMLElement>(selector)) as HTMLElement;
    const max = scroller.scrollHeight - scroller.clientHeight;
    const steps = Math.min(maxSteps, Math.ceil(max / scroller.clientHeight));
    scroller.scrollTop = 0;
    await window.__probe.frames(3);
    const watch = window.__probe.watchFrames();
    for (let i = 1; i <= steps; i++) {
      scroller.scrollTop = Math.round((max * i) / steps);
      await window.__probe.frames(1);
    }
    await window.__probe.frames(3);
    const report = watch.stop();
    return { frame: report.longestFrame, task: report.longestTask, steps };
  }, [maxSteps, selector] as const);
}

export async function openLongDocument(ctx: RunContext): Promise<Session> {
  const session = await openApp(ctx.url);
  const seeded = await seed(session, longDocument(ctx.smoke));
  ctx.log(`seeded ${seeded.documents} documents, ${seeded.spans} spans`);
  await session.page.evaluate(installReaderProbe, LONG_TITLE);
  return session;
}

export const openScenario: Scenario = {
  name: "open",
  async run(ctx) {
    const runs = ctx.smoke ? 2 : 5;
    const session = await openLongDocument(ctx);
    const { page } = session;
    const text: number[] = [];
    const spans: number[] = [];
    const frames: number[] = [];
    const tasks: number[] = [];
    try {
      for (let r = 0; r < runs; r++) {
        const opened = await profiled(session, ctx.profileDir, `open-${r + 1}`, () => openFromList(page, LONG_TITLE));
        text.push(opened.text);
        spans.push(opened.spans);
        const scrolled = await profiled(session, ctx.profileDir, `scroll-${r + 1}`, () => scrollThrough(page, ctx.smoke ? 20 : 600));
        frames.push(scrolled.frame);
        tasks.push(scrolled.task);
        ctx.log(`run ${r + 1}: text ${opened.text.toFixed(0)} ms, spans ${opened.spans.toFixed(0)} ms, scroll ${scrolled.steps} steps, longest frame ${scrolled.frame.toFixed(0)} ms`);
        if (r + 1 < runs) {
          await docButton(page, SHORT_TITLE).click();
          await page.locator(".sw-doctitle", { hasText: SHORT_TITLE }).waitFor();
        }
      }
      const heap = await heapAfterGc(session.cdp);
      const memory = await rendererMemory(session);
      ctx.log(`heap ${heap.toFixed(0)} MB, renderer resident ${memory?.rss.toFixed(0) ?? "?"} MB`);
      return [
        figure("open.textPainted", "1. click in list → first text painted", "ms", text, { target: 300 }),
        figure("open.spansPainted", "1. click in list → spans in view painted", "ms", spans, { target: 1000 }),
        figure("open.scrollLongestFrame", "1. longest frame, scrolling top to bottom", "ms", frames, { target: 50 }),
        figure("open.scrollLongestTask", "1. longest task, scrolling top to bottom", "ms", tasks),
        figure("memory.heap", "6. renderer JS heap after scenario 1 (after GC)", "MB", [heap], { target: 300 }),
        ...(memory ? [figure("memory.rendererResident", "6. renderer process resident memory", "MB", [memory.rss])] : []),
      ];
    } finally {
      await session.close();
    }
  },
};
