/**
 * The app under measurement: the built browser app served from dist/, driven
 * in headless Chromium. Every scenario gets a fresh browser, so each starts
 * with an empty IndexedDB and its own renderer process.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import os from "node:os";
import { chromium, type Browser, type CDPSession, type Page } from "@playwright/test";
import { corpusKit } from "./corpus";
import { installProbe } from "./probe";
import { seedInPage, type SeedRequest, type SeedResult } from "./seed";
import type { Machine } from "./stats";
// @ts-expect-error plain ES module shared with the start script
import { chromiumArgs, findChromium } from "../scripts/chromium.mjs";

export interface Session {
  browser: Browser;
  page: Page;
  cdp: CDPSession;
  close(): Promise<void>;
}

/** A fresh headless Chromium with the app open on an empty store. */
export async function openApp(url: string): Promise<Session> {
  const executablePath: string | undefined = findChromium();
  const browser = await chromium.launch({
    executablePath,
    args: [...(chromiumArgs() as string[]), "--enable-precise-memory-info"],
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  const page = await context.newPage();
  await page.addInitScript(installProbe);
  await page.addInitScript({ content: `globalThis.__corpusKit = ${corpusKit.toString()};` });
  await page.goto(url);
  await answerFirstStart(page);
  const cdp = await context.newCDPSession(page);
  return { browser, page, cdp, close: () => browser.close() };
}

/** Waits for the app, and names the annotator "bench" when it asks (on first start). */
async function answerFirstStart(page: Page): Promise<void> {
  const dialog = page.getByRole("dialog", { name: "Who is annotating?" });
  await Promise.race([dialog.waitFor(), page.locator(".sw-app").waitFor().then(() => page.waitForTimeout(1000))]);
  if (!(await dialog.isVisible())) return;
  await dialog.getByLabel("Annotator name").fill("bench");
  await dialog.getByRole("button", { name: "Save name" }).click();
  await dialog.waitFor({ state: "hidden" });
}

/** Writes a scenario's documents into the store, then reloads so the app reads them. */
export async function seed(session: Session, request: SeedRequest): Promise<SeedResult> {
  const result = await session.page.evaluate(seedInPage, request);
  await session.page.reload();
  await session.page.locator(".sw-app").waitFor();
  return result;
}

/** The JS heap in use after a full garbage collection, MB. */
export async function heapAfterGc(cdp: CDPSession): Promise<number> {
  await cdp.send("HeapProfiler.collectGarbage");
  const { usedSize } = await cdp.send("Runtime.getHeapUsage");
  return usedSize / 1e6;
}

/**
 * Resident memory of the page's renderer process, MB, from /proc (Linux
 * only; undefined elsewhere): now, and the peak since `resetPeak`.
 */
export async function rendererMemory(browser: Browser): Promise<{ pid: number; rss: number; peak: number } | undefined> {
  if (process.platform !== "linux") return undefined;
  const cdp = await browser.newBrowserCDPSession();
  try {
    const info = (await cdp.send("SystemInfo.getProcessInfo")) as { processInfo: { type: string; id: number }[] };
    let best: { pid: number; rss: number; peak: number } | undefined;
    for (const p of info.processInfo.filter((x) => x.type === "renderer")) {
      const m = procMemory(p.id);
      if (m && (!best || m.rss > best.rss)) best = { pid: p.id, ...m };
    }
    return best;
  } finally {
    await cdp.detach();
  }
}

/** VmRSS and VmHWM (peak) of a process, MB. */
export function procMemory(pid: number): { rss: number; peak: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+)`, "m").exec(status)?.[1] ?? NaN);
    return { rss: kb("VmRSS") / 1000, peak: kb("VmHWM") / 1000 };
  } catch {
    return undefined;
  }
}

/** The machine a run came from, for every JSON line. */
export async function describeMachine(): Promise<Machine> {
  const executablePath: string | undefined = findChromium();
  const browser = await chromium.launch({ executablePath, args: chromiumArgs() as string[] });
  const version = browser.version();
  await browser.close();
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? "unknown",
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    browser: `headless Chromium ${version}`,
  };
}

/** Starts a new peak for procMemory (Linux: writing 5 to clear_refs resets VmHWM). */
export function resetPeak(pid: number): void {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, "5");
  } catch {
    // Not permitted here: the peak then covers the process's whole life.
  }
}

/**
 * Runs `action` under the renderer's CPU profiler when `dir` is given, and
 * writes `<name>.cpuprofile` there (DevTools' Performance panel opens it).
 */
export async function profiled<T>(session: Session, dir: string | undefined, name: string, action: () => Promise<T>): Promise<T> {
  if (!dir) return action();
  await session.cdp.send("Profiler.enable");
  await session.cdp.send("Profiler.setSamplingInterval", { interval: 200 });
  await session.cdp.send("Profiler.start");
  try {
    return await action();
  } finally {
    const { profile } = await session.cdp.send("Profiler.stop");
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, `${name}.cpuprofile`), JSON.stringify(profile));
  }
}
