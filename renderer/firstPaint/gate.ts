/**
 * The order of the start: the first paint (entry.ts) paints the reopened
 * document, then the app's script is evaluated (renderer/main.tsx waits
 * here). Evaluating the app is one long task; started first, it kept the
 * painted picture off the screen until it ended. Both entries share this
 * module, so it is one instance.
 */

/** The longest the app waits for the first paint (a slow disk must not hold the app back). */
const LONGEST_WAIT_MS = 250;

let settle: () => void = () => undefined;
const settled = new Promise<void>((resolve) => (settle = resolve));

/** The first paint is on screen, or will not be: the app may start. */
export function settleFirstPaint(): void {
  settle();
}

/** Resolves when the first paint has settled, or after a short wait (without a first paint, as on the dev server). */
export function firstPaintSettled(): Promise<void> {
  return Promise.race([settled, new Promise<void>((resolve) => setTimeout(resolve, LONGEST_WAIT_MS))]);
}
