/** Live spans counted per annotator (the layers line; the first paint's layers). */
export function annotatorCounts(spans: readonly { annotator: string }[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const span of spans) counts.set(span.annotator, (counts.get(span.annotator) ?? 0) + 1);
  return counts;
}
