// `npm run dist` (and dist:linux, dist:mac, dist:win): builds the renderer
// and the desktop shell, then packages them with electron-builder and
// build/electron-builder.yml into release/. electron-builder needs the
// Electron zip for the target; where it is neither installed, cached nor
// downloadable, this says so in one line before building anything.
// Whatever goes wrong, the user sees one line; electron-builder's full
// output is kept in release/dist.log.
import { spawn } from "node:child_process";
import { createWriteStream, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { request } from "node:https";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { buildElectron } from "./build-electron.mjs";
import { electronBinary } from "./electron-binary.mjs";
import { describeError, ensureRendererBuilt, UserError } from "./web.mjs";

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const CONFIG = "build/electron-builder.yml";
const LOG = "release/dist.log";
const DEFAULT_MIRROR = "https://github.com/electron/electron/releases/download/";
const PROBE_TIMEOUT_MS = 10_000;

/** electron-builder's names for the platforms, and Electron's. */
const PLATFORMS = {
  "--linux": { builderFlag: "--linux", electron: "linux", label: "Linux" },
  "--mac": { builderFlag: "--mac", electron: "darwin", label: "macOS" },
  "--win": { builderFlag: "--win", electron: "win32", label: "Windows" },
};

/**
 * The target platform from the command line (the host's when none is given)
 * and the arguments passed on to electron-builder (e.g. `--dir`).
 * @param {string[]} args
 * @param {NodeJS.Platform} hostPlatform
 */
export function distTarget(args, hostPlatform = process.platform) {
  const named = args.filter((arg) => arg in PLATFORMS);
  if (named.length > 1) throw new UserError(`package one platform at a time (got ${named.join(" and ")})`);
  const flag = named[0] ?? Object.keys(PLATFORMS).find((key) => PLATFORMS[key].electron === hostPlatform);
  if (!flag) throw new UserError(`cannot tell which platform to package for on ${hostPlatform}; use --linux, --mac or --win`);
  return { ...PLATFORMS[flag], passOn: args.filter((arg) => !(arg in PLATFORMS)) };
}

/**
 * Where electron-builder will get Electron from: the installed binary (only
 * for the host platform), a zip already in a download cache, or a download.
 * @param {{ version: string, platform: string, arch: string, hostPlatform: string, installedDist?: string, cacheRoots: string[], env: Record<string, string | undefined>, findFile: (root: string, name: string) => boolean }} facts
 * @returns {{ kind: "installed", electronDist: string } | { kind: "cached", zip: string } | { kind: "download", url: string }}
 */
export function electronSource({ version, platform, arch, hostPlatform, installedDist, cacheRoots, env, findFile }) {
  if (installedDist && platform === hostPlatform) return { kind: "installed", electronDist: installedDist };
  const zip = `electron-v${version}-${platform}-${arch}.zip`;
  if (cacheRoots.some((root) => findFile(root, zip))) return { kind: "cached", zip };
  const mirror = env.ELECTRON_MIRROR || DEFAULT_MIRROR;
  return { kind: "download", url: `${mirror.endsWith("/") ? mirror : `${mirror}/`}v${version}/${zip}` };
}

/** The folders electron-builder and @electron/get keep downloaded Electron zips in. */
export function electronCacheRoots(env = process.env, platform = process.platform, home = os.homedir()) {
  const roots = [env.ELECTRON_BUILDER_CACHE, env.ELECTRON_CACHE];
  if (platform === "darwin") roots.push(path.join(home, "Library", "Caches", "electron-builder"), path.join(home, "Library", "Caches", "electron"));
  else if (platform === "win32") {
    const local = env.LOCALAPPDATA || path.join(home, "AppData", "Local");
    roots.push(path.join(local, "electron-builder", "Cache"), path.join(local, "electron", "Cache"));
  } else {
    const cache = env.XDG_CACHE_HOME || path.join(home, ".cache");
    roots.push(path.join(cache, "electron-builder"), path.join(cache, "electron"));
  }
  return roots.filter(Boolean);
}

/**
 * The line to show for a failed electron-builder run: its first error
 * (the "⨯" line) without the stack trace it appends.
 * @param {string} output
 */
export function summariseBuilderFailure(output) {
  const error = output.split(/\r?\n/).find((line) => line.trim().startsWith("⨯"));
  if (error) return error.trim().replace(/^⨯\s*/, "").replace(/\s+(failedTask|stackTrace)=.*$/s, "").trim();
  const last = output.split(/\r?\n/).map((line) => line.trim()).filter((line) => line && !line.startsWith("at ")).at(-1);
  return last ?? "electron-builder stopped without a message";
}

/** Looks for `name` up to a few folders deep under `root` (caches nest by URL hash). */
function findFile(root, name, depth = 3) {
  let entries;
  try {
    entries = readdirSync(root, { withFileTypes: true });
  } catch {
    return false;
  }
  return entries.some((entry) => (entry.isFile() && entry.name === name) || (entry.isDirectory() && depth > 0 && findFile(path.join(root, entry.name), name, depth - 1)));
}

/** Resolves with undefined when `url` answers at all, else with the reason it cannot be reached. */
function probe(url) {
  return new Promise((resolve) => {
    const req = request(url, { method: "HEAD", timeout: PROBE_TIMEOUT_MS }, (res) => {
      res.resume();
      resolve(res.statusCode && res.statusCode < 400 ? undefined : `HTTP ${res.statusCode}`);
    });
    req.on("timeout", () => req.destroy(new Error(`no answer in ${PROBE_TIMEOUT_MS / 1000} s`)));
    req.on("error", (error) => resolve(error.message));
    req.end();
  });
}

async function main() {
  const target = distTarget(process.argv.slice(2));
  const version = JSON.parse(readFileSync(path.join(projectRoot, "node_modules", "electron", "package.json"), "utf8")).version;
  const installed = electronBinary();
  const source = electronSource({
    version,
    platform: target.electron,
    arch: process.arch,
    hostPlatform: process.platform,
    installedDist: "path" in installed ? path.join(projectRoot, "node_modules", "electron", "dist") : undefined,
    cacheRoots: electronCacheRoots(),
    env: process.env,
    findFile: (root, name) => findFile(root, name),
  });
  if (source.kind === "download") {
    const unreachable = await probe(source.url);
    if (unreachable) {
      throw new UserError(
        `cannot package for ${target.label}: Electron ${version} (${target.electron}-${process.arch}) is not installed or cached and cannot be downloaded here (${unreachable}); run npm run dist on a machine with network access, or set ELECTRON_MIRROR to a reachable mirror`,
      );
    }
  }

  console.log("Spanwise: building the renderer and the desktop shell…");
  await ensureRendererBuilt({ log: () => undefined });
  try {
    await buildElectron();
  } catch (error) {
    throw new UserError(`the Electron build failed: ${describeError(error)}`);
  }

  console.log(`Spanwise: packaging for ${target.label} with electron-builder (full log in ${LOG})…`);
  const builderArgs = ["--config", CONFIG, target.builderFlag, ...target.passOn];
  if (source.kind === "installed") builderArgs.push(`-c.electronDist=${source.electronDist}`);
  await runBuilder(builderArgs);
  console.log(`Spanwise: packaged for ${target.label} in release/.`);
}

/** Runs electron-builder's CLI, showing its progress lines and keeping everything in the log. */
function runBuilder(args) {
  mkdirSync(path.join(projectRoot, "release"), { recursive: true });
  const log = createWriteStream(path.join(projectRoot, LOG));
  const cli = createRequire(import.meta.url).resolve("electron-builder/cli.js");
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd: projectRoot, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    const take = (chunk) => {
      const text = chunk.toString();
      log.write(text);
      output = (output + text).slice(-100_000);
      for (const line of text.split(/\r?\n/)) if (line.trim().startsWith("•")) console.log(`  ${line.trim()}`);
    };
    child.stdout.on("data", take);
    child.stderr.on("data", take);
    child.on("error", (error) => reject(new UserError(`could not run electron-builder: ${error.message}`)));
    child.on("exit", (code) => {
      log.end();
      if (code === 0) resolve(undefined);
      else reject(new UserError(`packaging failed: ${summariseBuilderFailure(output)} (full log in ${LOG})`));
    });
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error) => {
    console.error(`Spanwise: ${describeError(error)}`);
    process.exitCode = 1;
  });
}
