/**
 * The browser build as an installable app that works offline (issue 12 §5):
 * Chromium's own installability verdict, a whole session with the server
 * stopped and the network off, the message on an address that is not
 * secure, and the update notice when a new version of the app is deployed.
 *
 * All but the first test start their own servers (ports E2E_PORT+1 and
 * E2E_PORT+2) so that they can stop them or change what they serve.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, expect, test, type Page } from "@playwright/test";
// @ts-expect-error plain ES module shared with the start script
import { chromiumArgs, findChromium } from "../../scripts/chromium.mjs";
// @ts-expect-error plain ES module: the server `npm run web` runs
import { startWebServer } from "../../scripts/web.mjs";
import { webAppManifest } from "../../renderer/pwa/manifest";
import { pagePolicy } from "../../shared/csp";
import { expectSaved, fixture, importFiles, menuItem, nameAnnotator, spanRows } from "./helpers";
import { serveFolder } from "./staticServer";

const ROOT = path.join(import.meta.dirname, "..", "..");
const DIST = path.join(ROOT, "dist");
const E2E_PORT = Number(process.env.E2E_PORT ?? 4174);

interface ExportedRecord {
  text: string;
  spans: { start: number; end: number; label: string; text: string }[];
}

/** Python's text[start:end]: slicing by code points. */
const pySlice = (text: string, start: number, end: number) => Array.from(text).slice(start, end).join("");

/** Waits until the service worker has installed the app and controls this page. */
async function waitForServiceWorkerControl(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller?.state === "activated");
}

/** Collects Content-Security-Policy violations from the first script on (zod's eval probe aside, see hostile.spec.ts). */
async function recordCspViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const violations: string[] = [];
    Object.defineProperty(window, "__cspViolations", { value: violations });
    document.addEventListener("securitypolicyviolation", (event) => {
      if (event.blockedURI !== "eval") violations.push(`${event.violatedDirective}: ${event.blockedURI}`);
    });
  });
  return () => page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
}

