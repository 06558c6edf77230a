// Runs Doyensec's Electronegativity over the desktop shell and fails on any
// high-severity finding (or on a file it could not parse, which would
// otherwise go unchecked).
//
// What it scans, gathered in a temporary folder: the TypeScript sources of
// electron/, the bundles the shell is shipped as (built here the way
// `npm run build:electron` builds them), and an index.html carrying the
// renderer's Content-Security-Policy the way the built page does. The check
// that downloads Electron's release list is left out, so the run is the same
// with or without a network; the Electron version is read from the installed
// package instead (see electron/SECURITY.md, point 16, for how upgrades are kept).
//
//   node scripts/electronegativity.mjs            scan the shell
//   node scripts/electronegativity.mjs --input D  scan folder D as it is
//
// Exit code: 0 when nothing HIGH was found, 1 otherwise, 2 when it could not run.
import { build } from "esbuild";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { buildElectron } from "./build-electron.mjs";

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);

/** Electronegativity's global check that fetches Electron's releases from GitHub; never offline-safe. */
const NETWORK_CHECKS = ["AvailableSecurityFixesGlobalCheck"];

/** Gathers the shell into `dir`: sources, bundles, and a page with the CSP. */
async function stageShell(dir) {
  cpSync(path.join(projectRoot, "electron"), path.join(dir, "src"), { recursive: true });
  await buildElectron({ root: projectRoot, outDir: path.join(dir, "bundle") });
  writeFileSync(path.join(dir, "index.html"), await indexHtml());
}

/** A page whose CSP meta tag is the renderer's policy, as vite.config.ts writes it into dist/index.html. */
async function indexHtml() {
  const result = await build({
    entryPoints: [path.join(projectRoot, "shared", "csp.ts")],
    bundle: true,
    format: "esm",
    write: false,
    logLevel: "silent",
  });
  const source = result.outputFiles[0].text;
  const { CONTENT_SECURITY_POLICY } = await import(`data:text/javascript;base64,${Buffer.from(source).toString("base64")}`);
  const policy = CONTENT_SECURITY_POLICY.split("; ")
    .filter((directive) => !directive.startsWith("frame-ancestors"))
    .join("; ");
  return `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="${policy}"><title>Spanwise</title></head><body></body></html>\n`;
}

function installedElectronVersion() {
  try {
    return JSON.parse(readFileSync(path.join(projectRoot, "node_modules", "electron", "package.json"), "utf8")).version;
  } catch {
    return undefined;
  }
}

/**
 * Runs Electronegativity over `input`.
 * @returns {Promise<{ issues: { id: string, severity: string, confidence: string, file: string, line: number, review: boolean }[], errors: { file: string, message: string, tolerable: boolean }[] }>}
 */
export async function scan(input, { electronVersion = installedElectronVersion() } = {}) {
  const run = require("@doyensec/electronegativity");
  const result = await run({
    input,
    isRelative: true,
    excludeFromScan: NETWORK_CHECKS,
    electronVersionOverride: electronVersion,
  });
  return {
    issues: result.issues.map((issue) => ({
      id: issue.id,
      severity: issue.severity.name,
      confidence: issue.confidence.name,
      file: issue.file,
      line: issue.location?.line ?? 0,
      review: Boolean(issue.manualReview),
    })),
    errors: result.errors,
  };
}

/** One line per finding, the most severe first. */
export function report({ issues, errors }) {
  const order = ["HIGH", "MEDIUM", "LOW", "INFORMATIONAL"];
  const lines = [...issues]
    .sort((a, b) => order.indexOf(a.severity) - order.indexOf(b.severity) || a.id.localeCompare(b.id))
    .map((i) => `${i.severity.padEnd(13)} ${i.confidence.padEnd(9)} ${i.id} ${i.file}:${i.line}${i.review ? " (review)" : ""}`);
  for (const error of errors) lines.push(`${error.tolerable ? "PARSE-WARN" : "PARSE-ERROR"}   ${error.file}: ${error.message}`);
  return lines;
}

/** Why the scan fails, or an empty list. */
export function failures({ issues, errors }) {
  return [
    ...issues.filter((i) => i.severity === "HIGH").map((i) => `high-severity finding ${i.id} in ${i.file}:${i.line}`),
    ...errors.filter((e) => !e.tolerable).map((e) => `could not parse ${e.file}, so it was not checked: ${e.message}`),
  ];
}

async function main(argv) {
  const at = argv.indexOf("--input");
  const given = at >= 0 ? argv[at + 1] : undefined;
  if (at >= 0 && !given) throw new Error("--input needs a folder");
  const staging = given ? undefined : mkdtempSync(path.join(os.tmpdir(), "spanwise-electronegativity-"));
  try {
    if (staging) await stageShell(staging);
    const result = await scan(given ? path.resolve(given) : staging);
    console.log(`Electronegativity: ${result.issues.length} finding(s) in ${given ?? "the Electron shell (electron/*.ts, its bundles, the page's CSP)"}`);
    for (const line of report(result)) console.log(`  ${line}`);
    const reasons = failures(result);
    if (reasons.length > 0) {
      for (const reason of reasons) console.error(`FAIL: ${reason}`);
      return 1;
    }
    console.log("No high-severity findings.");
    return 0;
  } finally {
    if (staging) rmSync(staging, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      console.error(`Electronegativity could not run: ${error instanceof Error ? error.message : error}`);
      process.exitCode = 2;
    },
  );
}
