import { useEffect, useImperativeHandle, useRef, type Ref } from "react";
import { EditorState, Plugin, TextSelection } from "prosemirror-state";
import { EditorView } from "prosemirror-view";
import { TextDoc } from "./textDoc";
import { decoratedWindow, spanDecorations, spanDecoMeta, spanRange, type ReaderLabel, type ReaderSpan, type ReaderSpanChanges } from "./spanDecorations";
import { keyboardDriving, readerKeyboard, selectionWatch } from "./keyboard";
import { initialWindow, readerViewport, scrollParent, windowOfLines } from "./viewport";
import { scrollToShow } from "./scrollPlan";
import { sectionView } from "./sectionView";
import { clickedSpanAmong, type Extent } from "./nesting";
import { endFirstPaint } from "../firstPaint/handover";

/** Refuses every transaction that would change the text. */
const readOnlyText = new Plugin({ filterTransaction: (tr) => !tr.docChanged });

/**
 * The span a click on `target` selects: a badge selects its span; in the
 * text, the innermost span under the pointer, or the next one out when one
 * of them is already selected (see clickedSpanAmong).
 */
function clickedSpan(view: EditorView, target: HTMLElement, selected: string | null): string | null {
  const id = target.dataset.spanId ?? null;
  if (!target.classList.contains("sw-span")) return id;
  const under: Extent[] = [];
  for (let el: HTMLElement | null = target; el && view.dom.contains(el); el = el.parentElement?.closest<HTMLElement>("[data-span-id]") ?? null) {
    const spanId = el.dataset.spanId;
    const range = spanId ? spanRange(view.state, spanId) : null;
    if (spanId && range && !under.some((u) => u.id === spanId)) under.push({ id: spanId, ...range });
  }
  return clickedSpanAmong(under, selected)?.id ?? id;
}

/** What the rest of the app may ask of the reader. Offsets are UTF-16 text offsets. */
export interface ReaderHandle {
  /**
   * The selected text range, with when it was made (performance.now()), or
   * null when the selection is empty.
   */
  selection(): { start: number; end: number; at: number } | null;
  /** Where the keyboard caret is, as a text offset, or null when the reader is not focused. */
  caret(): number | null;
  /** Puts the caret at a text offset (after tagging, so keyboard work goes on from there). */
  collapseTo(offset: number): void;
  /**
   * Brings a span into view, scrolling only when it is out of view; with
   * `keepId`, keeps that span in view too where both fit (see scrollToShow).
   */
  scrollToSpan(id: string, keepId?: string): void;
  focus(): void;
  /** Draws a new span at once, before the app's next list of spans (which will include it) arrives. */
  drawAhead(span: ReaderSpan): void;
  /** Takes away a span drawn ahead whose save failed. */
  dropAhead(id: string): void;
}

interface ReaderProps {
  text: string;
  spans: readonly ReaderSpan[];
  /** How `spans` differs from the list before it, when known: then only those spans are redrawn. */
  changes?: ReaderSpanChanges | null;
  labels: readonly ReaderLabel[];
  selectedSpanId: string | null;
  /** A click on a span (or its badge) selects it; a click elsewhere passes null. */
  onSpanClick(id: string | null): void;
  /** The user has made a text selection (released the mouse over one, or extended one with the keyboard). */
  onTextSelected(): void;
  handle: Ref<ReaderHandle>;
}

/**
 * The document text in a read-only ProseMirror view, with spans drawn as
 * decorations. The text never changes here: a filter refuses any transaction
 * that would touch the document, as a second guard beside `editable: false`.
 */
