/**
 * The app under measurement: the built browser app served from dist/, driven
 * in headless Chromium. Every scenario gets a fresh browser, so each starts
 * with an empty IndexedDB and its own renderer process.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import os from "node:os";
import { chromium, type BrowserContext, type CDPSession, type Page } from "@playwright/test";
import { corpusKit } from "./corpus";
import { installProbe } from "./probe";
import { seedInPage, type SeedRequest, type SeedResult } from "./seed";
import type { Machine } from "./stats";
// @ts-expect-error plain ES module shared with the start script
import { chromiumArgs, findChromium } from "../scripts/chromium.mjs";

export interface Session {
  context: BrowserContext;
  page: Page;
  cdp: CDPSession;
  /** The browser's profile folder, with the store on disk as a user's is. */
  profileDir: string;
  /** Closes the browser and starts it again on the same profile, as a user quitting and reopening the app. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

/**
 * A fresh headless Chromium with the app open on an empty store. The browser
 * runs on a profile folder of its own (deleted on close), not in an
 * incognito-like context: there IndexedDB lives in memory, and reads of a
 * big store would look faster than a user's on disk.
 */
export async function openApp(url: string): Promise<Session> {
  const profileDir = mkdtempSync(path.join(os.tmpdir(), "spanwise-bench-profile-"));
  const start = async () => {
    const context = await launchBrowser(profileDir);
    const page = context.pages()[0] ?? (await context.newPage());
    await page.addInitScript(installProbe);
    await page.addInitScript({ content: `globalThis.__corpusKit = ${corpusKit.toString()};` });
    await page.goto(url);
    await answerFirstStart(page);
    const cdp = await context.newCDPSession(page);
    return { context, page, cdp };
  };
  const session: Session = {
    ...(await start()),
    profileDir,
    async restart() {
      await session.context.close();
      Object.assign(session, await start());
    },
    async close() {
      await session.context.close();
      rmSync(profileDir, { recursive: true, force: true });
    },
  };
  return session;
}

/** A headless Chromium on `profileDir`, as every scenario runs it. */
export function launchBrowser(profileDir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profileDir, {
    executablePath: findChromium() as string | undefined,
    args: [...(chromiumArgs() as string[]), "--enable-precise-memory-info"],
    viewport: { width: 1280, height: 800 },
    acceptDownloads: true,
  });
}

/**
 * Seeds a store as `seed` does and keeps the browser profile it lives in, for
 * cold starts from copies of it. `prepare` runs in the page after seeding
 * (e.g. to remember the document to reopen). The caller deletes the folder.
 */
export async function seededProfile(
  url: string,
  request: SeedRequest,
  prepare?: (seeded: SeedResult) => Promise<void>,
  settle?: (page: Page, seeded: SeedResult) => Promise<void>,
): Promise<{ profileDir: string; seeded: SeedResult }> {
  const session = await openApp(url);
  try {
    const seeded = await seed(session, request);
    if (prepare) await session.page.evaluate(prepare, seeded);
    if (settle) await settle(session.page, seeded);
    await session.context.close();
    return { profileDir: session.profileDir, seeded };
  } catch (error) {
    await session.close();
    throw error;
  }
}

/**
 * A copy of a seeded profile for one cold start: the store on disk as the
 * user left it, without the HTTP cache and V8's code cache, so the app's
 * scripts are fetched, parsed and compiled as on the first start after a
 * reboot or an update. `keptScreen: false` also drops localStorage, as on
 * the first start of a version that keeps no first screen yet. Returns the
 * copy's folder.
 */
export function coldProfile(template: string, { keptScreen = true } = {}): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "spanwise-bench-cold-"));
  cpSync(template, dir, { recursive: true });
  for (const cache of ["Cache", "Code Cache", "GPUCache", "DawnGraphiteCache", "DawnWebGPUCache"]) rmSync(path.join(dir, "Default", cache), { recursive: true, force: true });
  // Without localStorage, the app's kept first screen (renderer/firstPaint/snapshot.ts) is gone: the first paint reads IndexedDB.
  if (!keptScreen) rmSync(path.join(dir, "Default", "Local Storage"), { recursive: true, force: true });
  return dir;
}

