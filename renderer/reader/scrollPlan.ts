/**
 * Where to scroll so a span comes into view, moving as little as possible:
 * nothing when it is in view already; with a span to keep in view (the
 * quote whose speaker is being chosen), just far enough to show both where
 * they fit on one screen; otherwise the span in the middle. Coordinates are
 * in the scrolling element's content, in pixels.
 */
export interface Stretch {
  top: number;
  bottom: number;
}

/** Space left between a span and the edge of the view. */
export const SCROLL_MARGIN = 24;

/** The new scrollTop, or null to stay. */
export function scrollToShow(view: { top: number; height: number }, target: Stretch, keep?: Stretch | null): number | null {
  const inView = (s: Stretch) => s.top >= view.top + SCROLL_MARGIN && s.bottom <= view.top + view.height - SCROLL_MARGIN;
  if (inView(target)) return null;
  if (keep) {
    const both = { top: Math.min(target.top, keep.top), bottom: Math.max(target.bottom, keep.bottom) };
    if (both.bottom - both.top <= view.height - 2 * SCROLL_MARGIN) {
      return both.top < view.top + SCROLL_MARGIN ? both.top - SCROLL_MARGIN : both.bottom - view.height + SCROLL_MARGIN;
    }
  }
  return Math.max(0, target.top - (view.height - (target.bottom - target.top)) / 2);
}
