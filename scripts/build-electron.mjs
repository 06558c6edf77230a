// Bundles the desktop shell: electron/main.ts -> dist-electron/main.cjs and
// electron/preload.ts -> dist-electron/preload.cjs. Each is one CommonJS file,
// because a sandboxed preload cannot require local modules.
import { build } from "esbuild";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** The two bundles: what Electron starts (main) and what it loads into the window before the page (preload). */
export const ELECTRON_BUNDLES = [
  { input: "electron/main.ts", output: "main.cjs" },
  { input: "electron/preload.ts", output: "preload.cjs" },
];

/**
 * esbuild's options for one bundle. Everything but Electron itself is
 * bundled, so the packaged app needs no node_modules at run time
 * (tests/electron/packaging.test.ts checks this with the same options).
 */
export function electronBundleOptions({ input, output }, { root = projectRoot, outDir = "dist-electron" } = {}) {
  return {
    absWorkingDir: root,
    entryPoints: [input],
    outfile: path.join(outDir, output),
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    external: ["electron"],
    sourcemap: true,
    logLevel: "warning",
  };
}

/**
 * Builds both bundles into `outDir` (relative to `root`, or absolute);
 * returns the output paths as given to esbuild.
 */
export async function buildElectron({ root = projectRoot, outDir = "dist-electron" } = {}) {
  await Promise.all(ELECTRON_BUNDLES.map((bundle) => build(electronBundleOptions(bundle, { root, outDir }))));
  return ELECTRON_BUNDLES.map(({ output }) => path.join(outDir, output));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    const outputs = await buildElectron();
    console.log(`Built ${outputs.join(" and ")}.`);
  } catch (error) {
    // esbuild has already printed the located errors.
    console.error(`Electron build failed: ${error instanceof Error ? error.message.split("\n")[0] : error}`);
    process.exitCode = 1;
  }
}
