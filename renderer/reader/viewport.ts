import { Plugin } from "prosemirror-state";
import type { EditorView } from "prosemirror-view";
import { decoratedWindow, spanDecoMeta, type TextWindow } from "./spanDecorations";
import { SECTION_LINES, type TextDoc } from "./textDoc";

/** Lines decorated before the first measurement: a screenful or two from the top, where a document opens. */
export const INITIAL_LINES = 120;

/** Lines in view, first and last (inclusive). */
export interface VisibleLines {
  first: number;
  last: number;
}

/**
 * The window to decorate for the lines in view, or null to keep `current`.
 * The window reaches two screens past the view on each side and is moved
 * only when the view comes within half a screen of its edge, so scrolling
 * redraws decorations every other screen, not every frame.
 */
export function nextWindow(textDoc: TextDoc, visible: VisibleLines, current: TextWindow | null): TextWindow | null {
  const lastLine = textDoc.lineCount - 1;
  const screen = visible.last - visible.first + 1;
  const slack = Math.ceil(screen / 2);
  if (current) {
    const from = textDoc.lineOf(current.from);
    const to = textDoc.lineOf(current.to);
    if (from <= Math.max(0, visible.first - slack) && to >= Math.min(lastLine, visible.last + slack)) return null;
  }
  const margin = 2 * screen + 10;
  return windowOfLines(textDoc, Math.max(0, visible.first - margin), Math.min(lastLine, visible.last + margin));
}

/** The text of lines `first` to `last`, inclusive, as a window. */
export function windowOfLines(textDoc: TextDoc, first: number, last: number): TextWindow {
  const lastLine = textDoc.lineCount - 1;
  return { from: textDoc.lineStart(Math.max(0, first)), to: textDoc.lineEnd(Math.min(lastLine, last)) };
}

/** The nearest ancestor that scrolls, or null when the page itself does. */
export function scrollParent(el: HTMLElement): HTMLElement | null {
  for (let p = el.parentElement; p; p = p.parentElement) {
    const { overflowY } = getComputedStyle(p);
    if (overflowY === "auto" || overflowY === "scroll") return p;
  }
  return null;
}

/** Index of the first of `count` stacked elements whose bottom is below `y`; `count` when none is. */
function firstBelow(count: number, element: (i: number) => Element, y: number): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (element(mid).getBoundingClientRect().bottom <= y) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The lines of the text shown in the viewport. A binary search over the
 * sections, then over the paragraphs of the section found: off-screen
 * sections are not laid out (see sectionView), and asking for the box of a
 * paragraph inside one would lay it out. Null when the DOM does not hold
 * the sections and paragraphs where TextDoc puts them, or nothing is in view.
 */
export function visibleLines(view: EditorView, lineCount: number, scroller: HTMLElement | null): VisibleLines | null {
  const sections = view.dom.children;
  if (lineCount === 0 || sections.length !== Math.ceil(lineCount / SECTION_LINES)) return null;
  if (sections[sections.length - 1]!.children.length !== lineCount - (sections.length - 1) * SECTION_LINES) return null;
  const win = view.dom.ownerDocument.defaultView;
  const frame = scroller?.getBoundingClientRect();
  const top = Math.max(frame?.top ?? 0, 0);
  const bottom = Math.min(frame?.bottom ?? Infinity, win?.innerHeight ?? Infinity);
  if (!(bottom > top)) return null;
  const s = Math.min(firstBelow(sections.length, (i) => sections[i]!, top), sections.length - 1);
  const lines = sections[s]!.children;
  const first = s * SECTION_LINES + Math.min(firstBelow(lines.length, (i) => lines[i]!, top), lines.length - 1);
  const lineElement = (i: number) => sections[Math.floor(i / SECTION_LINES)]!.children[i % SECTION_LINES]!;
  let last = first;
  while (last + 1 < lineCount && lineElement(last + 1).getBoundingClientRect().top < bottom) last++;
  return { first, last };
}

/**
 * Keeps the span decorations to the text near the viewport: after a scroll or
 * a resize it measures, in the next animation frame (before that frame is
 * painted), which lines are in view, and moves the decorated window when
 * they near its edge.
 */
export function readerViewport(textDoc: TextDoc): Plugin {
  return new Plugin({
    view(view) {
      const scroller = scrollParent(view.dom);
      const win = view.dom.ownerDocument.defaultView;
      let frame = 0;
      const measure = () => {
        frame = 0;
        // Short documents keep every span decorated; a reader that cannot be measured (hidden) keeps its window.
        if (view.isDestroyed || textDoc.lineCount <= INITIAL_LINES) return;
        const visible = visibleLines(view, textDoc.lineCount, scroller);
        const next = visible && nextWindow(textDoc, visible, decoratedWindow(view.state));
        if (next) view.dispatch(spanDecoMeta.window(view.state.tr, next));
      };
      const schedule = () => {
        if (!frame && win) frame = win.requestAnimationFrame(measure);
      };
      // Scroll events do not bubble; a capturing listener on the document hears every scroller's.
      view.dom.ownerDocument.addEventListener("scroll", schedule, { capture: true, passive: true });
      const resize = typeof ResizeObserver === "undefined" ? null : new ResizeObserver(schedule);
      resize?.observe(view.dom);
      schedule();
      return {
        destroy() {
          if (frame && win) win.cancelAnimationFrame(frame);
          view.dom.ownerDocument.removeEventListener("scroll", schedule, { capture: true });
          resize?.disconnect();
        },
      };
    },
  });
}

/** The window a long document opens with, before the viewport is measured. */
export function initialWindow(textDoc: TextDoc): TextWindow | null {
  return textDoc.lineCount > INITIAL_LINES ? windowOfLines(textDoc, 0, INITIAL_LINES - 1) : null;
}

