import type { Node as PMNode } from "prosemirror-model";
import { readerSchema } from "./schema";

/** Lines per section of the ProseMirror document (see schema.ts for why there are sections). */
export const SECTION_LINES = 100;

/**
 * A document's text as a ProseMirror document, and the one place that maps
 * text offsets (UTF-16, as stored) to ProseMirror positions and back.
 *
 * Each line of the text (split on "\n") is one paragraph, and every
 * SECTION_LINES paragraphs make a section. A paragraph of length n occupies
 * n + 2 positions (its open and close tokens) and a section adds two more,
 * so the offset o on line i, in section k = floor(i / SECTION_LINES), sits at
 * position o + i + 2k + 2: the one "\n" that ended each earlier line became
 * two tokens (a close and an open), each earlier section two more, and the
 * first section and paragraph open one each.
 */
export class TextDoc {
  readonly doc: PMNode;
  /** Text offset at which each line starts. */
  private readonly lineStarts: number[];

  constructor(readonly text: string) {
    const lines = text.split("\n");
    this.lineStarts = new Array<number>(lines.length);
    let at = 0;
    const paragraphs = lines.map((line, i) => {
      this.lineStarts[i] = at;
      at += line.length + 1;
      return readerSchema.node("paragraph", null, line ? [readerSchema.text(line)] : []);
    });
    const sections: PMNode[] = [];
    for (let i = 0; i < paragraphs.length; i += SECTION_LINES) {
      sections.push(readerSchema.node("section", null, paragraphs.slice(i, i + SECTION_LINES)));
    }
    this.doc = readerSchema.node("doc", null, sections);
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** Index of the line holding `offset` (a "\n" belongs to the line it ends). */
  lineOf(offset: number): number {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Text offset at which line `i` starts. */
  lineStart(i: number): number {
    return this.lineStarts[i]!;
  }

  /** End of line `i` (the offset of its "\n", or the text's length). */
  lineEnd(i: number): number {
    return i + 1 < this.lineStarts.length ? this.lineStarts[i + 1]! - 1 : this.text.length;
  }

  toPos(offset: number): number {
    return offset + this.beforeLine(this.lineOf(offset));
  }

  /** Text offset of a ProseMirror position; positions between paragraphs snap to the nearer line end. */
  toOffset(pos: number): number {
    // Line i's content starts at position lineStarts[i] + beforeLine(i), which grows with i.
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! + this.beforeLine(mid) <= pos) lo = mid;
      else hi = mid - 1;
    }
    const contentStart = this.lineStarts[lo]! + this.beforeLine(lo);
    const offset = this.lineStarts[lo]! + Math.max(0, pos - contentStart);
    return Math.min(offset, this.lineEnd(lo));
  }

  /** Tokens before line `i`'s first character that are not text: i + 2k + 2 (see the class comment). */
  private beforeLine(i: number): number {
    return i + 2 * Math.floor(i / SECTION_LINES) + 2;
  }
}
