// `npm run bench`: bundles the benchmark (TypeScript, under bench/) with
// esbuild into node_modules/.cache and runs it. Arguments pass through
// (`npm run bench -- --smoke`).
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const outfile = path.join(root, "node_modules", ".cache", "spanwise-bench", "bench.mjs");

await build({
  entryPoints: [path.join(root, "bench", "main.ts")],
  outfile,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  logLevel: "warning",
});
const { main } = await import(pathToFileURL(outfile).href);
process.exitCode = await main(process.argv.slice(2), root);
