// `npm start`: the desktop app when the Electron binary is installed;
// otherwise the browser build, served on 127.0.0.1 and opened in a Chromium
// app window with its own persistent profile (IndexedDB lives there).
// Whatever goes wrong, the user sees one line, never a stack trace.
import { spawn } from "node:child_process";
import { mkdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildElectron } from "./build-electron.mjs";
import { chromiumArgs, findChromium } from "./chromium.mjs";
import { electronBinary } from "./electron-binary.mjs";
import { describeError, ensureRendererBuilt, startWebServer, UserError, webPort, webUrl } from "./web.mjs";

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const quiet = () => undefined;

async function main() {
  const found = electronBinary();
  if ("path" in found) await startDesktop(found.path);
  else await startBrowser(found.missing);
}

async function startDesktop(electronPath) {
  await ensureRendererBuilt({ log: quiet });
  try {
    await buildElectron();
  } catch (error) {
    throw new UserError(`the Electron build failed: ${error instanceof Error ? error.message.split("\n")[0] : error}`);
  }
  const child = spawn(electronPath, [path.join(projectRoot, "dist-electron", "main.cjs")], { stdio: "inherit" });
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
  child.on("error", (error) => fail(new UserError(`could not run Electron at ${electronPath}: ${error.message}`)));
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

async function startBrowser(reason) {
  const port = webPort();
  const url = webUrl(port);
  console.log(`Spanwise: ${reason}; opening the browser build at ${url} instead.`);
  const server = await startWebServer({ port, log: quiet });

  let browser;
  let stopping = false;
  const stop = (code) => {
    stopping = true;
    if (browser && browser.exitCode === null) browser.kill("SIGTERM");
    server
      .close()
      .catch(() => undefined)
      .finally(() => process.exit(code));
  };
  process.once("SIGINT", () => stop(0));
  process.once("SIGTERM", () => stop(0));

  const chromium = findChromium();
  if (!hasDisplay()) {
    console.log(`Spanwise: no display found; open ${url} in a browser on this machine (Ctrl+C to stop).`);
  } else if (!chromium) {
    console.log(`Spanwise: no Chromium found; open ${url} in your browser (Ctrl+C to stop).`);
  } else {
    const profile = browserProfileDir();
    mkdirSync(profile, { recursive: true });
    browser = spawn(chromium, [`--app=${url}`, `--user-data-dir=${profile}`, "--no-default-browser-check", ...chromiumArgs()], {
      stdio: "ignore",
    });
    browser.on("error", (error) => {
      console.log(`Spanwise: could not open Chromium (${error.message}); open ${url} in your browser (Ctrl+C to stop).`);
    });
    browser.on("exit", (code) => {
      if (stopping) return;
      // The user closed the app window: nothing is left to serve.
      if (code === 0) stop(0);
      else console.log(`Spanwise: Chromium exited with code ${code}; ${url} is still served (Ctrl+C to stop).`);
    });
  }
}

function hasDisplay() {
  if (process.platform !== "linux") return true;
  return Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

/** A profile of our own, so the app's IndexedDB persists between starts and stays apart from the user's browsing. */
function browserProfileDir() {
  const home = os.homedir();
  if (process.platform === "win32") return path.join(process.env.APPDATA || path.join(home, "AppData", "Roaming"), "Spanwise", "browser-profile");
  if (process.platform === "darwin") return path.join(home, "Library", "Application Support", "Spanwise", "browser-profile");
  return path.join(process.env.XDG_CONFIG_HOME || path.join(home, ".config"), "spanwise", "browser-profile");
}

function fail(error) {
  console.error(`Spanwise: ${describeError(error)}`);
  process.exit(1);
}

main().catch(fail);
