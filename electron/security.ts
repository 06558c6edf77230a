/**
 * The shell's security decisions as pure functions: main.ts only wires them
 * to Electron's events, so every rule here is unit-tested without Electron.
 */
import { isAppOriginUrl, parseUrl } from "./origin";

/** Only the app's own top page may call the bridge. */
export function isAllowedSender(frameUrl: string | undefined): boolean {
  return frameUrl !== undefined && isAppOriginUrl(frameUrl);
}

export type NavigationDecision =
  /** Stay in the app: a navigation to another app:// page (e.g. a reload link). */
  | { action: "allow" }
  /** Never in the window; hand the URL to the system browser. */
  | { action: "open-external"; url: string }
  | { action: "deny" };

/**
 * What to do when the page tries to navigate to `url`. Only the app's own
 * pages load in the window; checked https links go to the system browser;
 * anything else is dropped.
 */
export function decideNavigation(url: string): NavigationDecision {
  if (isAppOriginUrl(url)) return { action: "allow" };
  if (isSafeExternalUrl(url)) return { action: "open-external", url };
  return { action: "deny" };
}

/** What to do when the page asks for a new window: never open one. */
export function decideWindowOpen(url: string): Exclude<NavigationDecision, { action: "allow" }> {
  const decision = decideNavigation(url);
  return decision.action === "allow" ? { action: "deny" } : decision;
}

/** The only permission the app needs: so the browser never evicts its IndexedDB. */
const GRANTED_PERMISSIONS: ReadonlySet<string> = new Set(["persistent-storage"]);

/** Grants `permission` only when it is on the allow list and asked for by the app itself. */
export function decidePermission(permission: string, requestingUrl: string | undefined): boolean {
  return GRANTED_PERMISSIONS.has(permission) && requestingUrl !== undefined && isAppOriginUrl(requestingUrl);
}

const MAX_EXTERNAL_URL_LENGTH = 2048;
const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * Whether `url` may be handed to `shell.openExternal`: plain https to a named
 * host, no credentials, no control characters. Anything else (file:, custom
 * protocols that launch local programs, javascript:) is refused.
 */
export function isSafeExternalUrl(url: string): boolean {
  if (url.length > MAX_EXTERNAL_URL_LENGTH || CONTROL_CHARS.test(url)) return false;
  const parsed = parseUrl(url);
  if (parsed === undefined) return false;
  return parsed.protocol === "https:" && parsed.hostname !== "" && parsed.username === "" && parsed.password === "";
}
