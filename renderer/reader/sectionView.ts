import type { Node as PMNode } from "prosemirror-model";
import type { NodeViewConstructor } from "prosemirror-view";

/** A line of text in the reader is about this tall (16px at line-height 2.3, see styles.css), and holds about this many characters. */
const LINE_PX = 37;
const CHARS_PER_LINE = 85;

/** A guess at a section's height before it has been laid out: a line per blank line, wrapped lines for the rest. */
export function estimatedHeight(section: PMNode): number {
  let lines = 0;
  section.forEach((paragraph) => {
    lines += Math.max(1, Math.ceil(paragraph.content.size / CHARS_PER_LINE));
  });
  return lines * LINE_PX;
}

/**
 * A section of the reader (see schema.ts) that the browser neither lays out
 * nor paints while it is off screen (`content-visibility: auto`), so opening
 * a document of thousands of paragraphs costs what the screen shows. Until a
 * section has been shown its height is a guess from its text; after that the
 * browser remembers the real one ("auto"). Styles are set through the CSSOM,
 * which the Content-Security-Policy allows, unlike style attributes.
 */
export const sectionView: NodeViewConstructor = (node) => {
  const dom = document.createElement("div");
  dom.className = "sw-section";
  dom.style.contentVisibility = "auto";
  dom.style.containIntrinsicSize = `auto ${estimatedHeight(node)}px`;
  return {
    dom,
    contentDOM: dom,
    // The text never changes; a section is only ever redrawn for its decorations.
    update: (next) => next.type === node.type,
  };
};