test("Chromium finds the app installable: manifest, icons and service worker", async ({ baseURL }) => {
  // Chromium never offers to install from an incognito context, which is what Playwright's contexts are: use a real profile.
  const profile = mkdtempSync(path.join(os.tmpdir(), "spanwise-install-profile-"));
  const context = await chromium.launchPersistentContext(profile, { executablePath: findChromium(), args: chromiumArgs(), baseURL });
  try {
    await expectInstallable(context.pages()[0] ?? (await context.newPage()), baseURL!);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
});

async function expectInstallable(page: Page, baseURL: string): Promise<void> {
  const violations = await recordCspViolations(page);
  await page.goto("/");
  await nameAnnotator(page);
  await waitForServiceWorkerControl(page);

  const cdp = await page.context().newCDPSession(page);
  const { installabilityErrors } = (await cdp.send("Page.getInstallabilityErrors")) as { installabilityErrors: unknown[] };
  expect(installabilityErrors).toEqual([]);
  const { url, errors } = (await cdp.send("Page.getAppManifest")) as { url: string; errors: unknown[] };
  expect(url).toBe(new URL("manifest.webmanifest", baseURL).href);
  expect(errors).toEqual([]);

  // The served manifest is the one in renderer/pwa/manifest.ts; each icon is served as the PNG committed for it.
  const served = await page.request.get("manifest.webmanifest");
  expect(served.headers()["content-type"]).toContain("application/manifest+json");
  expect(await served.json()).toMatchObject({ ...webAppManifest });
  for (const icon of webAppManifest.icons) {
    const response = await page.request.get(icon.src);
    expect(response.headers()["content-type"], icon.src).toBe("image/png");
    expect((await response.body()).equals(readFileSync(path.join(ROOT, "renderer", "public", icon.src))), icon.src).toBe(true);
  }

  // A maskable icon fills its square to the corners (a launcher crops it); the plain one keeps its rounded tile.
  const corners = await page.evaluate(async (sources) => {
    const alphaAtCorner = async (src: string) => {
      const image = new Image();
      image.src = src;
      await image.decode();
      const canvas = new OffscreenCanvas(image.width, image.height);
      const context = canvas.getContext("2d")!;
      context.drawImage(image, 0, 0);
      return context.getImageData(1, 1, 1, 1).data[3];
    };
    return { maskable: await alphaAtCorner(sources.maskable), plain: await alphaAtCorner(sources.plain) };
  }, { maskable: "icons/maskable-512.png", plain: "icons/icon-512.png" });
  expect(corners).toEqual({ maskable: 255, plain: 0 });

  expect(await violations()).toEqual([]);
}

test("with the server stopped and the network off, the app starts, tags and exports", async ({ page, context }) => {
  const server = (await startWebServer({ port: E2E_PORT + 1, buildCheck: false, log: () => undefined })) as { url: string; close(): Promise<void> };
  let serverRunning = true;
  try {
    const violations = await recordCspViolations(page);
    await page.goto(server.url);
    await nameAnnotator(page);
    await waitForServiceWorkerControl(page);
    await importFiles(page, [fixture("offline-talks.txt")]);
    const documents = page.getByRole("navigation", { name: "Documents" });
    await documents.getByRole("button").first().click();
    await expect(page.locator(".ProseMirror")).toContainText("Ismaʿil Haniyeh met the mediators");

    await server.close();
    serverRunning = false;
    await expect(fetch(server.url)).rejects.toThrow();
    await context.setOffline(true);
    await page.reload();

    // The last document comes back from IndexedDB, in the app served by the service worker.
    await expect(page.locator(".ProseMirror")).toContainText("Ismaʿil Haniyeh met the mediators");
    await expect(page.getByRole("button", { name: "Annotator: Ana" })).toBeVisible();

    // Keyboard only: the second paragraph's first two words.
    await page.locator(".ProseMirror").focus();
    await page.keyboard.press("Control+Home");
    await page.keyboard.press("Control+ArrowDown");
    await page.keyboard.press("Control+Shift+ArrowRight");
    await page.keyboard.press("Control+Shift+ArrowRight");
    await page.keyboard.press("1");
    await expectSaved(page);
    await expect.poll(() => spanRows(page)).toEqual(["Actor: Ismaʿil Haniyeh"]);

    const downloading = page.waitForEvent("download");
    await menuItem(page, "Export", "Export JSONL");
    const record = JSON.parse(readFileSync(await (await downloading).path(), "utf8").trim()) as ExportedRecord;
    expect(record.spans.map((s) => `${s.label}: ${s.text}`)).toEqual(["actor: Ismaʿil Haniyeh"]);
    const [span] = record.spans;
    expect(pySlice(record.text, span!.start, span!.end)).toBe("Ismaʿil Haniyeh");
    // Code points, not UTF-16 units: the first line's flag and dove are astral.
    expect(span!.start).toBe(Array.from(record.text.slice(0, record.text.indexOf("Ismaʿil"))).length);
    expect(span!.start).toBeLessThan(record.text.indexOf("Ismaʿil"));

    expect(await violations()).toEqual([]);
  } finally {
    if (serverRunning) await server.close();
  }
});

test("the build writes the policy a web server sends with it: the page's own, with the hashes of what is inline", () => {
  const html = readFileSync(path.join(DIST, "index.html"), "utf8");
  const policy = readFileSync(path.join(DIST, "content-security-policy.txt"), "utf8").trim();
  expect(policy).toBe(pagePolicy(html));
  const hashed = (name: string) => policy.split("; ").find((d) => d.startsWith(`${name} `))?.match(/'sha256-[^']+'/g) ?? [];
  expect(hashed("script-src")).toHaveLength(1);
  expect(hashed("style-src")).toHaveLength(1);
  expect(policy).toContain("frame-ancestors 'none'");
  // Nothing else inline: one <script> without src (the first paint) and one <style> (the stylesheet).
  expect(html.match(/<script(?![^>]*\bsrc=)[^>]*>/g)).toHaveLength(1);
  expect(html.match(/<style[^>]*>/g)).toHaveLength(1);
  expect(html).not.toMatch(/<link rel="stylesheet"/);
});

test("the preview server sends the built page's policy, and a new build's as soon as it is written", async () => {
  // A copy of the build, so that the test can write a new index.html while the server runs.
  const dist = mkdtempSync(path.join(os.tmpdir(), "spanwise-dist-"));
  cpSync(DIST, dist, { recursive: true });
  const before = process.env.SPANWISE_DIST;
  process.env.SPANWISE_DIST = dist;
  const server = (await startWebServer({ port: E2E_PORT + 3, buildCheck: false, log: () => undefined })) as { url: string; close(): Promise<void> };
  try {
    const policy = async (file = "") => (await fetch(`${server.url}${file}`)).headers.get("content-security-policy");
    const html = readFileSync(path.join(dist, "index.html"), "utf8");
    expect(await policy()).toBe(pagePolicy(html));
    expect(await policy("assets/missing.js")).toBe(pagePolicy(html));
    // A rebuild with another stylesheet: the page names another hash, and the server sends it.
    const rebuilt = html.replace(/style-src 'self' 'sha256-[^']+'/, "style-src 'self' 'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='");
    expect(rebuilt).not.toBe(html);
    writeFileSync(path.join(dist, "index.html"), rebuilt);
    utimesSync(path.join(dist, "index.html"), new Date(), new Date(Date.now() + 5000));
    expect(await policy()).toBe(pagePolicy(rebuilt));
  } finally {
    await server.close();
    if (before === undefined) delete process.env.SPANWISE_DIST;
    else process.env.SPANWISE_DIST = before;
    rmSync(dist, { recursive: true, force: true });
  }
});

test("served over plain HTTP from another address, the app says it needs a secure one and touches nothing", async () => {
  // A name that is not localhost makes http:// an insecure origin, where browsers withhold service workers,
  // private file storage and crypto.randomUUID. (Vite's preview server refuses unknown host names, so the test serves dist/ itself.)
  const host = "spanwise.test";
  const server = await serveFolder(DIST, E2E_PORT + 2);
  const browser = await chromium.launch({ executablePath: findChromium(), args: [...chromiumArgs(), `--host-resolver-rules=MAP ${host} 127.0.0.1`] });
  try {
    const page = await browser.newPage();
    const url = new URL(server.url);
    url.hostname = host;
    await page.goto(url.href);
    const message = page.getByRole("alert").filter({ hasText: "Spanwise needs a secure address" });
    await expect(message).toContainText(`Open it over HTTPS, or from localhost or 127.0.0.1 on this computer. ${url.origin} is neither`);
    await expect(message).toContainText("Nothing was read or saved at this address.");
    await page.screenshot({ path: test.info().outputPath("secure-address-required.png") });
    expect(await page.evaluate(() => "serviceWorker" in navigator)).toBe(false);
    expect(await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name))).toEqual([]);
  } finally {
    await browser.close();
    await server.close();
  }
});

