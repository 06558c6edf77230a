// Finds a Chromium to drive or to open the app in: one named by CHROME_PATH
// or CHROMIUM_PATH, Playwright's own build when it has been installed, else
// the system's. Never downloads one (scripts/ensure-chromium.mjs does that).
import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";

/** Environment variables a user may set to name the browser to use, in order of preference. */
export const CHROMIUM_PATH_VARIABLES = ["CHROME_PATH", "CHROMIUM_PATH"];

const SYSTEM_CANDIDATES = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
  "/usr/bin/google-chrome-stable",
  "/Applications/Chromium.app/Contents/MacOS/Chromium",
  "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
  "C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe",
  "C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe",
];

/** Playwright's own Chromium, where it would be once installed (undefined when Playwright cannot say). */
export function playwrightChromiumPath() {
  try {
    return chromium.executablePath() || undefined;
  } catch {
    // Playwright throws when it has no browser registry entry for this platform.
    return undefined;
  }
}

/**
 * Where to look, best first. `SPANWISE_CHROMIUM_SEARCH=none` hides every
 * candidate, so a test (or a curious user) can see what happens on a
 * machine without a browser.
 * @param {Record<string, string | undefined>} [env]
 * @returns {{ path: string, source: string }[]}
 */
export function chromiumCandidates(env = process.env, playwrightPath = playwrightChromiumPath()) {
  if (env.SPANWISE_CHROMIUM_SEARCH === "none") return [];
  const named = CHROMIUM_PATH_VARIABLES.filter((name) => env[name]).map((name) => ({ path: /** @type {string} */ (env[name]), source: name }));
  return [
    ...named,
    ...(playwrightPath ? [{ path: playwrightPath, source: "Playwright" }] : []),
    ...SYSTEM_CANDIDATES.map((path) => ({ path, source: "system" })),
  ];
}

/**
 * Path of a Chromium binary, or undefined when none is installed.
 * @param {{ env?: Record<string, string | undefined>, exists?: (path: string) => boolean, playwrightPath?: string }} [options]
 */
export function findChromium({ env = process.env, exists = existsSync, playwrightPath = playwrightChromiumPath() } = {}) {
  return chromiumCandidates(env, playwrightPath).find((candidate) => exists(candidate.path))?.path;
}

/** Flags every headless launch here needs: the network is closed and we may be root. */
export function chromiumArgs() {
  const args = [
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
  ];
  if (typeof process.getuid === "function" && process.getuid() === 0) args.push("--no-sandbox");
  return args;
}