export function Reader({ text, spans, changes, labels, selectedSpanId, onSpanClick, onTextSelected, handle }: ReaderProps) {
  const mount = useRef<HTMLDivElement>(null);
  const viewRef = useRef<EditorView | null>(null);
  const textDocRef = useRef<TextDoc | null>(null);
  const selectedRef = useRef(selectedSpanId);
  selectedRef.current = selectedSpanId;
  const onSpanClickRef = useRef(onSpanClick);
  onSpanClickRef.current = onSpanClick;
  const onTextSelectedRef = useRef(onTextSelected);
  onTextSelectedRef.current = onTextSelected;
  /** When the text selection last changed (performance.now()): a label key acts on whichever is newer, it or the selected span. */
  const selectionChangedAt = useRef(0);
  const latest = useRef({ spans, labels });
  latest.current = { spans, labels };
  /** The list the decorations were last given: changes apply only on top of it. */
  const shown = useRef<readonly ReaderSpan[] | null>(null);

  useEffect(() => {
    const textDoc = new TextDoc(text);
    textDocRef.current = textDoc;
    // The spans are decorated in the state the view starts from, so the text is drawn once, with
    // its spans, rather than drawn bare and redrawn (a long task between the first text and its spans).
    // A long document decorates only its top until the viewport is measured (see readerViewport).
    let state = EditorState.create({
      doc: textDoc.doc,
      plugins: [
        readOnlyText,
        spanDecorations(textDoc),
        readerKeyboard(textDoc),
        readerViewport(textDoc),
        selectionWatch({
          changed: () => (selectionChangedAt.current = performance.now()),
          selectedByKeyboard: () => onTextSelectedRef.current(),
        }),
      ],
    });
    state = state.apply(spanDecoMeta.window(state.tr, initialWindow(textDoc)));
    state = state.apply(spanDecoMeta.labels(state.tr, latest.current.labels));
    state = state.apply(spanDecoMeta.spans(state.tr, latest.current.spans));
    state = state.apply(spanDecoMeta.select(state.tr, selectedRef.current));
    const view = new EditorView(mount.current!, {
      state,
      editable: () => false,
      nodeViews: { section: sectionView },
      attributes: { class: "sw-reader", tabindex: "0", "aria-label": "Document text", role: "document" },
      handleDOMEvents: {
        mousedown(_view, event) {
          // A second or third click on a span steps to the span around it
          // (see click); the browser must not also select a word or the
          // whole paragraph, which a stray key would then tag.
          if (event.detail < 2 || !(event.target as Element | null)?.closest("[data-span-id]")) return false;
          event.preventDefault();
          return true;
        },
        click(_view, event) {
          const domSel = event.view?.getSelection();
          if (domSel && !domSel.isCollapsed) return false;
          const target = (event.target as Element | null)?.closest<HTMLElement>("[data-span-id]");
          if (!target || !view.dom.contains(target)) {
            onSpanClickRef.current(null);
            return false;
          }
          onSpanClickRef.current(clickedSpan(view, target, selectedRef.current));
          return false;
        },
      },
    });
    // The first paint's picture of this screen (renderer/firstPaint) goes in the frame this view first paints.
    requestAnimationFrame(endFirstPaint);
    viewRef.current = view;
    // A drag (or a double-click on a word) ends with the mouse released,
    // maybe outside the reader; only then is the selected span let go, since
    // redrawing the text under a mouse that is still selecting breaks the
    // browser's drag selection.
    const mouseUp = () => {
      const dom = view.dom.ownerDocument.getSelection();
      if (!dom || dom.isCollapsed || !dom.anchorNode || !view.dom.contains(dom.anchorNode)) return;
      selectionChangedAt.current = performance.now();
      onTextSelectedRef.current();
    };
    view.dom.ownerDocument.addEventListener("mouseup", mouseUp);
    shown.current = latest.current.spans;
    return () => {
      view.dom.ownerDocument.removeEventListener("mouseup", mouseUp);
      view.destroy();
      viewRef.current = null;
    };
  }, [text]);

  useEffect(() => {
    const view = viewRef.current;
    if (view) view.dispatch(spanDecoMeta.labels(view.state.tr, labels));
  }, [labels]);

  useEffect(() => {
    const view = viewRef.current;
    if (!view || shown.current === spans) return;
    // The store's changes when they lead from the list drawn to this one; else a pass over the list.
    if (changes && changes.from === shown.current) view.dispatch(spanDecoMeta.changes(view.state.tr, changes.put, changes.remove));
    else view.dispatch(spanDecoMeta.spans(view.state.tr, spans));
    shown.current = spans;
  }, [spans, changes]);

  useEffect(() => {
    const view = viewRef.current;
    if (view) view.dispatch(spanDecoMeta.select(view.state.tr, selectedSpanId));
  }, [selectedSpanId]);

  useImperativeHandle(
    handle,
    (): ReaderHandle => ({
      selection() {
        const view = viewRef.current;
        const td = textDocRef.current;
        if (!view || !td) return null;
        let { from, to } = view.state.selection;
        // ProseMirror learns of a mouse selection from the asynchronous
        // selectionchange event; a key pressed right after the mouse is
        // released can arrive first, so read the browser's selection itself.
        const dom = view.dom.ownerDocument.getSelection();
        if (!keyboardDriving(view.state) && dom?.anchorNode && dom.focusNode && view.dom.contains(dom.anchorNode) && view.dom.contains(dom.focusNode)) {
          try {
            const a = view.posAtDOM(dom.anchorNode, dom.anchorOffset);
            const b = view.posAtDOM(dom.focusNode, dom.focusOffset);
            [from, to] = [Math.min(a, b), Math.max(a, b)];
          } catch {
            // A node ProseMirror does not map (a badge): keep the view's selection.
          }
        }
        if (from === to) return null;
        return { start: td.toOffset(from), end: td.toOffset(to), at: selectionChangedAt.current };
      },
      caret() {
        const view = viewRef.current;
        const td = textDocRef.current;
        if (!view || !td || !view.hasFocus()) return null;
        return td.toOffset(view.state.selection.head);
      },
      collapseTo(offset) {
        const view = viewRef.current;
        const td = textDocRef.current;
        if (!view || !td) return;
        view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, td.toPos(offset))));
      },
      scrollToSpan(id, keepId) {
        const view = viewRef.current;
        const td = textDocRef.current;
        if (!view || !td) return;
        // The span may lie outside the decorated window: decorate around it first, so its element exists.
        const range = spanRange(view.state, id);
        if (range && decoratedWindow(view.state)) {
          const margin = 40;
          view.dispatch(spanDecoMeta.window(view.state.tr, windowOfLines(td, td.lineOf(range.start) - margin, td.lineOf(range.end) + margin)));
        }
        const element = (spanId: string) => view.dom.querySelector<HTMLElement>(`.sw-span[data-span-id="${CSS.escape(spanId)}"]`);
        const el = element(id);
        if (!el) return;
        const scroller = scrollParent(view.dom);
        if (!scroller) return el.scrollIntoView({ block: "nearest" });
        const frame = scroller.getBoundingClientRect();
        const inContent = (e: HTMLElement) => {
          const r = e.getBoundingClientRect();
          return { top: r.top - frame.top + scroller.scrollTop, bottom: r.bottom - frame.top + scroller.scrollTop };
        };
        const keep = keepId ? element(keepId) : null;
        const top = scrollToShow({ top: scroller.scrollTop, height: scroller.clientHeight }, inContent(el), keep ? inContent(keep) : null);
        if (top !== null) scroller.scrollTop = top;
      },
      focus() {
        viewRef.current?.focus();
      },
      drawAhead(span) {
        const view = viewRef.current;
        if (view) view.dispatch(spanDecoMeta.ahead(view.state.tr, span));
      },
      dropAhead(id) {
        const view = viewRef.current;
        if (view) view.dispatch(spanDecoMeta.dropAhead(view.state.tr, id));
      },
    }),
    [],
  );

  return <div className="sw-reader-mount" ref={mount} />;
}
