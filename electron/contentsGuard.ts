/**
 * Applies the navigation rules of security.ts to every web contents the app
 * creates: no foreign pages, no new windows, no webviews; checked https links
 * open in the system browser.
 */
import { shell, type WebContents } from "electron";
import { decideNavigation, decideWindowOpen, type NavigationDecision } from "./security";

export function guardWebContents(contents: WebContents): void {
  contents.on("will-navigate", (event) => {
    if (!followDecision(decideNavigation(event.url))) event.preventDefault();
  });
  // will-navigate covers only the main frame; subframes get the same rules.
  contents.on("will-frame-navigate", (event) => {
    if (!event.isMainFrame && !followDecision(decideNavigation(event.url))) event.preventDefault();
  });
  contents.on("will-redirect", (event) => {
    if (decideNavigation(event.url).action !== "allow") event.preventDefault();
  });
  contents.on("will-attach-webview", (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    followDecision(decideWindowOpen(url));
    return { action: "deny" };
  });
}

/** Carries out `decision`; true when the navigation may proceed in the window. */
function followDecision(decision: NavigationDecision): boolean {
  if (decision.action === "open-external") {
    shell.openExternal(decision.url).catch(() => undefined);
  }
  return decision.action === "allow";
}
