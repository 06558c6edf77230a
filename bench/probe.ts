/**
 * Measuring inside the page. `installProbe` runs in every document before
 * the app's own scripts (Playwright's addInitScript), so it must be
 * self-contained: it defines `window.__probe`, which the scenarios call from
 * `page.evaluate`.
 *
 * "Painted" is taken as the end of the frame in which the DOM first shows
 * the thing: the condition is checked in requestAnimationFrame, and a task
 * queued from that callback runs after the frame's style, layout and paint.
 */

export interface FrameReport {
  /** Longest gap between two animation frames, ms. */
  longestFrame: number;
  /** When the longest frame began, ms after watching started. */
  longestFrameAt: number;
  /** Longest task the long-task observer saw (over 50 ms), ms; 0 when none. */
  longestTask: number;
  frames: number;
}

export interface Probe {
  /** Time stamp of the last event of `type` seen at the window, capture phase (performance.now() clock). */
  lastEvent(type: string): number;
  /** Resolves with the time after the paint of the first frame in which `test` holds. */
  paintedWhen(test: () => boolean, timeoutMs: number): Promise<number>;
  /** When the animation-frame callback of that frame ran (the last `paintedWhen` to resolve): the rest up to its resolved time is the frame's style, layout and paint. */
  lastPaintedFrame(): number;
  /** Starts watching frames and long tasks; `stop` reports them. */
  watchFrames(): { stop(): FrameReport };
  /** Animation frames: resolves after `n` of them. */
  frames(n: number): Promise<void>;
  /** Largest JS heap seen while sampling every 20 ms (Chromium's performance.memory). */
  sampleHeap(): { stop(): number };
  /** Text of a paragraph element as the reader shows it: without label badges and the caret. */
  lineText(p: Element): string;
  /** Paragraph elements of the reader that intersect its scroll viewport. */
  visibleParagraphs(): Element[];
}

declare global {
  interface Window {
    __probe: Probe;
  }
}

export function installProbe(): void {
  const last = new Map<string, number>();
  for (const type of ["click", "keydown", "change", "input"]) {
    window.addEventListener(type, (e) => last.set(type, e.timeStamp), { capture: true });
  }
  const longTasks: number[] = [];
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) longTasks.push(entry.startTime, entry.duration);
    }).observe({ type: "longtask", buffered: true });
  } catch {
    // No long-task observer in this browser: frames alone are reported.
  }

  const frames = (n: number) =>
    new Promise<void>((resolve) => {
      let left = n;
      const tick = () => (--left <= 0 ? resolve() : requestAnimationFrame(tick));
      requestAnimationFrame(tick);
    });

  const lineText = (p: Element): string => {
    let out = "";
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT, {
      acceptNode: (n) => (n.parentElement?.closest(".sw-badge, .sw-fp-badge, .sw-caret") ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
    });
    for (let n = walker.nextNode(); n; n = walker.nextNode()) out += (n as Text).data;
    return out;
  };

  /** Index of the first of `items` whose bottom is below `y`. */
  const firstBelow = (items: HTMLCollection, y: number): number => {
    let lo = 0;
    let hi = items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (items[mid]!.getBoundingClientRect().bottom <= y) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };

  // Searches the reader's top-level blocks first and only then the paragraphs
  // inside the block found, so blocks the browser skips off screen
  // (content-visibility) are not laid out by measuring them.
  const visibleParagraphs = (): Element[] => {
    const scroller = document.querySelector(".sw-reader-scroll");
    const root = document.querySelector(".ProseMirror");
    if (!scroller || !root) return [];
    const view = scroller.getBoundingClientRect();
    const out: Element[] = [];
    for (let b = firstBelow(root.children, view.top); b < root.children.length; b++) {
      const block = root.children[b]!;
      if (block.getBoundingClientRect().top >= view.bottom) break;
      const ps = block.tagName === "P" ? [block] : [...block.children].slice(firstBelow(block.children, view.top));
      for (const p of ps) {
        const r = p.getBoundingClientRect();
        if (r.top >= view.bottom) break;
        if (r.height > 0 && r.bottom > view.top) out.push(p);
      }
    }
    return out;
  };

  let lastPaintedFrame = NaN;
  window.__probe = {
    lastEvent: (type) => last.get(type) ?? NaN,
    lastPaintedFrame: () => lastPaintedFrame,
    paintedWhen(test, timeoutMs) {
      return new Promise((resolve, reject) => {
        const started = performance.now();
        const tick = () => {
          let ok = false;
          try {
            ok = test();
          } catch {
            ok = false;
          }
          if (ok) {
            const frameAt = performance.now();
            setTimeout(() => {
              lastPaintedFrame = frameAt;
              resolve(performance.now());
            }, 0);
            return;
          }
          if (performance.now() - started > timeoutMs) reject(new Error(`not painted within ${timeoutMs} ms`));
          else requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      });
    },
    watchFrames() {
      const from = performance.now();
      let prev = from;
      let longest = 0;
      let longestAt = 0;
      let count = 0;
      let running = true;
      const tick = (t: number) => {
        if (!running) return;
        // A frame's time stamp is when it began, which for the first frame can be before
        // watching started (a long task the browser ran before it): count from the start.
        const at = Math.max(t, from);
        if (at - prev > longest) {
          longest = at - prev;
          longestAt = prev - from;
        }
        prev = at;
        count++;
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
      return {
        stop() {
          running = false;
          let task = 0;
          for (let i = 0; i < longTasks.length; i += 2) if (longTasks[i]! + longTasks[i + 1]! >= from) task = Math.max(task, longTasks[i + 1]!);
          return { longestFrame: longest, longestFrameAt: longestAt, longestTask: task, frames: count };
        },
      };
    },
    frames,
    sampleHeap() {
      const memory = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
      let peak = memory?.usedJSHeapSize ?? 0;
      const timer = setInterval(() => {
        peak = Math.max(peak, memory?.usedJSHeapSize ?? 0);
      }, 20);
      return {
        stop() {
          clearInterval(timer);
          return Math.max(peak, memory?.usedJSHeapSize ?? 0);
        },
      };
    },
    lineText,
    visibleParagraphs,
  };
}
