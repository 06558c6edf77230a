/**
 * Resolves after the browser has painted the next frame: work that can wait
 * a frame (a React render, a store write) runs after the frame that shows
 * what a key press changed, not before it. Where there are no frames (tests
 * in Node, a hidden page) it resolves after a task.
 */
export function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => {
    const later = () => setTimeout(resolve, 0);
    if (typeof requestAnimationFrame !== "function" || (typeof document !== "undefined" && document.visibilityState === "hidden")) later();
    else requestAnimationFrame(later);
  });
}
