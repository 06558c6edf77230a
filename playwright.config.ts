import { defineConfig } from "@playwright/test";
// @ts-expect-error plain ES module shared with the start script
import { findChromium, chromiumArgs } from "./scripts/chromium.mjs";

const port = Number(process.env.E2E_PORT ?? 4174);
const executablePath: string | undefined = findChromium();

export default defineConfig({
  testDir: "tests",
  testMatch: ["e2e/**/*.spec.ts", "e2e-electron/**/*.spec.ts"],
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  timeout: 60_000,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: { executablePath, args: chromiumArgs() },
    trace: "retain-on-failure",
  },
  webServer: {
    command: `node scripts/web.mjs --no-build-check`,
    env: { PORT: String(port) },
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: false,
    timeout: 120_000,
  },
});
