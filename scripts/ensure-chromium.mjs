// First step of `npm test`: make sure the browser tests have a Chromium.
// Uses one that is there (CHROME_PATH/CHROMIUM_PATH, Playwright's own, the
// system's); where there is none, gets one (Playwright's download, else
// Debian's package when we are root on Debian or Ubuntu); where that cannot
// work, stops with one line that says what to install. Nothing is printed as
// a stack trace: the installers' own output is kept and summarised.
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { CHROMIUM_PATH_VARIABLES, findChromium } from "./chromium.mjs";

/** How long Playwright may wait for a connection before it gives up a download (it retries a few times). */
const PLAYWRIGHT_CONNECTION_TIMEOUT_MS = 15_000;
/** A whole install, download included; a slow line still gets there, a dead one fails long before. */
const INSTALL_TIMEOUT_MS = 10 * 60_000;

/**
 * @typedef {{ ok: true } | { ok: false, reason: string }} InstallResult
 * @typedef {{
 *   env: Record<string, string | undefined>,
 *   platform: NodeJS.Platform,
 *   isRoot: boolean,
 *   distro: "debian" | "ubuntu" | null,
 *   hasAptGet: boolean,
 *   find: () => string | undefined,
 *   exists: (path: string) => boolean,
 *   installWithPlaywright: (options: { withDeps: boolean }) => Promise<InstallResult>,
 *   installWithApt: () => Promise<InstallResult>,
 *   log: (line: string) => void,
 * }} EnsureDeps
 * @typedef {{ ok: true, path: string, via: "found" | "playwright" | "apt" } | { ok: false, message: string }} EnsureResult
 */

/**
 * Finds or installs a Chromium; every effect goes through `deps`, so a test
 * decides what exists and what an install does.
 * @param {EnsureDeps} deps
 * @returns {Promise<EnsureResult>}
 */
export async function ensureChromium(deps) {
  // A browser the user named on purpose is never replaced by another one.
  for (const name of CHROMIUM_PATH_VARIABLES) {
    const named = deps.env[name];
    if (named && !deps.exists(named)) {
      return { ok: false, message: `${name} is set to ${named}, which does not exist: point it at a Chromium or Chrome binary, or unset it.` };
    }
  }
  const found = deps.find();
  if (found) return { ok: true, path: found, via: "found" };

  const apt = deps.isRoot && deps.distro !== null && deps.hasAptGet;
  const attempts = [];
  deps.log("Spanwise: no Chromium found for the browser tests; trying Playwright's download (npx playwright install chromium)…");
  // As root on Debian/Ubuntu Playwright can also install the libraries its build needs.
  const playwright = await deps.installWithPlaywright({ withDeps: apt });
  const afterPlaywright = playwright.ok ? deps.find() : undefined;
  if (afterPlaywright) return { ok: true, path: afterPlaywright, via: "playwright" };
  attempts.push(`Playwright's download failed (${playwright.ok ? "it installed no browser" : playwright.reason})`);

  if (apt) {
    deps.log(`Spanwise: installing ${deps.distro === "ubuntu" ? "Ubuntu" : "Debian"}'s chromium package (apt-get install chromium)…`);
    const installed = await deps.installWithApt();
    const afterApt = installed.ok ? deps.find() : undefined;
    if (afterApt) return { ok: true, path: afterApt, via: "apt" };
    attempts.push(`apt-get install chromium failed (${installed.ok ? "it installed no browser" : installed.reason})`);
  }
  return { ok: false, message: `${missingChromiumAdvice(deps)} (${attempts.join("; ")})` };
}

/**
 * The one thing to do when no browser could be found or installed.
 * @param {{ platform: NodeJS.Platform, distro: "debian" | "ubuntu" | null }} facts
 */
