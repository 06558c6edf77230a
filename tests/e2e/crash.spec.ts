/**
 * A span shown as saved survives the browser being killed at once: Chromium
 * runs on a profile folder of its own, the test tags spans, waits for "All
 * changes saved", SIGKILLs the whole browser (no shutdown, no flush), starts
 * it again on the same folder and finds every span.
 *
 * Playwright's persistent contexts hide the browser's process, so the test
 * starts Chromium itself with a DevTools port and connects over CDP.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, expect, test, type Browser, type Page } from "@playwright/test";
// @ts-expect-error plain ES module shared with the start script
import { chromiumArgs, findChromium } from "../../scripts/chromium.mjs";
import { expectSaved, fixture, importFiles, nameAnnotator, openDocument, selectWithMouse, spanRows } from "./helpers";

const executable: string | undefined = findChromium();

interface RunningBrowser {
  process: ChildProcess;
  browser: Browser;
  page: Page;
}

/** Starts Chromium on `profile` and connects to it; the caller kills it. */
async function launch(profile: string): Promise<RunningBrowser> {
  // The window size of the other tests: headless Chromium's own is 800×600, where the side panels are drawers.
  const child = spawn(
    executable!,
    [...(chromiumArgs() as string[]), "--headless=new", "--window-size=1280,720", `--user-data-dir=${profile}`, "--remote-debugging-port=0", "--remote-debugging-address=127.0.0.1", "about:blank"],
    // Its own process group, so the kill takes the renderer and helper processes too, as a crash or power cut would.
    { detached: true, stdio: ["ignore", "ignore", "pipe"] },
  );
  const endpoint = await new Promise<string>((resolve, reject) => {
    let output = "";
    child.stderr!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const match = /DevTools listening on (ws:\/\/\S+)/.exec(output);
      if (match) resolve(match[1]!);
    });
    child.on("exit", (code) => reject(new Error(`Chromium exited (${code}) before it was ready:\n${output}`)));
  });
  const browser = await chromium.connectOverCDP(endpoint);
  const context = browser.contexts()[0]!;
  const page = context.pages()[0] ?? (await context.newPage());
  return { process: child, browser, page };
}

/** SIGKILL to the browser and every process it started; resolves with the signal that ended it. */
async function kill(running: RunningBrowser): Promise<NodeJS.Signals | null> {
  const exited = new Promise<NodeJS.Signals | null>((resolve) => running.process.once("exit", (_code, signal) => resolve(signal)));
  process.kill(-running.process.pid!, "SIGKILL");
  return exited;
}

test.skip(executable === undefined, "no Chromium installed to start on a profile of its own");
test.skip(process.platform === "win32", "killing a process group with SIGKILL needs a POSIX system");

let profile: string;
const running: RunningBrowser[] = [];

test.beforeEach(() => {
  profile = mkdtempSync(path.join(os.tmpdir(), "spanwise-crash-profile-"));
});

test.afterEach(async () => {
  for (const browser of running.splice(0)) {
    if (browser.process.exitCode === null && browser.process.signalCode === null) await kill(browser);
  }
  rmSync(profile, { recursive: true, force: true });
});

test("spans shown as saved survive a SIGKILL of the browser", async ({ baseURL }) => {
  const first = await launch(profile);
  running.push(first);
  // A browser started by hand has no baseURL: the page opens the full address.
  await first.page.goto(baseURL!);
  await nameAnnotator(first.page);
  await importFiles(first.page, [fixture("summit.txt"), fixture("multiscript.txt")]);
  await openDocument(first.page, "summit");

  await selectWithMouse(first.page, "Foreign Minister Amara Okafor");
  await first.page.keyboard.press("1");
  await selectWithMouse(first.page, "Okafor met her counterpart");
  await first.page.keyboard.press("2");
  await expect.poll(() => spanRows(first.page)).toEqual(["Actor: Foreign Minister Amara Okafor", "Event: Okafor met her counterpart"]);
  await expectSaved(first.page);
  // The last tag is the one most at risk: kill right after it shows as saved.
  await selectWithMouse(first.page, "Amara Okafor");
  await first.page.keyboard.press("4");
  await expect.poll(() => spanRows(first.page)).toEqual([
    "Actor: Foreign Minister Amara Okafor",
    "Quote: Amara Okafor",
    "Event: Okafor met her counterpart",
  ]);
  await expectSaved(first.page);
  const before = await spanRows(first.page);
  // No shutdown: the browser gets no chance to flush or close its stores.
  expect(await kill(first)).toBe("SIGKILL");

  const second = await launch(profile);
  running.push(second);
  await second.page.goto(baseURL!);
  const documents = second.page.getByRole("navigation", { name: "Documents" });
  await expect(documents.locator(".sw-doc-source")).toHaveText(["summit.txt", "multiscript.txt"]);
  await openDocument(second.page, "summit");
  await expect.poll(() => spanRows(second.page)).toEqual(before);
  await expect(second.page.locator(".ProseMirror .sw-badge")).toHaveCount(3);
  await second.browser.close();
});
