#!/usr/bin/env node
// The `spanwise` command. Runs the bundled CLI (dist-cli/spanwise.mjs), building
// it first when it is missing or older than its sources, so that `npx spanwise`
// works straight after `npm install` in a fresh clone.
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import process from "node:process";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const bundle = path.join(root, "dist-cli", "spanwise.mjs");
const SOURCE_DIRS = ["cli", "shared"];

/** Newest modification time of the .ts files under `dir`, or 0 if there are none. */
function newestSource(dir) {
  let newest = 0;
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full));
    else if (entry.name.endsWith(".ts")) newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

function needsBuild() {
  if (!existsSync(bundle)) return true;
  const built = statSync(bundle).mtimeMs;
  return SOURCE_DIRS.some((dir) => newestSource(path.join(root, dir)) > built);
}

if (needsBuild()) {
  try {
    const { buildCli } = await import(pathToFileURL(path.join(root, "scripts", "build-cli.mjs")).href);
    await buildCli({ root });
  } catch (error) {
    // An installed package ships the bundle without sources or esbuild: run what is there.
    if (!existsSync(bundle)) {
      process.stderr.write(`spanwise: the command-line tool is not built and could not be built (${error instanceof Error ? error.message.split("\n")[0] : error}). Run "npm install" and "npm run build:cli".\n`);
      process.exit(1);
    }
  }
}

await import(pathToFileURL(bundle).href);