export function missingChromiumAdvice({ platform, distro }) {
  const named = "or set CHROME_PATH to a Chromium or Chrome binary";
  if (platform === "linux" && distro === "debian") return `The browser tests need Chromium: run "sudo apt-get install chromium", ${named}.`;
  if (platform === "linux" && distro === "ubuntu") return `The browser tests need Chromium: run "npx playwright install --with-deps chromium" with network access, ${named}.`;
  if (platform === "linux") return `The browser tests need Chromium: install your distribution's chromium package, ${named}.`;
  if (platform === "darwin") return `The browser tests need Chromium: install Google Chrome or run "npx playwright install chromium" with network access, ${named}.`;
  return `The browser tests need Chromium: install Google Chrome or run "npx playwright install chromium" with network access, ${named}.`;
}

/**
 * "debian" or "ubuntu" (also for their derivatives) from /etc/os-release's text, else null.
 * @param {string | undefined} osRelease
 */
export function debianFamily(osRelease) {
  if (!osRelease) return null;
  const field = (name) => osRelease.match(new RegExp(`^${name}=("?)([^"\\n]*)\\1$`, "m"))?.[2]?.toLowerCase().split(/\s+/) ?? [];
  const ids = [...field("ID"), ...field("ID_LIKE")];
  if (ids.includes("ubuntu")) return "ubuntu";
  if (ids.includes("debian")) return "debian";
  return null;
}

/**
 * Runs a command with its output kept (not shown); resolves with the last
 * line of output that looks like an error when it fails.
 * @returns {Promise<InstallResult>}
 */
function run(command, args, env) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    const keep = (chunk) => {
      output = (output + chunk.toString()).slice(-20_000);
    };
    child.stdout.on("data", keep);
    child.stderr.on("data", keep);
    const timer = setTimeout(() => child.kill("SIGTERM"), INSTALL_TIMEOUT_MS);
    child.on("error", (error) => {
      clearTimeout(timer);
      resolve({ ok: false, reason: error.message });
    });
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve({ ok: true });
      else resolve({ ok: false, reason: summarise(output) || (signal ? `stopped after ${INSTALL_TIMEOUT_MS / 60_000} minutes` : `exit code ${code}`) });
    });
  });
}

/** The most telling line of an installer's output: its first error line, without stack frames. */
function summarise(output) {
  const lines = output.split(/\r?\n/).map((line) => line.trim()).filter((line) => line && !line.startsWith("at "));
  return (lines.find((line) => /error|failed|unable|not found/i.test(line)) ?? lines.at(-1) ?? "").slice(0, 200);
}

/** @returns {EnsureDeps} */
function realDeps() {
  const require = createRequire(import.meta.url);
  const playwrightCli = require.resolve("@playwright/test/cli");
  const osRelease = existsSync("/etc/os-release") ? readFileSync("/etc/os-release", "utf8") : undefined;
  return {
    env: process.env,
    platform: process.platform,
    isRoot: typeof process.getuid === "function" && process.getuid() === 0,
    distro: process.platform === "linux" ? debianFamily(osRelease) : null,
    hasAptGet: existsSync("/usr/bin/apt-get"),
    find: () => findChromium(),
    exists: existsSync,
    installWithPlaywright: ({ withDeps }) =>
      run(process.execPath, [playwrightCli, "install", ...(withDeps ? ["--with-deps"] : []), "chromium"], {
        ...process.env,
        PLAYWRIGHT_DOWNLOAD_CONNECTION_TIMEOUT: String(PLAYWRIGHT_CONNECTION_TIMEOUT_MS),
      }),
    installWithApt: async () => {
      const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
      const updated = await run("apt-get", ["update", "-qq"], env);
      return updated.ok ? run("apt-get", ["install", "-y", "-qq", "chromium"], env) : updated;
    },
    log: (line) => console.log(line),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await ensureChromium(realDeps());
  if (result.ok) {
    if (result.via !== "found") console.log(`Spanwise: installed Chromium at ${result.path}.`);
  } else {
    console.error(`Spanwise: ${result.message}`);
    process.exitCode = 1;
  }
}
