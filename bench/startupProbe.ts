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

  /** Visible paragraphs as [line index or undefined when unknown, element], in order. */
  const visible = (): [number | undefined, Element][] => {
    if (expect.tool === "spanwise") {
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

  const spansShown = (): boolean => {
    if (expect.tool === "floor") return textShown();
    const shown = visible();
    if (shown.length === 0) return false;
    const drawn = new Set<string>();
    if (expect.tool === "spanwise") {
      for (const [, p] of shown) for (const el of p.querySelectorAll<HTMLElement>(".sw-span[data-span-id]")) drawn.add(el.dataset.spanId!);
    } else {
      for (const el of document.querySelectorAll<HTMLElement>(".r6o-annotation[data-annotation]")) drawn.add(el.dataset.annotation!);
    }
    // Paragraphs wholly in view: Recogito draws only the highlights inside the
    // viewport, so the spans of a paragraph cut by its edge may be out of view.
    const frame = expect.tool === "spanwise" ? document.querySelector(".sw-reader-scroll")!.getBoundingClientRect() : { top: 0, bottom: innerHeight };
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

  window.__startup = Promise.all([probe.paintedWhen(textShown, expect.timeoutMs), probe.paintedWhen(spansShown, expect.timeoutMs)]).then(
    ([text, spans]) => ({ text, spans }),
  );
}