/**
 * Navigates (or reloads) with `load`, then waits for the promise that an init
 * script of the new page put at `window[name]`, and returns what it resolves with.
 */
export async function afterLoad<T>(page: Page, load: () => Promise<unknown>, name: string): Promise<T> {
  await load();
  // A page that holds its main thread for long (Recogito anchoring 10,000 annotations on a busy
  // machine) answers late even this: the probe's own timeout is the one that counts.
  await page.waitForFunction((name) => (window as unknown as Record<string, unknown>)[name] !== undefined, name, { timeout: 600_000 });
  return page.evaluate((name) => (window as unknown as Record<string, Promise<T>>)[name]!, name);
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

/**
 * Writes a scenario's documents into the store, then restarts the browser,
 * so what is measured next reads the store from disk as after a restart of
 * the app (not from caches the writing left warm). `session.page` is a new
 * page afterwards.
 */
export async function seed(session: Session, request: SeedRequest): Promise<SeedResult> {
  const result = await session.page.evaluate(seedInPage, request);
  await session.restart();
  await session.page.locator(".sw-app").waitFor();
  return result;
}

/**
 * Waits until the app's automatic backup of `projectId` is written whole (it
 * starts 10 s after the app does, when the project has none): a backup of a
 * big project is encoded in a worker of its own for many seconds, and a
 * figure taken meanwhile measures the two together. Returns the seconds waited.
 */
export async function backupWritten(page: Page, projectId: string, timeoutMs = 300_000): Promise<number> {
  const started = Date.now();
  const done = () =>
    page.evaluate(async (id) => {
      const dir = await (await navigator.storage.getDirectory()).getDirectoryHandle("spanwise-backups", { create: true });
      const names: string[] = [];
      for await (const [name] of dir as unknown as AsyncIterable<[string, FileSystemHandle]>) names.push(name);
      // A backup being written shows as a ".crswap" file beside an empty one.
      if (names.some((n) => n.endsWith(".crswap"))) return false;
      for (const name of names.filter((n) => n.includes(id))) if ((await (await dir.getFileHandle(name)).getFile()).size > 0) return true;
      return false;
    }, projectId);
  while (!(await done())) {
    if (Date.now() - started > timeoutMs) throw new Error(`no backup of ${projectId} was written in ${timeoutMs / 1000} s`);
    await page.waitForTimeout(250);
  }
  return (Date.now() - started) / 1000;
}

/** The JS heap in use after a full garbage collection, MB. */
export async function heapAfterGc(cdp: CDPSession): Promise<number> {
  await cdp.send("HeapProfiler.collectGarbage");
  const { usedSize } = await cdp.send("Runtime.getHeapUsage");
  return usedSize / 1e6;
}

/**
 * Resident memory of the page's renderer process, MB, from /proc (Linux
 * only; undefined elsewhere): now, and the peak since `resetPeak`. The
 * renderer is the largest process started by the browser on this session's
 * profile.
 */
export async function rendererMemory(session: Session): Promise<{ pid: number; rss: number; peak: number } | undefined> {
  if (process.platform !== "linux") return undefined;
  const processes = readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .flatMap((name) => {
      try {
        const stat = readFileSync(`/proc/${name}/stat`, "utf8");
        const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
        return [{ pid: Number(name), parent, cmdline: readFileSync(`/proc/${name}/cmdline`, "utf8") }];
      } catch {
        return [];
      }
    });
  const browser = processes.find((p) => p.cmdline.includes(`--user-data-dir=${session.profileDir}`) && !p.cmdline.includes("--type="));
  if (!browser) return undefined;
  const ours = new Set([browser.pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const p of processes) {
      if (!ours.has(p.pid) && ours.has(p.parent)) {
        ours.add(p.pid);
        grew = true;
      }
    }
  }
  let best: { pid: number; rss: number; peak: number } | undefined;
  for (const p of processes.filter((x) => ours.has(x.pid) && x.cmdline.includes("--type=renderer"))) {
    const m = procMemory(p.pid);
    if (m && (!best || m.rss > best.rss)) best = { pid: p.pid, ...m };
  }
  return best;
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
