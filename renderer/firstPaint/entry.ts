/**
 * The page's first script, separate from the app's (inline at the top of
 * index.html's body, run as the page is read): a few kilobytes that paint the reopened
 * document's first screen while the browser is still fetching and compiling
 * the app. The screen comes from the copy the app keeps in localStorage
 * (snapshot.ts) when it is this window's, else straight from IndexedDB.
 * Nothing is painted on an insecure address (the app only explains why it
 * will not run there), when the app has already drawn, or when anything
 * goes wrong: the app then simply appears as it always did.
 */
import { firstPaintPending, settleFirstPaint } from "./gate";
import { endFirstPaint } from "./handover";
import { FIRST_PAINT_ID, paintFirstScreen } from "./paint";
import type { StoredScreen } from "./screen";
import { SNAPSHOT_KEY, keptIdentity, screenOfSnapshot, snapshotOf } from "./snapshot";
import { readStoredScreen, sessionScreen, warmStore } from "./storedScreen";
import { webStorage } from "../store/webStorage";

/** The app removes the picture when its reader is up; if it never says so (it failed), the picture must not stay. */
const LONGEST_SHOWN_MS = 10_000;

const appHasDrawn = () => document.querySelector("#root .sw-header") !== null;

/**
 * The kept first screen, when it is the one this window reopens (its own
 * session's document, or for a new window the last opened): a screen to
 * paint, "blank" when that project is reopened with no document open, null
 * when there is no kept copy for it (then the store is read).
 */
function keptScreen(): { screen: StoredScreen; kept: string } | "blank" | null {
  let kept: string | null;
  try {
    kept = webStorage("localStorage")?.getItem(SNAPSHOT_KEY) ?? null;
  } catch {
    return null;
  }
  const own = sessionScreen();
  const screen = screenOfSnapshot(kept);
  if (screen) return own && (own.projectId !== screen.projectId || own.docId !== screen.docId) ? null : { screen, kept: kept! };
  // A window without a document of its own in the project follows the settings, which the blank says show none.
  const blank = keptIdentity(kept);
  return blank && blank.docId === null && (!own || (own.projectId === blank.projectId && own.docId === null)) ? "blank" : null;
}

function paint(screen: StoredScreen, source: "kept" | "store"): void {
  paintFirstScreen(screen, source);
  setTimeout(endFirstPaint, LONGEST_SHOWN_MS);
}

/**
 * Reads the store after a picture painted from the kept copy: should the two
 * differ (the copy was left behind by a change it missed, say a merge in
 * another window), the picture is redrawn from the store, or removed.
 */
async function checkKept(kept: string): Promise<void> {
  const stored = await readStoredScreen().catch(() => null);
  // The kept value is snapshotOf's own output (store/firstScreenCache.ts), so the store's screen must give the same string.
  if (stored && snapshotOf(stored) === kept) return;
  if (!document.getElementById(FIRST_PAINT_ID)) return;
  endFirstPaint();
  if (stored && !appHasDrawn()) paint(stored, "store");
}

/** Paints the first screen; true once it is painted, false when there is nothing to paint. */
async function firstPaint(): Promise<boolean> {
  if (!window.isSecureContext) return false;
  const kept = keptScreen();
  if (kept === "blank") {
    // Nothing to paint: the app starts at once. The store is opened meanwhile, so the app's own first open finds it warm.
    warmStore();
    return false;
  }
  if (kept) {
    paint(kept.screen, "kept");
    void checkKept(kept.kept);
    return true;
  }
  const screen = await readStoredScreen();
  // The app may have drawn its workspace meanwhile (it reads the store itself): then there is nothing to add.
  if (!screen || appHasDrawn()) return false;
  paint(screen, "store");
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
