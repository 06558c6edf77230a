/**
 * `npm run bench`: generates seeded data, drives the built app in headless
 * Chromium (and the CLI), and prints one table plus one JSON line per
 * figure. It never fails on a time; it fails only when a scenario cannot run.
 *
 * Flags: --smoke (tiny sizes, about a minute), --only=open,tag (some
 * scenarios), --profile=DIR (CPU profiles of the measured actions),
 * --trace=DIR (a Chromium trace of a cold start, and its breakdown, from the
 * startup scenario).
 * BENCH_PORT sets the port the app is served on (default 4176); the startup
 * scenario serves its peer pages on the port after it. BENCH_STARTUP_SIZES
 * (e.g. "S" or "S,L") limits the startup scenario to some sizes, for a
 * quick look or a trace.
 */
import { mkdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describeMachine } from "./app";
import type { RunContext, Scenario } from "./scenario";
import { exportScenario } from "./scenarios/export";
import { importScenario } from "./scenarios/import";
import { listScenario } from "./scenarios/list";
import { openScenario } from "./scenarios/open";
import { startupScenario } from "./scenarios/startup";
import { storeScenario } from "./scenarios/store";
import { tagScenario } from "./scenarios/tag";
import { table, type Figure } from "./stats";
// @ts-expect-error plain ES module shared with the start script
import { describeError, startWebServer } from "../scripts/web.mjs";

const SCENARIOS: Scenario[] = [startupScenario, openScenario, tagScenario, importScenario, exportScenario, listScenario, storeScenario];

export async function main(argv: string[], root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "..")): Promise<number> {
  const smoke = argv.includes("--smoke");
  const profileDir = argv.find((a) => a.startsWith("--profile="))?.slice("--profile=".length);
  const traceDir = argv.find((a) => a.startsWith("--trace="))?.slice("--trace=".length);
  const only = argv.find((a) => a.startsWith("--only="))?.slice("--only=".length).split(",");
  const unknown = only?.filter((name) => !SCENARIOS.some((s) => s.name === name)) ?? [];
  if (unknown.length) {
    console.error(`bench: unknown scenario ${unknown.join(", ")} (known: ${SCENARIOS.map((s) => s.name).join(", ")})`);
    return 2;
  }
  const port = Number(process.env.BENCH_PORT ?? 4176);
  const cacheDir = path.join(os.tmpdir(), "spanwise-bench");
  mkdirSync(cacheDir, { recursive: true });

  let server: { url: string; close(): Promise<void> };
  try {
    server = await startWebServer({ root, port, log: (m: string) => console.error(m) });
  } catch (error) {
    console.error(`bench: ${describeError(error)}`);
    return 1;
  }
  const machine = await describeMachine();
  const started = Date.now();
  const figures: Figure[] = [];
  try {
    for (const scenario of SCENARIOS.filter((s) => !only || only.includes(s.name))) {
      const ctx: RunContext = {
        url: server.url,
        smoke,
        root,
        cacheDir,
        ...(profileDir ? { profileDir: path.resolve(profileDir) } : {}),
        ...(traceDir ? { traceDir: path.resolve(traceDir) } : {}),
        log: (message) => console.error(`[${scenario.name}] ${message}`),
      };
      ctx.log(smoke ? "starting (smoke sizes)" : "starting");
      const at = Date.now();
      figures.push(...(await scenario.run(ctx)));
      ctx.log(`done in ${((Date.now() - at) / 1000).toFixed(1)} s`);
    }
  } finally {
    await server.close();
  }
  console.log(`\nSpanwise benchmarks${smoke ? " (smoke sizes: the figures mean nothing)" : ""}: ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGiB} GiB, ${machine.os}, Node ${machine.node}, ${machine.browser}\n`);
  console.log(table(figures));
  console.log("");
  for (const f of figures) console.log(JSON.stringify({ ...f, smoke, machine }));
  console.error(`bench: finished in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return 0;
}
