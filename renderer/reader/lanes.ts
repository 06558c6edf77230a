/** How many underline lanes the stylesheet draws; deeper nesting shares the last one. */
export const MAX_LANE = 5;

/**
 * Underline lanes of spans drawn at once: a sweep over the spans sorted
 * outer-first (by start, the longer first), each taking the lowest lane free
 * at its start, so nested and overlapping spans each keep an underline of
 * their own. The reader (spanDecorations.ts) and the first paint
 * (renderer/firstPaint) draw with the same lanes.
 */
export function assignLanes<S extends { id: string; start: number; end: number }>(spans: readonly S[]): { span: S; lane: number }[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end || (a.id < b.id ? -1 : 1));
  const laneEnds: number[] = [];
  return sorted.map((span) => {
    let lane = laneEnds.findIndex((end) => end <= span.start);
    if (lane < 0) lane = laneEnds.length;
    laneEnds[lane] = span.end;
    return { span, lane };
  });
}
