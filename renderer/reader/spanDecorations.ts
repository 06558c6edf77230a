import { Plugin, PluginKey, type EditorState, type Transaction } from "prosemirror-state";
import { Decoration, DecorationSet } from "prosemirror-view";
import type { TextDoc } from "./textDoc";
import { assignLanes, MAX_LANE } from "./lanes";

/** What the reader needs to draw a span. Offsets are UTF-16, into the document text. */
export interface ReaderSpan {
  id: string;
  start: number;
  end: number;
  label: string;
  annotator: string;
  /** Shown before its transaction has committed: drawn dashed, not yet saved. */
  pending?: boolean;
  /**
   * The annotator's layer when several are shown: its index picks the
   * underline style (the colour stays the label's) and its tag (initials)
   * is added to the badge.
   */
  layer?: { index: number; tag: string };
}

/** How a list of spans differs from the one before it (`from`, by identity): spans new or changed, and ids gone. */
export interface ReaderSpanChanges {
  from: readonly ReaderSpan[];
  put: readonly ReaderSpan[];
  remove: readonly string[];
}

export interface ReaderLabel {
  id: string;
  name: string;
  color: string;
}

interface Drawn {
  span: ReaderSpan;
  lane: number;
  /** The last update pass that met this span (see applySpans). */
  pass?: number;
}

/** A stretch of the text, as UTF-16 offsets, half-open. */
export interface TextWindow {
  from: number;
  to: number;
}

interface SpanDecoState {
  set: DecorationSet;
  /** Every span, with its lane, whether it is decorated now or not. */
  drawn: Map<string, Drawn>;
  selectedId: string | null;
  labels: Map<string, ReaderLabel>;
  /** Only spans touching this stretch are decorated; null decorates all. */
  window: TextWindow | null;
  /**
   * Spans drawn ahead of the app's list (a new tag, drawn in the key press
   * itself): kept until a list includes them or they are dropped, so a list
   * handed over in between does not take them away.
   */
  ahead: Set<string>;
}

type SpanDecoMeta =
  | { type: "spans"; spans: readonly ReaderSpan[] }
  | { type: "changes"; put: readonly ReaderSpan[]; remove: readonly string[] }
  | { type: "select"; id: string | null }
  | { type: "labels"; labels: readonly ReaderLabel[] }
  | { type: "window"; window: TextWindow | null }
  | { type: "ahead"; span: ReaderSpan }
  | { type: "dropAhead"; id: string };

/** How many annotator underline styles the stylesheet has; more layers reuse them. */
export const LAYER_STYLES = 4;
export { MAX_LANE } from "./lanes";
/** Past this many changed spans a rebuild beats incremental updates. */
const REBUILD_THRESHOLD = 500;

export const spanDecoKey = new PluginKey<SpanDecoState>("spanDecorations");

function sameSpan(a: ReaderSpan, b: ReaderSpan): boolean {
  return a.start === b.start && a.end === b.end && a.label === b.label && a.annotator === b.annotator && !!a.pending === !!b.pending && a.layer?.index === b.layer?.index && a.layer?.tag === b.layer?.tag;
}

/**
 * Span highlights as decorations in plugin state, after the ProseMirror
 * collab-demo's comment plugin: they are updated incrementally (only the
 * spans that changed are removed and added), found again with `find`, and
 * carry the span id in their spec.
 *
 * Each span is its own wrapper element (a decoration with a nodeName), so
 * overlapping and nested spans nest in the DOM and each keeps its own
 * underline in its own lane, plus a label badge at its start.
 *
 * In a long document only the spans near the viewport are decorated (the
 * `window`, kept up to date by readerViewport): building and drawing
 * decorations costs about blocks × decorations, so 10,000 spans decorated at
 * once take seconds, while those in view take a millisecond. Lanes are kept
 * for every span, so a span keeps its lane as it scrolls in and out.
 */
