import type { Figure } from "./stats";

/** What every scenario is given. */
export interface RunContext {
  /** Where the built app is served. */
  url: string;
  /** Tiny sizes, so the benchmark is exercised quickly in the test run. */
  smoke: boolean;
  /** The repository root (for the CLI). */
  root: string;
  /** A folder for generated files, kept between runs so big inputs are made once. */
  cacheDir: string;
  /** With --profile=DIR: where measured actions write their CPU profiles (open them in Chrome DevTools). */
  profileDir?: string;
  /** With --trace=DIR: where the startup scenario writes a Chromium trace of a cold start (open it in DevTools or ui.perfetto.dev). */
  traceDir?: string;
  log(message: string): void;
}

export interface Scenario {
  name: string;
  run(ctx: RunContext): Promise<Figure[]>;
}
