import { Schema } from "prosemirror-model";

/**
 * The reader's schema: a document is paragraphs of plain text, one paragraph
 * per line of the stored text, grouped in sections of a fixed number of
 * lines (see TextDoc). No marks: annotations are decorations, never part of
 * the document.
 *
 * Sections exist for speed. The browser lays out a block's children one by
 * one, and ProseMirror walks a node's children to place decorations, so a
 * flat document of 10,000 paragraphs costs about 10,000 steps for every
 * change to one paragraph; grouped in sections of 100 it costs about 200.
 */
export const readerSchema = new Schema({
  nodes: {
    doc: { content: "section+" },
    section: {
      content: "paragraph+",
      toDOM: () => ["div", { class: "sw-section" }, 0],
      parseDOM: [{ tag: "div.sw-section" }],
    },
    paragraph: {
      content: "text*",
      // Each paragraph takes its direction from its own text: an Arabic
      // paragraph quoted in an English article reads right to left.
      toDOM: () => ["p", { dir: "auto" }, 0],
      parseDOM: [{ tag: "p" }],
    },
    text: {},
  },
  marks: {},
});
