// Bundles the desktop shell: electron/main.ts -> dist-electron/main.cjs and
// electron/preload.ts -> dist-electron/preload.cjs. Each is one CommonJS file,
// because a sandboxed preload cannot require local modules.
import { build } from "esbuild";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

const ENTRIES = [
  { input: "electron/main.ts", output: "main.cjs" },
  { input: "electron/preload.ts", output: "preload.cjs" },
];

/**
 * Builds both bundles into `outDir` (relative to `root`, or absolute);
 * returns the output paths as given to esbuild.
 */
export async function buildElectron({ root = projectRoot, outDir = "dist-electron" } = {}) {
  await Promise.all(
    ENTRIES.map(({ input, output }) =>
      build({
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
      }),
    ),
  );
  return ENTRIES.map(({ output }) => path.join(outDir, output));
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
