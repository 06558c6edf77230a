/**
 * What Chromium needs before it offers "Install Spanwise", checked on the
 * manifest vite.config.ts builds from, and on the icon files it lists. The
 * served manifest and Chromium's own verdict are checked in
 * tests/e2e/offline.spec.ts.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { APPLE_TOUCH_ICON, webAppManifest } from "../../../renderer/pwa/manifest";
import { CONTENT_SECURITY_POLICY } from "../../../shared/csp";

const PUBLIC = path.join(import.meta.dirname, "..", "..", "..", "renderer", "public");

/** Width and height from a PNG's IHDR chunk; throws when the bytes are not a PNG. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!bytes.subarray(0, 8).equals(signature) || bytes.toString("latin1", 12, 16) !== "IHDR") throw new Error("not a PNG");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** True when `url` is relative to the manifest (no scheme, no leading slash), so the build works under any path. */
const isRelative = (url: string) => !/^[a-z][a-z0-9+.-]*:/i.test(url) && !url.startsWith("/");

describe("the web app manifest", () => {
  it("names the app and opens it in its own window", () => {
    expect(webAppManifest.name).toBe("Spanwise");
    expect(webAppManifest.short_name.length).toBeGreaterThan(0);
    expect(webAppManifest.short_name.length).toBeLessThanOrEqual(12); // what a launcher shows without cutting it
    expect(webAppManifest.display).toBe("standalone");
    expect(webAppManifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
    expect(webAppManifest.background_color).toMatch(/^#[0-9a-f]{6}$/i);
  });

  it("starts inside its scope, with every URL relative so any static path works", () => {
    for (const url of [webAppManifest.id, webAppManifest.start_url, webAppManifest.scope, ...webAppManifest.icons.map((i) => i.src)]) {
      expect(isRelative(url), url).toBe(true);
    }
    const base = "https://lab.example/tools/spanwise/manifest.webmanifest";
    const scope = new URL(webAppManifest.scope, base).href;
    expect(new URL(webAppManifest.start_url, base).href.startsWith(scope)).toBe(true);
    expect(scope).toBe("https://lab.example/tools/spanwise/");
  });

  it("lists PNG icons of 192 and 512 pixels, plain and maskable, each a file of the size it claims", () => {
    const sizes = (purpose: string) => webAppManifest.icons.filter((i) => i.purpose === purpose).map((i) => i.sizes);
    expect(sizes("any")).toEqual(expect.arrayContaining(["192x192", "512x512"]));
    expect(sizes("maskable")).toEqual(expect.arrayContaining(["192x192", "512x512"]));
    for (const icon of webAppManifest.icons) {
      const file = path.join(PUBLIC, icon.src);
      expect(existsSync(file), `${icon.src} is missing: run node build/render-icon.mjs`).toBe(true);
      const { width, height } = pngSize(readFileSync(file));
      expect(`${width}x${height}`, icon.src).toBe(icon.sizes);
    }
  });

  it("has Safari's home-screen icon at 180 pixels", () => {
    expect(pngSize(readFileSync(path.join(PUBLIC, APPLE_TOUCH_ICON)))).toEqual({ width: 180, height: 180 });
  });
});

describe("the Content-Security-Policy of the installable build", () => {
  const directives = new Map(CONTENT_SECURITY_POLICY.split("; ").map((d) => [d.split(" ")[0]!, d.split(" ").slice(1)]));

  it("lets the app's own origin, and only it, provide the manifest and the service worker", () => {
    expect(directives.get("manifest-src")).toEqual(["'self'"]);
    expect(directives.get("worker-src")).toContain("'self'");
  });

  it("is the one README's hosting example tells a web server to send: the build's own (with its inline hashes)", () => {
    // That the build writes the file, and writes the built page's policy in it: tests/e2e/offline.spec.ts.
    const readme = readFileSync(path.join(import.meta.dirname, "..", "..", "..", "README.md"), "utf8");
    const sent = [...readme.matchAll(/add_header Content-Security-Policy "([^"]*)"/g)].map((m) => m[1]!);
    expect(sent.length).toBeGreaterThan(0);
    for (const policy of sent) expect(policy).toBe("<the line in dist/content-security-policy.txt>");
  });

  it("names no remote origin anywhere", () => {
    for (const [name, sources] of directives) {
      for (const source of sources) expect(source, name).toMatch(/^('self'|'none'|data:|blob:)$/);
    }
  });
});
