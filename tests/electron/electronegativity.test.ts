/**
 * `npm run lint:electron` (scripts/electronegativity.mjs): the shell passes
 * Electronegativity, and a shell with a high-severity mistake fails it. Runs
 * the script as a process, the way the test command does.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const script = path.join(import.meta.dirname, "..", "..", "scripts", "electronegativity.mjs");
const run = (...args: string[]) => spawnSync(process.execPath, [script, ...args], { encoding: "utf8", timeout: 120_000 });

const insecure = mkdtempSync(path.join(os.tmpdir(), "spanwise-insecure-shell-"));
afterAll(() => rmSync(insecure, { recursive: true, force: true }));

describe("lint:electron", () => {
  it("passes the Spanwise shell, listing what it checked", () => {
    const result = run();
    expect(result.stderr).not.toMatch(/FAIL|could not run/);
    expect(result.stdout).toContain("No high-severity findings.");
    expect(result.stdout).not.toMatch(/^\s*HIGH/m);
    expect(result.status).toBe(0);
  });

  it("fails a shell that turns off context isolation, naming the finding", () => {
    writeFileSync(
      path.join(insecure, "main.js"),
      [
        'const { app, BrowserWindow } = require("electron");',
        "app.whenReady().then(() => {",
        "  const window = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false } });",
        '  window.loadURL("https://example.org/");',
        "});",
      ].join("\n"),
    );
    const result = run("--input", insecure);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/FAIL: high-severity finding CONTEXT_ISOLATION_JS_CHECK in main\.js:3/);
  });
});
