import type { LabelDef } from "../../shared/model";

/** A span as the first paint draws it. */
export interface PaintedSpan {
  id: string;
  start: number;
  end: number;
  label: string;
  annotator: string;
}

/**
 * What the first paint shows: the document this window reopens, with its
 * project's labels, from the store (storedScreen.ts) or from the copy the
 * app keeps of it (snapshot.ts).
 */
export interface StoredScreen {
  projectId: string;
  docId: string;
  labels: readonly Pick<LabelDef, "id" | "name" | "color" | "key">[];
  title: string;
  publishedAt: string | null;
  /** The document's text, or at least its painted part (snapshot.ts, paintedEnd). */
  text: string;
  /** The live spans, in no particular order (at least those that start in the painted part). */
  spans: PaintedSpan[];
  /** Each annotator with live spans in the document, and how many. */
  layers: [annotator: string, spans: number][];
  /** Annotators whose layers are hidden in this project. */
  hidden: string[];
}
