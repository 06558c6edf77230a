/** Summaries and the printed report. */

export interface Machine {
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  os: string;
  node: string;
  browser: string;
}

/** One measured figure of a scenario, summarised over its runs. */
export interface Figure {
  /** `scenario.measure`, e.g. "open.firstText". */
  name: string;
  /** "ratio": one figure divided by another, run by run. */
  unit: "ms" | "MB" | "s" | "count" | "ratio";
  median: number;
  p95: number;
  runs: number;
  /** The median to stay under, in `unit`; absent for figures reported for context only. */
  target?: number;
  /** The p95 to stay under, where the issue sets one. */
  targetP95?: number;
  /** One line on what the figure is, for the table. */
  what: string;
}

export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}

/** The nearest-rank quantile: with few runs, p95 is the worst run. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

export function figure(
  name: string,
  what: string,
  unit: Figure["unit"],
  values: readonly number[],
  targets: { target?: number; targetP95?: number } = {},
): Figure {
  const r = unit === "ratio" ? (n: number) => Math.round(n * 100) / 100 : round;
  return { name, what, unit, median: r(median(values)), p95: r(quantile(values, 0.95)), runs: values.length, ...targets };
}

/** Whether a figure is under its targets; null when it has none. */
export function met(f: Figure): boolean | null {
  if (f.target === undefined && f.targetP95 === undefined) return null;
  return (f.target === undefined || f.median < f.target) && (f.targetP95 === undefined || f.p95 < f.targetP95);
}

function withUnit(n: number, unit: Figure["unit"]): string {
  return unit === "ratio" ? `${n}×` : `${n} ${unit}`;
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

/** The table: one row per figure, with its target and whether the median and p95 are under it. */
export function table(figures: readonly Figure[]): string {
  const rows = figures.map((f) => [
    f.name,
    f.what,
    withUnit(f.median, f.unit),
    withUnit(f.p95, f.unit),
    String(f.runs),
    [f.target === undefined ? "" : `< ${withUnit(f.target, f.unit)}`, f.targetP95 === undefined ? "" : `p95 < ${withUnit(f.targetP95, f.unit)}`].filter(Boolean).join(", "),
    met(f) === null ? "" : met(f) ? "met" : "missed",
  ]);
  const head = ["figure", "what", "median", "p95", "runs", "target", ""];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join("  ").trimEnd();
  return [line(head), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}
