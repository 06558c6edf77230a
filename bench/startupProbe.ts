/**
 * Watching a page load from its first script on: when the document's text is
 * first painted, and when every span in view is. Installed with Playwright's
 * addInitScript after `installProbe`, so it must be self-contained; it sets
 * `window.__startup`, which resolves with both times on the page's clock
 * (performance.now(), zero at navigation start).
 *
 * The same test serves the three pages the startup scenario compares, each
 * shown the same way to the user: Spanwise's reader, the Recogito page
 * (peers.ts: one <p data-line> per line of text, highlights as
 * `.r6o-annotation[data-annotation]`), and the bare <pre> floor. "Spans in
 * view" are those of the paragraphs wholly in view (of all in view when none
 * is whole).
 *
 * Spanwise shows the reopened document twice: first its first paint
 * (renderer/firstPaint: a picture drawn from the store before the app's
 * script has loaded), then its reader. Text and spans count from whichever
 * is shown; `ready` is when the reader itself shows the spans in view, so
 * the figures also say when the coder can start working.
 */

export type StartupTool = "spanwise" | "recogito" | "floor";

export interface StartupExpectation {
  tool: StartupTool;
  /** The document's title, which Spanwise shows above the text. */
  title: string;
  /** The text's first lines: the page opens at the top, so these are the ones in view. */
  lines: string[];
  /** Ids of the spans that start on each of those lines (index = line). */
  lineSpans: string[][];
  timeoutMs: number;
}

export interface StartupTimes {
  /** Navigation start → first frame with the document's text painted in view, ms. */
  text: number;
  /** Navigation start → first frame with every span in view drawn, ms (the text's time for the floor). */
  spans: number;
  /** Navigation start → first frame with every span in view drawn by the tool's own editor (Spanwise's reader, not its first paint), ms; `spans` for the others. */
  ready: number;
}

declare global {
  interface Window {
    __startup?: Promise<StartupTimes>;
  }
}

export function installStartupProbe(expect: StartupExpectation): void {
  if (location.protocol !== "http:") return;
  const probe = window.__probe;
  const lineOfText = new Map<string, number>();
  expect.lines.forEach((line, i) => {
    if (line && !lineOfText.has(line)) lineOfText.set(line, i);
  });

  /** Spanwise's first paint, while it is shown (renderer/firstPaint/paint.ts). */
  const firstPaint = (): Element | null => document.getElementById("sw-first-paint");

  /** Paragraphs of the first paint in view (it does not scroll: from the top of its text box). */
  const firstPaintParagraphs = (shown: Element): Element[] => {
    const frame = shown.querySelector(".sw-fp-scroll")!.getBoundingClientRect();
    const out: Element[] = [];
    for (const p of shown.querySelectorAll(".sw-fp-text > p")) {
      const r = p.getBoundingClientRect();
      if (r.top >= frame.bottom) break;
      if (r.height > 0 && r.bottom > frame.top) out.push(p);
    }
    return out;
  };

  /** Visible paragraphs as [line index or undefined when unknown, element], in order; `readerOnly`: Spanwise's reader, not its first paint. */
  const visible = (readerOnly = false): [number | undefined, Element][] => {
    if (expect.tool === "spanwise") {
      const shown = readerOnly ? null : firstPaint();
      if (shown) {
        if (shown.querySelector(".sw-fp-title")?.textContent !== expect.title) return [];
        return firstPaintParagraphs(shown).map((p) => [lineOfText.get(probe.lineText(p)), p]);
      }
      if (document.querySelector(".sw-doctitle")?.textContent !== expect.title) return [];
      return probe.visibleParagraphs().map((p) => [lineOfText.get(probe.lineText(p)), p]);
    }
    const out: [number | undefined, Element][] = [];
    for (const p of document.querySelectorAll<HTMLElement>("#doc > p[data-line]")) {
      const r = p.getBoundingClientRect();
      if (r.top >= innerHeight) break;
      if (r.bottom > 0 && r.height > 0) out.push([Number(p.dataset.line), p]);
    }
    return out;
  };

  const textShown = (): boolean => {
    if (expect.tool === "floor") {
      const pre = document.querySelector("pre");
      return !!pre && pre.textContent!.length > 0 && pre.getBoundingClientRect().height > 0;
    }
    return visible().some(([, p]) => (p.textContent ?? "").length > 0);
  };

  const spansShown = (readerOnly = false): boolean => {
    if (expect.tool === "floor") return textShown();
    const shown = visible(readerOnly);
    if (shown.length === 0) return false;
    const drawn = new Set<string>();
    const pictured = expect.tool === "spanwise" && !readerOnly ? firstPaint() : null;
    if (expect.tool === "spanwise") {
      for (const [, p] of shown) for (const el of p.querySelectorAll<HTMLElement>(pictured ? ".sw-fp-span[data-span-id]" : ".sw-span[data-span-id]")) drawn.add(el.dataset.spanId!);
    } else {
      for (const el of document.querySelectorAll<HTMLElement>(".r6o-annotation[data-annotation]")) drawn.add(el.dataset.annotation!);
    }
    // Paragraphs wholly in view: Recogito draws only the highlights inside the
    // viewport, so the spans of a paragraph cut by its edge may be out of view.
    const frame = expect.tool === "spanwise" ? (pictured ?? document).querySelector(pictured ? ".sw-fp-scroll" : ".sw-reader-scroll")!.getBoundingClientRect() : { top: 0, bottom: innerHeight };
    const whole = shown.filter(([, p]) => {
      const r = p.getBoundingClientRect();
      return r.top >= frame.top && r.bottom <= frame.bottom;
    });
    for (const [line, p] of whole.length ? whole : shown) {
      if (!(p.textContent ?? "")) continue;
      // A line past those given (or one the reader shows differently): not what was expected.
      if (line === undefined || line >= expect.lineSpans.length) return false;
      if (!expect.lineSpans[line]!.every((id) => drawn.has(id))) return false;
    }
    return true;
  };

  // The reader counts as ready once its spans show with the first paint gone (the reader's own paragraphs are under it until then).
  const readerShown = () => (expect.tool !== "spanwise" || !firstPaint()) && spansShown(true);
  window.__startup = Promise.all([
    probe.paintedWhen(textShown, expect.timeoutMs),
    probe.paintedWhen(() => spansShown(), expect.timeoutMs),
    probe.paintedWhen(readerShown, expect.timeoutMs),
  ]).then(([text, spans, ready]) => ({ text, spans, ready }));
}
