import { Schema } from "prosemirror-model";

/**
 * The reader's schema: a document is paragraphs of plain text, one paragraph
 * per line of the stored text. No marks: annotations are decorations, never
 * part of the document.
 */
export const readerSchema = new Schema({
  nodes: {
    doc: { content: "paragraph*" },
    paragraph: {
      content: "text*",
      toDOM: () => ["p", 0],
      parseDOM: [{ tag: "p" }],
    },
    text: {},
  },
  marks: {},
});