export function spanDecorations(textDoc: TextDoc): Plugin<SpanDecoState> {
  const decorate = (state: SpanDecoState, d: Drawn): Decoration[] => {
    const { span, lane } = d;
    const from = textDoc.toPos(span.start);
    const to = textDoc.toPos(span.end);
    const label = state.labels.get(span.label);
    const color = label?.color ?? "#6b7280";
    const name = label?.name ?? span.label;
    const selected = state.selectedId === span.id;
    const classes = `sw-span sw-lane-${Math.min(lane, MAX_LANE)}${selected ? " sw-selected" : ""}${span.pending ? " sw-pending" : ""}`;
    const spec = { spanId: span.id, lane, inclusiveStart: false, inclusiveEnd: false };
    return [
      Decoration.widget(from, () => badge(span, name, color, selected), {
        side: -1 - Math.min(lane, MAX_LANE),
        key: `badge:${span.id}:${name}:${color}:${selected ? 1 : 0}:${span.pending ? 1 : 0}:${span.layer ? `${span.layer.index}:${span.layer.tag}` : ""}`,
        spanId: span.id,
        lane,
        ignoreSelection: true,
      }),
      Decoration.inline(
        from,
        to,
        {
          nodeName: "span",
          class: classes,
          style: `--sw-color: ${color}`,
          "data-span-id": span.id,
          "data-label": span.label,
          "data-annotator": span.annotator,
          ...(span.layer ? { "data-layer": String(span.layer.index % LAYER_STYLES) } : {}),
          title: `${name} (${span.annotator})`,
        },
        spec,
      ),
    ];
  };

  /** The decorations of every span in the window. */
  const decorateWindow = (state: SpanDecoState): DecorationSet => {
    const decos: Decoration[] = [];
    for (const d of state.drawn.values()) if (inWindow(d.span, state.window)) decos.push(...decorate(state, d));
    return DecorationSet.create(textDoc.doc, decos);
  };

  /** All spans at once: lanes by a sweep over spans sorted outer-first. */
  const rebuild = (state: SpanDecoState, spans: readonly ReaderSpan[]): SpanDecoState => {
    const drawn = new Map<string, Drawn>();
    for (const d of assignLanes(spans)) drawn.set(d.span.id, d);
    const next = { ...state, drawn };
    return { ...next, set: decorateWindow(next) };
  };

  const removeDrawn = (set: DecorationSet, d: Drawn): DecorationSet => {
    const from = textDoc.toPos(d.span.start);
    const to = textDoc.toPos(d.span.end);
    return set.remove(set.find(from, to, (spec) => spec.spanId === d.span.id));
  };

  /**
   * One span added: the lowest lane that no span overlapping it uses. The
   * spans are scanned rather than the decorations, which hold only the
   * window's; a scan of 10,000 spans takes well under a millisecond.
   */
  const addOne = (state: SpanDecoState, span: ReaderSpan): SpanDecoState => {
    const used = new Set<number>();
    for (const other of state.drawn.values()) {
      if (other.span.start < span.end && other.span.end > span.start) used.add(other.lane);
    }
    let lane = 0;
    while (used.has(lane)) lane++;
    const d = { span, lane };
    state.drawn.set(span.id, d);
    if (!inWindow(span, state.window)) return state;
    return { ...state, set: state.set.add(textDoc.doc, decorate(state, d)) };
  };

  const redraw = (state: SpanDecoState, id: string | null): SpanDecoState => {
    const d = id ? state.drawn.get(id) : undefined;
    if (!d || !inWindow(d.span, state.window)) return state;
    return { ...state, set: removeDrawn(state.set, d).add(textDoc.doc, decorate(state, d)) };
  };

  /**
   * The spans changed, added and gone since the last list. Runs for every
   * list the app hands over (each tag, each save), so it makes one pass and
   * no map of the incoming spans: each drawn span met is stamped with this
   * pass's number, and only when fewer were met than are drawn is a second
   * pass needed to find the gone ones.
   */
  let pass = 0;
  const applySpans = (state: SpanDecoState, spans: readonly ReaderSpan[]): SpanDecoState => {
    const stamp = ++pass;
    let met = 0;
    const changed: ReaderSpan[] = [];
    const gone: Drawn[] = [];
    for (const s of spans) {
      const d = state.drawn.get(s.id);
      if (!d) {
        changed.push(s);
        continue;
      }
      if (state.ahead.size > 0) state.ahead.delete(s.id);
      if (d.pass !== stamp) {
        d.pass = stamp;
        met++;
      }
      if (d.span !== s) {
        if (sameSpan(d.span, s)) {
          // The same span in a new object (the store hands over new objects after each save):
          // keep the new one, so the next list finds it unchanged by identity alone.
          d.span = s;
        } else {
          gone.push(d);
          changed.push(s);
        }
      }
    }
    if (met < state.drawn.size) for (const d of state.drawn.values()) if (d.pass !== stamp && !state.ahead.has(d.span.id)) gone.push(d);
    if (changed.length === 0 && gone.length === 0) return state;
    if (changed.length + gone.length > REBUILD_THRESHOLD) {
      const kept = [...state.ahead].flatMap((id) => state.drawn.get(id)?.span ?? []);
      return rebuild(state, kept.length ? [...spans, ...kept] : spans);
    }
    let set = state.set;
    const drawn = new Map(state.drawn);
    for (const d of gone) {
      set = removeDrawn(set, d);
      drawn.delete(d.span.id);
    }
    let next: SpanDecoState = { ...state, set, drawn };
    for (const s of changed.sort((a, b) => a.start - b.start || b.end - a.end)) next = addOne(next, s);
    return next;
  };

  /**
   * The spans that changed, as the store reports them: each removed or
   * redrawn on its own, without a pass over the others, so a tag costs the
   * same at 100 spans and at 100,000 (the collab demo's per-comment update).
   */
  const applyChanges = (state: SpanDecoState, put: readonly ReaderSpan[], remove: readonly string[]): SpanDecoState => {
    let set = state.set;
    const drawn = new Map(state.drawn);
    const gone = (id: string) => {
      const d = drawn.get(id);
      if (!d) return;
      set = removeDrawn(set, d);
      drawn.delete(id);
    };
    for (const id of remove) {
      state.ahead.delete(id);
      gone(id);
    }
    const added: ReaderSpan[] = [];
    for (const span of put) {
      const d = drawn.get(span.id);
      state.ahead.delete(span.id);
      if (d && sameSpan(d.span, span)) {
        d.span = span;
        continue;
      }
      gone(span.id);
      added.push(span);
    }
    let next: SpanDecoState = { ...state, set, drawn };
    for (const s of added.sort((a, b) => a.start - b.start || b.end - a.end)) next = addOne(next, s);
    return next;
  };

  return new Plugin<SpanDecoState>({
    key: spanDecoKey,
    state: {
      init: () => ({ set: DecorationSet.empty, drawn: new Map(), selectedId: null, labels: new Map(), window: null, ahead: new Set() }),
      apply(tr: Transaction, state: SpanDecoState): SpanDecoState {
        const meta = tr.getMeta(spanDecoKey) as SpanDecoMeta | undefined;
        if (!meta) return state;
        switch (meta.type) {
          case "spans":
            return applySpans(state, meta.spans);
          case "changes":
            return applyChanges(state, meta.put, meta.remove);
          case "select": {
            if (meta.id === state.selectedId) return state;
            const previous = state.selectedId;
            let next: SpanDecoState = { ...state, selectedId: meta.id };
            next = redraw(next, previous);
            return redraw(next, meta.id);
          }
          case "labels": {
            // The app hands over the same labels again after every save; only a real change redraws.
            if (sameLabels(state.labels, meta.labels)) return state;
            const labels = new Map(meta.labels.map((l) => [l.id, l]));
            return rebuild({ ...state, labels }, [...state.drawn.values()].map((d) => d.span));
          }
          case "ahead": {
            // Drawn at once, without a pass over every span: this runs inside the key press.
            // (The drawn map and the ahead set are changed in place: they are this
            // plugin's own, and no earlier state of the reader is read again.)
            if (state.drawn.has(meta.span.id)) return state;
            state.ahead.add(meta.span.id);
            return addOne(state, meta.span);
          }
          case "dropAhead": {
            const d = state.drawn.get(meta.id);
            if (!d || !state.ahead.delete(meta.id)) return state;
            const drawn = new Map(state.drawn);
            drawn.delete(meta.id);
            return { ...state, drawn, set: removeDrawn(state.set, d) };
          }
          case "window": {
            const { window } = meta;
            if (window === state.window || (window && state.window && window.from === state.window.from && window.to === state.window.to)) return state;
            const next = { ...state, window };
            return { ...next, set: decorateWindow(next) };
          }
        }
      },
    },
    props: {
      decorations(state: EditorState) {
        return spanDecoKey.getState(state)?.set;
      },
    },
  });
}

