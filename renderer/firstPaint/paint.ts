import { assignLanes, MAX_LANE } from "../reader/lanes";
import type { PaintedSpan, StoredScreen } from "./screen";
import { paintedEnd } from "./snapshot";

/**
 * The first paint: the reopened document's first screen drawn straight
 * into the page from the store, laid out as the workspace lays it out
 * (header, panels, label bar, title, text with its spans and label badges),
 * while the app's script is still loading. It is a picture, not the app:
 * hidden from assistive technology, taking no input, and removed by the
 * app once its reader has painted (handover.ts). Everything from the
 * document is set as text, never as HTML.
 */

export const FIRST_PAINT_ID = "sw-first-paint";

/** The text's line height in CSS px (styles.css: .sw-fp-text, as the reader: 16px, line-height 2.3). */
const LINE_PX = 16 * 2.3;
/** More characters than a line of the text column holds (its max-width is 46em). */
const CHARS_PER_LINE = 120;

/**
 * How much text this window's picture needs: what its height holds, twice
 * over (the picture does not scroll, and laying out more costs the first
 * frame: a 12,000-character picture took 70 ms of layout in a cold start).
 */
function windowBudget(): { chars: number; lines: number } {
  const lines = 2 * Math.ceil((window.innerHeight || 1080) / LINE_PX);
  return { chars: lines * CHARS_PER_LINE, lines };
}

/** As the workspace (renderer/workspace/useLayout.ts): below this width the side panels are drawers, out of view. */
const NARROW_QUERY = "(max-width: 999px)";

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function colored<T extends HTMLElement>(node: T, color: string): T {
  node.style.setProperty("--sw-color", color);
  return node;
}

/** A look-alike of one of the workspace's buttons (the picture is inert: none takes a click). */
const placeholderButton = (text: string, disabled = true) => {
  const button = el("button", "sw-button", text);
  button.disabled = disabled;
  return button;
};

function checkbox(checked: boolean): HTMLInputElement {
  const box = el("input");
  box.type = "checkbox";
  box.checked = checked;
  return box;
}

/** The label bar as LabelBar.tsx draws it with nothing selected: labels with their keys, span tools, word snapping. */
type Label = StoredScreen["labels"][number];

function labelBar(labels: readonly Label[]): HTMLElement {
  const bar = el("div", "sw-labelbar");
  for (const label of labels) {
    const button = colored(el("button", "sw-label"), label.color);
    if (label.key) button.append(el("kbd", undefined, label.key));
    button.append(` ${label.name}`);
    bar.append(button);
  }
  const snap = el("label", "sw-toggle");
  snap.append(checkbox(true), " Snap to words");
  bar.append(el("span", "sw-sep"), placeholderButton("Remove span"), placeholderButton("Undo"), placeholderButton("Redo"), snap);
  return bar;
}

/** The publication date line and the annotator layers, as PublicationDate.tsx and Layers.tsx draw them. */
function documentLines(screen: StoredScreen): HTMLElement[] {
  const date = el("div", "sw-pubdate");
  const input = el("input");
  input.value = screen.publishedAt ?? "";
  input.placeholder = "YYYY-MM-DD";
  date.append(el("label", undefined, "Published"), input);
  if (!screen.publishedAt) date.append(el("span", undefined, "unknown: relative dates in the text (“on Thursday”) cannot be placed on the calendar"));
  const counts = new Map(screen.layers);
  if (counts.size === 0) return [date];
  const layers = el("div", "sw-layers");
  layers.append(el("span", undefined, "Layers:"));
  for (const annotator of [...counts.keys()].sort((a, b) => a.localeCompare(b))) {
    const item = el("label");
    item.append(checkbox(!screen.hidden.includes(annotator)), `${annotator} (${counts.get(annotator)!})`);
    layers.append(item);
  }
  if (counts.size > 1) layers.append(placeholderButton("Show all"));
  return [date, layers];
}