test.describe("a new version deployed while the app is open", () => {
  const INDEX_REVISION = /(\{url:"index\.html",revision:")([0-9a-f]+)(")/;
  let version: "A" | "B" = "A";
  // Version B is the same build with a changed index.html, and so a changed sw.js: what a real deployment changes.
  const asDeployed = (file: string, bytes: Buffer) => {
    if (version === "A") return bytes;
    if (file === "sw.js") {
      const sw = bytes.toString("utf8");
      expect(sw, "sw.js no longer lists index.html as the test expects").toMatch(INDEX_REVISION);
      return Buffer.from(sw.replace(INDEX_REVISION, "$1version-b$3"));
    }
    if (file === "index.html") return Buffer.from(bytes.toString("utf8").replace("<head>", '<head><meta name="spanwise-test-version" content="B">'));
    return bytes;
  };
  /** Version B's marker; version A has none. A locator, so the check waits out a reload. */
  const versionB = (page: Page) => page.locator('meta[name="spanwise-test-version"][content="B"]');
  const updateNotice = (page: Page) => page.getByRole("status").filter({ hasText: "A new version is ready" });

  /** Opens version A with a document in it, deploys version B, and reloads: B installs and waits. */
  async function deployWhileOpen(page: Page, url: string): Promise<void> {
    version = "A";
    await page.goto(url);
    await nameAnnotator(page);
    await waitForServiceWorkerControl(page);
    await importFiles(page, [fixture("offline-talks.txt")]);
    await expect(page.getByRole("navigation", { name: "Documents" }).getByRole("button")).toHaveCount(1);
    await expect(updateNotice(page)).toHaveCount(0);

    version = "B";
    await page.reload();
    // The reload makes the browser fetch sw.js, and then the new version's files, before the notice can say it is ready.
    await expect(updateNotice(page)).toBeVisible({ timeout: 30_000 });
    // Until the user says so, the page runs the version it started with.
    await expect(versionB(page)).toHaveCount(0);
  }

  test("the notice says a new version is ready; Reload starts it, with the data kept", async ({ page }) => {
    const server = await serveFolder(DIST, E2E_PORT + 2, asDeployed);
    try {
      await deployWhileOpen(page, server.url);
      await page.screenshot({ path: test.info().outputPath("update-notice.png") });
      await updateNotice(page).getByRole("button", { name: "Reload" }).click();
      await expect(versionB(page)).toHaveCount(1);
      await expect(updateNotice(page)).toHaveCount(0);
      await expect(page.getByRole("navigation", { name: "Documents" }).getByRole("button")).toHaveCount(1);
    } finally {
      await server.close();
    }
  });

  test("without Reload, the new version starts the next time the app is opened", async ({ page, context }) => {
    const server = await serveFolder(DIST, E2E_PORT + 2, asDeployed);
    try {
      await deployWhileOpen(page, server.url);
      await page.close();
      const next = await context.newPage();
      await next.goto(server.url);
      await expect(versionB(next)).toHaveCount(1);
      await expect(updateNotice(next)).toHaveCount(0);
      await expect(next.getByRole("navigation", { name: "Documents" }).getByRole("button")).toHaveCount(1);
    } finally {
      await server.close();
    }
  });
});
