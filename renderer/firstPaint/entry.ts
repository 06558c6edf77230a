/**
 * The page's first script, separate from the app's (index.html loads it
 * before main.tsx): a few kilobytes that read the reopened document from
 * the store and paint its first screen while the browser is still
 * fetching and compiling the app. Nothing is painted on an insecure
 * address (the app only explains why it will not run there), when the app
 * has already drawn, or when anything goes wrong: the app then simply
 * appears as it always did.
 */
import { firstPaintPending, settleFirstPaint } from "./gate";
import { endFirstPaint } from "./handover";
import { paintFirstScreen } from "./paint";
import { readStoredScreen } from "./storedScreen";

/** The app removes the picture when its reader is up; if it never says so (it failed), the picture must not stay. */
const LONGEST_SHOWN_MS = 10_000;

/** Paints the first screen; true once it is painted, false when there is nothing to paint. */
async function firstPaint(): Promise<boolean> {
  if (!window.isSecureContext) return false;
  const screen = await readStoredScreen();
  // The app may have drawn its workspace meanwhile (it reads the store itself): then there is nothing to add.
  if (!screen || document.querySelector("#root .sw-header")) return false;
  paintFirstScreen(screen);
  setTimeout(endFirstPaint, LONGEST_SHOWN_MS);
  return true;
}

firstPaintPending();
firstPaint().then(
  // Painted: the app starts once the frame with the picture has been drawn (after the next animation frame).
  (painted) => (painted ? requestAnimationFrame(() => setTimeout(settleFirstPaint, 0)) : settleFirstPaint()),
  () => {
    endFirstPaint();
    settleFirstPaint();
  },
);
