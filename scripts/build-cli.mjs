// Bundles the command-line tool: cli/index.ts (with the shared/ code it uses)
// -> dist-cli/spanwise.mjs, one ES module for Node 20 (and the export's worker
// thread, cli/exportWorker.ts -> dist-cli/exportWorker.mjs). bin/spanwise.js runs it,
// and calls buildCli() first when the bundle is missing or older than its sources.
import { build } from "esbuild";
import { readFile, rename, rm } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export const CLI_BUNDLE = "dist-cli/spanwise.mjs";

/** Builds the bundle; returns its path relative to the project. */
export async function buildCli({ root = projectRoot } = {}) {
  const { version } = JSON.parse(await readFile(path.join(root, "package.json"), "utf8"));
  // The export's worker thread first: bin/spanwise.js rebuilds when the CLI's bundle is older than its sources, so it is made last.
  await bundle(root, "cli/exportWorker.ts", EXPORT_WORKER_BUNDLE, version);
  await bundle(root, "cli/index.ts", CLI_BUNDLE, version);
  return CLI_BUNDLE;
}

/** The worker thread of big exports (cli/exportThreads.ts finds it next to the CLI's bundle). */
export const EXPORT_WORKER_BUNDLE = "dist-cli/exportWorker.mjs";

async function bundle(root, entryPoint, target, version) {
  const outfile = path.join(root, target);
  // Built next to its final place and renamed, so a concurrent run never imports half a file.
  const temp = `${outfile}.${process.pid}.${Date.now()}.tmp.mjs`;
  try {
    await build({
      absWorkingDir: root,
      entryPoints: [entryPoint],
      outfile: temp,
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node20",
      define: { __SPANWISE_VERSION__: JSON.stringify(version) },
      legalComments: "none",
      logLevel: "warning",
    });
    await rename(temp, outfile);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    console.log(`Built ${await buildCli()}.`);
  } catch (error) {
    console.error(`Could not build the CLI: ${error instanceof Error ? error.message : error}`);
    process.exitCode = 1;
  }
}
