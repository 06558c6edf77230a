/**
 * Where the renderer lives in the desktop shell. A registered standard,
 * secure scheme gives the renderer a stable origin (`app://spanwise`), so
 * IndexedDB works and the data stays put between versions and install paths.
 */
export const APP_SCHEME = "app";
export const APP_HOST = "spanwise";
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** The page the main window loads. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** True when `url` is on the app origin (scheme and host both match). */
export function isAppOriginUrl(url: string): boolean {
  const parsed = parseUrl(url);
  return parsed !== undefined && parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.port === "";
}

/** `new URL` that returns undefined instead of throwing. */
export function parseUrl(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}
