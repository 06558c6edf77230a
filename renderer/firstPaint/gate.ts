/**
 * The order of the start: the first paint (entry.ts) paints the reopened
 * document, then the app's script is evaluated (renderer/main.tsx waits
 * here). Evaluating the app is one long task; started first, it kept the
 * painted picture off the screen until it ended. The two scripts are
 * bundled apart (the first paint must not wait for chunks shared with the
 * app), so they meet on the page: an attribute of <html> and an event. The
 * first paint's script is inline at the top of the page's body, so it has
 * set the attribute before the app's module script (deferred) runs.
 */

const ATTRIBUTE = "data-sw-first-paint";
const SETTLED = "sw-first-paint-settled";

/**
 * The longest the app waits for the first paint, should it never settle. Not
 * shorter: on a cold start IndexedDB itself may take a few hundred ms to
 * open, and the app needs it as much as the first paint does (a 250 ms
 * limit let the app's evaluation start, and hold the picture back, just
 * before the store answered).
 */
const LONGEST_WAIT_MS = 1000;

/** The first paint has started: the app waits for it. Called by the first paint as it starts (it runs before the app's script). */
export function firstPaintPending(): void {
  document.documentElement.setAttribute(ATTRIBUTE, "pending");
}

/** The first paint is on screen, or will not be: the app may start. */
export function settleFirstPaint(): void {
  document.documentElement.setAttribute(ATTRIBUTE, "settled");
  document.dispatchEvent(new Event(SETTLED));
}

/** Resolves when the first paint has settled (at once without one, as on the dev server), or after a short wait. */
export function firstPaintSettled(): Promise<void> {
  if (document.documentElement.getAttribute(ATTRIBUTE) !== "pending") return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, LONGEST_WAIT_MS);
    document.addEventListener(
      SETTLED,
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}
