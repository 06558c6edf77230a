import { FIRST_PAINT_ID } from "./paint";

/**
 * Removes the first paint (paint.ts), if it is there: the app calls this
 * once its own reader has painted, or as soon as it shows something else
 * (no document open, a question, a failure).
 */
export function endFirstPaint(): void {
  document.getElementById(FIRST_PAINT_ID)?.remove();
}