function badge(span: ReaderSpan, name: string, color: string, selected: boolean): HTMLElement {
  const el = document.createElement("span");
  el.className = `sw-badge${selected ? " sw-selected" : ""}${span.pending ? " sw-pending" : ""}`;
  el.style.setProperty("--sw-color", color);
  el.dataset.spanId = span.id;
  el.contentEditable = "false";
  // Its own direction, isolated from the text around it; and a dir attribute
  // keeps the paragraph's dir="auto" from reading the badge's Latin name as
  // the paragraph's first letter (HTML skips elements with their own dir).
  el.dir = "auto";
  // textContent, never innerHTML: label names come from users and files.
  el.textContent = span.layer ? `${name} · ${span.layer.tag}` : name;
  if (span.layer) el.dataset.layer = String(span.layer.index % LAYER_STYLES);
  el.title = `${name} (${span.annotator}): click to select`;
  return el;
}

function sameLabels(known: Map<string, ReaderLabel>, labels: readonly ReaderLabel[]): boolean {
  if (known.size !== labels.length) return false;
  return labels.every((l) => {
    const k = known.get(l.id);
    return k !== undefined && k.name === l.name && k.color === l.color;
  });
}

/** Whether a span touches the window (a span ending where the window starts still shows its badge there). */
function inWindow(span: ReaderSpan, window: TextWindow | null): boolean {
  return window === null || (span.start <= window.to && span.end >= window.from);
}

