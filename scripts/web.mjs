// `npm run web`: the browser build of Spanwise. Builds the renderer when
// dist/ is missing or older than its sources, then serves dist/ with Vite's
// preview server (which sends the Content-Security-Policy header) on
// 127.0.0.1 only. Flags: --no-build-check serves dist/ as it is.
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build, preview } from "vite";

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const HOST = "127.0.0.1";
const DEFAULT_PORT = 4173;
const SOURCE_DIRS = ["renderer", "shared"];
const SOURCE_FILES = ["vite.config.ts"];

/** The port from $PORT, or the default; throws on nonsense. */
export function webPort(env = process.env) {
  if (!env.PORT) return DEFAULT_PORT;
  const port = Number(env.PORT);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new UserError(`PORT must be a number from 1 to 65535, not "${env.PORT}"`);
  return port;
}

/** The URL the browser build is served at. */
export function webUrl(port = webPort()) {
  return `http://${HOST}:${port}/`;
}

/** Where the renderer is built: dist/, or the absolute path in $SPANWISE_DIST (as vite.config.ts does). */
function distDir(root) {
  return process.env.SPANWISE_DIST ? path.resolve(process.env.SPANWISE_DIST) : path.join(root, "dist");
}

/** True when dist/index.html is missing or older than any renderer source. */
export function rendererBuildIsStale(root = projectRoot) {
  const builtAt = mtimeOf(path.join(distDir(root), "index.html"));
  if (builtAt === undefined) return true;
  const sources = [
    ...SOURCE_DIRS.map((dir) => newestMtime(path.join(root, dir))),
    ...SOURCE_FILES.map((file) => mtimeOf(path.join(root, file)) ?? 0),
  ];
  return Math.max(...sources) > builtAt;
}

/** Runs `vite build` when the renderer build is stale; returns whether it built. */
export async function ensureRendererBuilt({ root = projectRoot, log = console.log } = {}) {
  if (!rendererBuildIsStale(root)) return false;
  log("Spanwise: building the renderer…");
  try {
    await build({ configFile: path.join(root, "vite.config.ts"), root: path.join(root, "renderer"), logLevel: "silent" });
  } catch (error) {
    throw new UserError(`the renderer build failed: ${firstLine(error)} (run "npm run build:web" for details)`);
  }
  return true;
}

/**
 * Serves dist/ on 127.0.0.1:`port`. Resolves once listening, with the URL
 * and a `close` that stops the server.
 */
export async function startWebServer({ root = projectRoot, port = webPort(), buildCheck = true, log = console.log } = {}) {
  if (buildCheck) await ensureRendererBuilt({ root, log });
  else if (mtimeOf(path.join(distDir(root), "index.html")) === undefined) {
    throw new UserError('dist/index.html is missing; run "npm run build:web" (or drop --no-build-check)');
  }
  let server;
  try {
    server = await preview({
      configFile: path.join(root, "vite.config.ts"),
      root: path.join(root, "renderer"),
      logLevel: "silent",
      preview: { host: HOST, port, strictPort: true, open: false },
    });
  } catch (error) {
    if (/already in use|EADDRINUSE/i.test(firstLine(error))) {
      throw new UserError(`port ${port} is already in use; set PORT to a free port, e.g. PORT=${port + 1}`);
    }
    throw error;
  }
  return { url: webUrl(port), close: () => server.close() };
}

/** An expected failure whose message is meant for the user, without a stack. */
export class UserError extends Error {}

/** One line describing `error`, never a stack trace. */
export function describeError(error) {
  return error instanceof UserError ? error.message : `unexpected error: ${firstLine(error)}`;
}

/** Closes `close` and exits on Ctrl+C or a termination request. */
export function exitOnSignals(close) {
  const stop = () => {
    Promise.resolve()
      .then(close)
      .catch(() => undefined)
      .finally(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

const ANSI_ESCAPE = /\u001b\[[0-9;]*m/g;

/** The first informative line of an error message, without colour codes. */
function firstLine(error) {
  const text = error instanceof Error ? error.message : String(error);
  const lines = text.replace(ANSI_ESCAPE, "").split("\n").map((line) => line.trim());
  return lines.find((line) => line !== "" && !/^Build failed with \d+ errors?:$/.test(line)) ?? "";
}

function mtimeOf(filePath) {
  try {
    return statSync(filePath).mtimeMs;
  } catch {
    return undefined;
  }
}

function newestMtime(dir) {
  let newest = 0;
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return newest;
  }
  for (const entry of entries) {
    if (entry.name === "node_modules" || entry.name.startsWith(".")) continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : (mtimeOf(full) ?? 0));
  }
  return newest;
}

async function main() {
  const buildCheck = !process.argv.includes("--no-build-check");
  try {
    const server = await startWebServer({ buildCheck });
    exitOnSignals(server.close);
    console.log(`Spanwise is served at ${server.url} (Ctrl+C to stop).`);
  } catch (error) {
    console.error(`Spanwise: ${describeError(error)}`);
    process.exit(1);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
