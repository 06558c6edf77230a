/**
 * What a label key acts on. The most common flow is "look at a span, then
 * tag the next phrase": a text selection made after the span was selected
 * must win, or the key silently relabels the span the user has moved on
 * from. Times are from one clock (performance.now()).
 */
export type LabelTarget = "relabel" | "tag" | "nothing";

export interface LabelTargetInput {
  /** Whether a span is selected (drawn as selected). */
  spanSelected: boolean;
  /** When that span was selected. */
  spanSelectedAt: number;
  /** When the current text selection was made; null when no text is selected. */
  textSelectedAt: number | null;
}

export function labelTarget({ spanSelected, spanSelectedAt, textSelectedAt }: LabelTargetInput): LabelTarget {
  if (textSelectedAt !== null && (!spanSelected || textSelectedAt >= spanSelectedAt)) return "tag";
  return spanSelected ? "relabel" : "nothing";
}
