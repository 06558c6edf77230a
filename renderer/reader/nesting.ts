/**
 * Nested spans: which span is around or inside the selected one, for
 * stepping with Alt+ArrowUp/Alt+ArrowDown, and the chain shown in the
 * details panel ("Actor ⊂ Event"). Spans with the same extent nest in the
 * reader's drawing order (start, then longer first, then id), so every
 * span has one place in the chain.
 */
export interface Extent {
  id: string;
  start: number;
  end: number;
}

/** The reader's drawing order: by start, longer first, then by id. */
function outerFirst(a: Extent, b: Extent): number {
  return a.start - b.start || b.end - a.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Whether `outer` holds `inner` (and comes before it in drawing order). */
function holds(outer: Extent, inner: Extent): boolean {
  return outer.id !== inner.id && outer.start <= inner.start && inner.end <= outer.end && outerFirst(outer, inner) < 0;
}

/** The nearest span around `span`: the smallest that holds it; null at the top. */
export function outerSpan<S extends Extent>(spans: readonly S[], span: Extent): S | null {
  let best: S | null = null;
  for (const s of spans) if (holds(s, span) && (!best || outerFirst(best, s) < 0)) best = s;
  return best;
}

/** The largest span directly inside `span` (the first in the text among equals); null when it holds none. */
export function innerSpan<S extends Extent>(spans: readonly S[], span: Extent): S | null {
  let best: S | null = null;
  for (const s of spans) if (holds(span, s) && (!best || outerFirst(s, best) < 0)) best = s;
  return best;
}

/** The innermost span at a text offset (a caret touching a span's end counts); null when none is there. */
export function innermostAt<S extends Extent>(spans: readonly S[], offset: number): S | null {
  let best: S | null = null;
  for (const s of spans) if (s.start <= offset && offset <= s.end && (!best || outerFirst(best, s) < 0)) best = s;
  return best;
}

/** `span` and the spans around it, innermost first. */
export function nestingChain<S extends Extent>(spans: readonly S[], span: S): S[] {
  const chain = [span];
  for (let s = outerSpan(spans, span); s && chain.length <= spans.length; s = outerSpan(spans, s)) chain.push(s);
  return chain;
}

/**
 * The span a click selects among the spans under the pointer: the innermost
 * first; clicking again while one of them is selected reaches the next one
 * out, and from the outermost back to the innermost. The DOM's nesting of
 * the spans' elements cannot tell this: ProseMirror nests overlapping
 * decorations in its own order, not by which span holds which.
 */
export function clickedSpanAmong<S extends Extent>(under: readonly S[], selected: string | null): S | null {
  const innerFirst = [...under].sort((a, b) => outerFirst(b, a));
  const at = innerFirst.findIndex((s) => s.id === selected);
  return innerFirst[at < 0 ? 0 : (at + 1) % innerFirst.length] ?? null;
}
