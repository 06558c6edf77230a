/**
 * Fuzzes every reader of outside data against its contract (see targets.ts).
 * `npm test` runs a few hundred cases in all; `npm run fuzz` runs the same
 * properties with FUZZ_RUNS cases per target and prints, per target, the
 * seed, the number of cases and how they ended. FUZZ_SEED replays a run.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, it } from "vitest";
import { jsonlTargets, loadProjectFixtures, projectFileTargets, textImportTargets, type FuzzTarget, type ProjectFixtures } from "./targets";

const RUNS = Number(process.env.FUZZ_RUNS ?? 50);
const BASE_SEED = process.env.FUZZ_SEED === undefined ? Date.now() % 2 ** 31 : Number(process.env.FUZZ_SEED);
const REPORT = process.env.FUZZ_REPORT === "1";

interface TargetReport {
  name: string;
  inputs: string;
  seed: number;
  runs: number;
  outcomes: Map<string, number>;
}
const reports: TargetReport[] = [];

async function fuzz<T>(target: FuzzTarget<T>, index: number): Promise<void> {
  // One seed per target, derived from the base, so a failing target replays alone with the seed it printed.
  const seed = (BASE_SEED + index * 7919) % 2 ** 31;
  const report: TargetReport = { name: target.name, inputs: target.inputs, seed, runs: 0, outcomes: new Map() };
  reports.push(report);
  await fc.assert(
    fc.asyncProperty(target.arbitrary, async (input) => {
      const outcome = await target.check(input);
      report.runs++;
      report.outcomes.set(outcome, (report.outcomes.get(outcome) ?? 0) + 1);
    }),
    { numRuns: RUNS, seed },
  );
}

let projectFixtures: ProjectFixtures;
beforeAll(async () => {
  projectFixtures = await loadProjectFixtures();
});

afterAll(() => {
  if (!REPORT) return;
  const lines = [`Fuzzed with base seed ${BASE_SEED}, ${RUNS} cases per target (FUZZ_SEED=${BASE_SEED} FUZZ_RUNS=${RUNS} replays this run):`];
  for (const report of reports) {
    lines.push("", `${report.name}: ${report.runs} cases, seed ${report.seed}`, `  inputs: ${report.inputs}`);
    const outcomes = [...report.outcomes].sort((a, b) => b[1] - a[1]);
    for (const [outcome, count] of outcomes.slice(0, 12)) lines.push(`  ${String(count).padStart(7)}  ${outcome}`);
    if (outcomes.length > 12) lines.push(`  ${String(outcomes.slice(12).reduce((sum, [, n]) => sum + n, 0)).padStart(7)}  (${outcomes.length - 12} other kinds)`);
  }
  console.log(lines.join("\n"));
});

// Targets are numbered in one sequence so each gets its own seed.
let next = 0;
const numbered = <T>(targets: FuzzTarget<T>[]) => targets.map((target) => ({ target, index: next++ }));

describe("text import never throws and names the file when it refuses", () => {
  for (const { target, index } of numbered(textImportTargets)) it(target.name, () => fuzz(target, index));
});

describe("JSONL export reading gives whole valid records or a JsonlExportError", () => {
  for (const { target, index } of numbered(jsonlTargets())) it(target.name, () => fuzz(target, index));
});

describe("project files decode whole or not at all, and merge cleanly", () => {
  const names = ["project file: random bytes", "project file: mutated zips", "project file: mutated members", "merge: decoded files"];
  const indexes = names.map(() => next++);
  names.forEach((name, i) => {
    it(name, () => {
      const target = projectFileTargets(projectFixtures).find((t) => t.name === name)!;
      return fuzz(target, indexes[i]!);
    });
  });
});