/** One line of the text as a paragraph: its text in segments between span ends, each inside the spans that cover it (outer first), badges at span starts. */
function paragraph(text: string, from: number, to: number, spans: readonly { span: PaintedSpan; lane: number }[], labels: ReadonlyMap<string, Label>): HTMLParagraphElement {
  const p = el("p");
  p.dir = "auto";
  const here = spans.filter(({ span }) => span.start < to && span.end > from && span.end > span.start);
  const cuts = new Set<number>([from, to]);
  for (const { span } of here) {
    if (span.start > from) cuts.add(span.start);
    if (span.end < to) cuts.add(span.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  for (let i = 0; i < points.length - 1; i++) {
    const a = points[i]!;
    const b = points[i + 1]!;
    for (const { span } of here) {
      if (span.start !== a) continue;
      const label = labels.get(span.label);
      const badge = colored(el("span", "sw-fp-badge", label?.name ?? span.label), label?.color ?? "#6b7280");
      badge.dir = "auto";
      p.append(badge);
    }
    let parent: HTMLElement = p;
    for (const { span, lane } of here) {
      if (span.start > a || span.end < b) continue;
      const wrap = colored(el("span", `sw-fp-span sw-lane-${Math.min(lane, MAX_LANE)}`), labels.get(span.label)?.color ?? "#6b7280");
      wrap.dataset.spanId = span.id;
      parent.append(wrap);
      parent = wrap;
    }
    parent.append(text.slice(a, b));
  }
  // An empty line keeps a line's height, as in the reader (ProseMirror puts a break in an empty paragraph).
  if (from === to) p.append(el("br"));
  return p;
}

/** The first paint of `screen`, put over the page (before the app's root, so that it is what shows until removed). */
export function paintFirstScreen(screen: StoredScreen, source: "kept" | "store"): HTMLElement {
  const labels = new Map(screen.labels.map((l) => [l.id, l]));
  const narrow = typeof matchMedia === "function" && matchMedia(NARROW_QUERY).matches;
  const root = el("div", "sw-first-paint sw-app");
  root.id = FIRST_PAINT_ID;
  // Where the picture came from: the app's kept copy or the store (for tests and for a look in DevTools).
  root.dataset.source = source;
  root.setAttribute("aria-hidden", "true");
  root.inert = true;

  const header = el("div", "sw-fp-header");
  header.append(el("h1", "sw-brand", "Spanwise"), el("span", "sw-button sw-fp-placeholder", "Project"));
  const body = el("div", narrow ? "sw-body sw-no-documents sw-no-side" : "sw-body");
  const main = el("div", "sw-main");
  const title = el("h2", "sw-fp-title", screen.title);
  title.dir = "auto";
  const scroll = el("div", "sw-fp-scroll");
  const textBox = el("div", "sw-fp-text");
  const { text } = screen;
  // Lanes over all the document's spans, as the reader gives them, so each keeps its lane when the app takes over.
  const laned = assignLanes(screen.spans.filter((s) => !screen.hidden.includes(s.annotator)));
  const stop = paintedEnd(text);
  const budget = windowBudget();
  for (let lineStart = 0, line = 0; lineStart <= stop && lineStart < budget.chars && line < budget.lines; line++) {
    const newline = text.indexOf("\n", lineStart);
    const lineEnd = newline < 0 || newline > stop ? stop : newline;
    textBox.append(paragraph(text, lineStart, lineEnd, laned, labels));
    lineStart = lineEnd + 1;
  }
  scroll.append(textBox);
  const toggles = el("div", "sw-panel-toggles");
  toggles.append(placeholderButton("Documents list", false), el("span", "sw-spacer"), placeholderButton("Span panel", false));
  for (const button of toggles.querySelectorAll("button")) button.classList.add("sw-panel-toggle");
  main.append(toggles, labelBar(screen.labels), title, ...documentLines(screen), scroll);
  if (!narrow) body.append(el("div", "sw-panel-documents sw-doclist"));
  body.append(main);
  if (!narrow) body.append(el("div", "sw-panel-side sw-spanlist"));
  root.append(header, body);
  document.body.prepend(root);
  return root;
}
