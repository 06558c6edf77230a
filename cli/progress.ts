import type { CliIo } from "./io";

/** Project files at least this large get progress lines even when standard error is not a terminal. */
export const LARGE_FILE_BYTES = 10 * 1024 * 1024;

export interface Progress {
  /** Reports `done` of `total` items of a stage ("spans", "documents"), or bytes when `unit` is "bytes". */
  update(what: string, done: number, total: number, unit?: "items" | "bytes"): void;
  /** Ends the progress display (clears the line on a terminal). */
  done(): void;
}

const TTY_INTERVAL_MS = 100;

/**
 * Progress on standard error. On a terminal: one line updated in place, at
 * most every 100 ms. Otherwise (a log file, CI): a line at each tenth of a
 * stage, so logs stay short.
 */
export function createProgress(io: CliIo, enabled: boolean, prefix: string): Progress {
  if (!enabled) return { update: () => {}, done: () => {} };
  let lastTime = -Infinity;
  let lastKey = "";
  let shown = false;
  return {
    update(what, done, total, unit = "items") {
      const amount = (n: number) => (unit === "bytes" ? `${(n / 1024 / 1024).toFixed(1)}` : n.toLocaleString("en-US"));
      const text = `${prefix}${what} ${amount(done)}/${amount(total)}${unit === "bytes" ? " MiB" : ""}`;
      if (io.stderrIsTTY) {
        const now = io.now();
        if (now - lastTime < TTY_INTERVAL_MS && done < total) return;
        lastTime = now;
        io.writeStderr(`\r${text}\u001b[K`);
        shown = true;
        return;
      }
      const key = `${what}:${total === 0 ? 10 : Math.floor((done / total) * 10)}`;
      if (key === lastKey) return;
      lastKey = key;
      io.writeStderr(`${text}\n`);
    },
    done() {
      if (shown) io.writeStderr("\r\u001b[K");
      shown = false;
    },
  };
}
