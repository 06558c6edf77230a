import { Plugin, PluginKey, TextSelection, type EditorState } from "prosemirror-state";
import { Decoration, DecorationSet, type EditorView } from "prosemirror-view";
import { wordBoundaryAfter, wordBoundaryBefore } from "../../shared/snap";
import { paragraphDirection } from "./direction";
import { selectedSpanId } from "./spanDecorations";
import type { TextDoc } from "./textDoc";

const caretKey = new PluginKey<boolean>("readerCaret");

/** Whether the keyboard is driving the selection (so the view's own selection is the truth). */
export function keyboardDriving(state: EditorState): boolean {
  return caretKey.getState(state) ?? false;
}

const isMac = typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform);

/** The next caret offset after one code point (a surrogate pair is one step). */
function stepForward(text: string, at: number): number {
  if (at >= text.length) return text.length;
  const c = text.charCodeAt(at);
  return c >= 0xd800 && c <= 0xdbff && at + 1 < text.length ? at + 2 : at + 1;
}

function stepBack(text: string, at: number): number {
  if (at <= 0) return 0;
  const c = text.charCodeAt(at - 1);
  return c >= 0xdc00 && c <= 0xdfff && at >= 2 ? at - 2 : at - 1;
}

/** Start of the next line that has text (blank lines between paragraphs are skipped). */
function nextParagraphStart(textDoc: TextDoc, at: number): number {
  for (let line = textDoc.lineOf(at) + 1; line < textDoc.lineCount; line++) {
    if (textDoc.lineEnd(line) > textDoc.lineStart(line)) return textDoc.lineStart(line);
  }
  return textDoc.text.length;
}

/** Start of this paragraph, or of the previous one when already there. */
function previousParagraphStart(textDoc: TextDoc, at: number): number {
  const line = textDoc.lineOf(at);
  if (at > textDoc.lineStart(line)) return textDoc.lineStart(line);
  for (let l = line - 1; l >= 0; l--) {
    if (textDoc.lineEnd(l) > textDoc.lineStart(l)) return textDoc.lineStart(l);
  }
  return 0;
}

/** Where a movement key sends the caret, as a text offset; null for keys that are not movement. */
function target(view: EditorView, textDoc: TextDoc, event: KeyboardEvent): number | null {
  const { text } = textDoc;
  const sel = view.state.selection;
  const head = textDoc.toOffset(sel.head);
  const byWord = isMac ? event.altKey : event.ctrlKey;
  const collapse = !event.shiftKey && !sel.empty;
  switch (event.key) {
    case "ArrowRight":
    case "ArrowLeft": {
      // As the platforms do: an arrow moves the way it points, so in a
      // right-to-left paragraph ArrowLeft goes forward in reading order.
      const line = textDoc.lineOf(head);
      const rtl = paragraphDirection(text, textDoc.lineStart(line), textDoc.lineEnd(line)) === "rtl";
      const forward = (event.key === "ArrowRight") !== rtl;
      if (collapse && !byWord) return textDoc.toOffset(forward ? sel.to : sel.from);
      if (forward) return byWord ? wordBoundaryAfter(text, head) : stepForward(text, head);
      return byWord ? wordBoundaryBefore(text, head) : stepBack(text, head);
    }
    case "Home":
      return event.ctrlKey || event.metaKey ? 0 : textDoc.lineStart(textDoc.lineOf(head));
    case "End":
      return event.ctrlKey || event.metaKey ? text.length : textDoc.lineEnd(textDoc.lineOf(head));
    case "ArrowDown":
    case "ArrowUp": {
      const up = event.key === "ArrowUp";
      if (byWord) return up ? previousParagraphStart(textDoc, head) : nextParagraphStart(textDoc, head);
      // A plain ArrowUp/ArrowDown moves one visual line.
      const coords = view.coordsAtPos(sel.head);
      const lineHeight = coords.bottom - coords.top || 16;
      const y = up ? coords.top - lineHeight * 0.75 : coords.bottom + lineHeight * 0.75;
      const found = view.posAtCoords({ left: coords.left, top: y });
      if (!found) return up ? 0 : text.length;
      return textDoc.toOffset(found.pos);
    }
    default:
      return null;
  }
}