/** Where a span is in the text, whether or not it is decorated now; null for an unknown id. */
export function spanRange(state: EditorState, id: string): { start: number; end: number } | null {
  const d = spanDecoKey.getState(state)?.drawn.get(id);
  return d ? { start: d.span.start, end: d.span.end } : null;
}

/** The span drawn as selected, or null. */
export function selectedSpanId(state: EditorState): string | null {
  return spanDecoKey.getState(state)?.selectedId ?? null;
}

/** The stretch of text whose spans are decorated; null when all are. */
export function decoratedWindow(state: EditorState): TextWindow | null {
  return spanDecoKey.getState(state)?.window ?? null;
}

/** Transaction metadata setters, so callers never build meta objects by hand. */
export const spanDecoMeta = {
  spans: (tr: Transaction, spans: readonly ReaderSpan[]) => tr.setMeta(spanDecoKey, { type: "spans", spans } satisfies SpanDecoMeta),
  /** The spans that changed since the last list: drawn anew or taken away one by one. */
  changes: (tr: Transaction, put: readonly ReaderSpan[], remove: readonly string[]) => tr.setMeta(spanDecoKey, { type: "changes", put, remove } satisfies SpanDecoMeta),
  select: (tr: Transaction, id: string | null) => tr.setMeta(spanDecoKey, { type: "select", id } satisfies SpanDecoMeta),
  labels: (tr: Transaction, labels: readonly ReaderLabel[]) => tr.setMeta(spanDecoKey, { type: "labels", labels } satisfies SpanDecoMeta),
  window: (tr: Transaction, window: TextWindow | null) => tr.setMeta(spanDecoKey, { type: "window", window } satisfies SpanDecoMeta),
  /** Draws one span now, ahead of the list that will include it (see SpanDecoState.ahead). */
  ahead: (tr: Transaction, span: ReaderSpan) => tr.setMeta(spanDecoKey, { type: "ahead", span } satisfies SpanDecoMeta),
  /** Takes away a span drawn ahead that will not come (its save failed). */
  dropAhead: (tr: Transaction, id: string) => tr.setMeta(spanDecoKey, { type: "dropAhead", id } satisfies SpanDecoMeta),
};
