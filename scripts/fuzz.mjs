// `npm run fuzz`: the fuzz properties of tests/fuzz with many more cases than
// `npm test` runs, printing per target the seed, the cases tried and how they
// ended. Options: --runs N (cases per target, default 20000; or FUZZ_RUNS),
// --seed S (replay a run; or FUZZ_SEED). Exits non-zero when a property fails,
// with fast-check's counterexample and the seed to replay it.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

function option(name, fallback) {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? process.argv[at + 1] : fallback;
  if (value !== undefined && !/^\d+$/.test(value)) {
    console.error(`--${name} needs a whole number, got ${JSON.stringify(value)}`);
    process.exit(2);
  }
  return value;
}

const runs = option("runs", process.env.FUZZ_RUNS ?? "20000");
const seed = option("seed", process.env.FUZZ_SEED);
const env = { ...process.env, FUZZ_RUNS: runs, FUZZ_REPORT: "1", ...(seed === undefined ? {} : { FUZZ_SEED: seed }) };

console.log(`Fuzzing every reader of outside data with ${runs} cases per target${seed === undefined ? "" : `, seed ${seed}`}…`);
const vitest = path.join(projectRoot, "node_modules", "vitest", "vitest.mjs");
// No per-test time limit: a hang shows as a run that does not finish, and its
// seed is printed by fast-check when it is interrupted.
const result = spawnSync(process.execPath, [vitest, "run", "tests/fuzz", "--testTimeout=0", "--reporter=verbose"], {
  cwd: projectRoot,
  env,
  stdio: "inherit",
});
process.exitCode = result.status ?? 1;