/**
 * Keyboard reading and selecting in the read-only reader: arrows move by
 * character and line, Ctrl+Left/Right (Alt on macOS) by word, Ctrl+Up/Down
 * by paragraph, Home/End to the line's ends, Ctrl+Home/End to the text's;
 * Shift extends. Left and Right follow the paragraph's direction (in an
 * Arabic paragraph Left moves on through the text); Home is where the
 * line's reading starts (its right end there). A non-editable view gets no native caret, so this plugin
 * moves the ProseMirror selection itself and draws a caret widget.
 */
export function readerKeyboard(textDoc: TextDoc): Plugin<boolean> {
  return new Plugin<boolean>({
    key: caretKey,
    state: {
      init: () => false,
      apply: (tr, focused) => (tr.getMeta(caretKey) as boolean | undefined) ?? focused,
    },
    props: {
      decorations(state: EditorState) {
        if (!caretKey.getState(state) || !state.selection.empty) return null;
        return DecorationSet.create(state.doc, [
          Decoration.widget(state.selection.head, caretElement, { key: "caret", side: 1, ignoreSelection: true }),
        ]);
      },
      handleDOMEvents: {
        // The caret is drawn only while the keyboard drives: redrawing the text
        // under a mousedown would break the browser's drag selection.
        mousedown(view) {
          if (caretKey.getState(view.state)) view.dispatch(view.state.tr.setMeta(caretKey, false));
          return false;
        },
        blur(view) {
          if (caretKey.getState(view.state)) view.dispatch(view.state.tr.setMeta(caretKey, false));
          return false;
        },
        keydown(view, event) {
          if (event.metaKey && !["Home", "End"].includes(event.key)) return false;
          // Alt+ArrowUp/Down step between nested spans (the app's keys) while a
          // span is selected; elsewhere Alt is only a movement key on macOS.
          if (event.altKey && (event.key === "ArrowUp" || event.key === "ArrowDown") && (!isMac || selectedSpanId(view.state) !== null)) return false;
          const to = target(view, textDoc, event);
          if (to === null) return false;
          event.preventDefault();
          const headPos = textDoc.toPos(to);
          ensureDomSelectionInside(view, headPos);
          const { doc } = view.state;
          const selection = event.shiftKey
            ? TextSelection.create(doc, view.state.selection.anchor, headPos)
            : TextSelection.create(doc, headPos);
          view.dispatch(view.state.tr.setSelection(selection).setMeta(caretKey, true).scrollIntoView());
          return true;
        },
      },
    },
  });
}

/**
 * Tells the app when the reader's selection changes, and when the keyboard
 * has made a text selection (so the selected span is let go: the span a key
 * changes is always the one drawn as selected).
 */
export function selectionWatch(on: { changed(): void; selectedByKeyboard(): void }): Plugin {
  return new Plugin({
    view: () => ({
      update(view, previous) {
        if (previous.selection.eq(view.state.selection)) return;
        on.changed();
        if (!view.state.selection.empty && keyboardDriving(view.state)) on.selectedByKeyboard();
      },
    }),
  });
}

function caretElement(): HTMLElement {
  const el = document.createElement("span");
  el.className = "sw-caret";
  el.setAttribute("aria-hidden", "true");
  return el;
}

/**
 * ProseMirror only mirrors its selection into the DOM when the DOM selection
 * is already inside a non-editable view; after focusing by Tab it is not, so
 * put it there first.
 */
function ensureDomSelectionInside(view: EditorView, pos: number): void {
  const domSel = view.dom.ownerDocument.getSelection();
  if (!domSel) return;
  if (domSel.anchorNode && view.dom.contains(domSel.anchorNode)) return;
  const { node, offset } = view.domAtPos(pos);
  domSel.collapse(node, offset);
}
