import { defineConfig, type Plugin } from "vite";
import react from "@vitejs/plugin-react";
import { VitePWA } from "vite-plugin-pwa";
import { readFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { build as esbuild } from "esbuild";
import path from "node:path";
import { CONTENT_SECURITY_POLICY, metaPolicy, pagePolicy } from "./shared/csp";
import { FIRST_PAINT_SCRIPT } from "./renderer/firstPaint/scriptAttribute";
import { APPLE_TOUCH_ICON, THEME_COLOR, webAppManifest } from "./renderer/pwa/manifest";

const { version } = JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8")) as { version: string };

/**
 * Puts the CSP into the built index.html too, so the policy holds even where
 * no server sends the header (frame-ancestors only works as a header), with
 * the hashes of the page's inline scripts (the first paint's).
 */
function cspMeta(scriptHashes: () => readonly string[]): Plugin {
  return {
    name: "spanwise-csp-meta",
    apply: "build",
    transformIndexHtml: () => [{ tag: "meta", attrs: { "http-equiv": "Content-Security-Policy", content: metaPolicy(scriptHashes()) }, injectTo: "head-prepend" }],
  };
}

/** The policy the preview server sends: the built page's own (with its inline script's hash), else the app's. */
function previewPolicy(): string {
  try {
    const dist = process.env.SPANWISE_DIST;
    return pagePolicy(readFileSync(dist ? path.join(dist, "index.html") : new URL("./dist/index.html", import.meta.url), "utf8"));
  } catch {
    return CONTENT_SECURITY_POLICY;
  }
}

/**
 * The installable, offline browser build: dist/manifest.webmanifest and a
 * Workbox service worker (dist/sw.js) that precaches every file the app
 * loads, so once opened it starts with the server stopped and the network
 * off. Nothing else is cached: the data lives in IndexedDB, and nothing
 * remote is fetched. A new version waits until the user reloads from the
 * notice (renderer/pwa/updates.ts) or the app is next started.
 */
function offlineApp(): Plugin[] {
  // vite-plugin-pwa links the manifest; the title bar's colour and Safari's home-screen icon are set here.
  const installTags: Plugin = {
    name: "spanwise-install-tags",
    apply: "build",
    transformIndexHtml: () => [
      { tag: "meta", attrs: { name: "theme-color", content: THEME_COLOR }, injectTo: "head" },
      { tag: "link", attrs: { rel: "apple-touch-icon", href: `./${APPLE_TOUCH_ICON}` }, injectTo: "head" },
    ],
  };
  const serviceWorker = VitePWA({
    registerType: "prompt",
    // Registered from boot.tsx, and only in a browser: the desktop shell loads the same dist/ from its own scheme.
    injectRegister: false,
    manifest: webAppManifest,
    // The glob below already takes every icon; listing them again would precache them twice.
    includeManifestIcons: false,
    workbox: {
      // The app shell, its lazily loaded chunks, the workers and the icons; never the source maps.
      globPatterns: ["**/*.{html,js,css,svg,png}"],
      globIgnores: ["**/*.map"],
      // Workbox skips (with a warning only) files over its 2 MiB default; the main bundle must never be skipped.
      maximumFileSizeToCacheInBytes: 16 * 1024 * 1024,
      // Opening the app's address (with any query) while offline gets the app; other files keep their own URL.
      navigateFallback: "index.html",
      navigateFallbackAllowlist: [/\/(index\.html)?(\?.*)?$/],
      cleanupOutdatedCaches: true,
      // The first install takes the open page at once, so it works offline without a reload;
      // an update still waits for the user (registerType "prompt" never skips waiting by itself).
      clientsClaim: true,
      runtimeCaching: [],
      sourcemap: false,
    },
  });
  return [installTags, ...serviceWorker];
}

/**
 * The first paint (renderer/firstPaint): a few kB that run before anything
 * else on the page, so that the reopened document is painted while the
 * browser still fetches the stylesheet and the app. Inline in index.html
 * (allowed by its hash in the CSP) and before the stylesheet's link: a file
 * of its own waited ~100 ms for its fetch on a cold start (through the
 * service worker), and a script after the link waits for the stylesheet.
 * Bundled on its own by esbuild, with its own copy of the few small modules
 * it shares with the app. Only in the build; the dev server shows the app as
 * it loads.
 */
function firstPaintEntry(): Plugin & { scriptHashes(): string[] } {
  let code = "";
  return {
    name: "spanwise-first-paint",
    apply: "build",
    scriptHashes: () => (code ? [`'sha256-${createHash("sha256").update(code).digest("base64")}'`] : []),
    async buildStart() {
      const out = await esbuild({ entryPoints: ["renderer/firstPaint/entry.ts"], bundle: true, format: "iife", target: "es2022", minify: true, write: false, logLevel: "warning" });
      code = out.outputFiles[0]!.text.trimEnd();
      if (/<\/script|<!--/i.test(code)) throw new Error("the first paint's script cannot be put inline: it contains </script or <!--");
    },
    transformIndexHtml: {
      order: "post",
      handler(html, ctx) {
        const title = html.indexOf("</title>");
        if (title < 0) throw new Error("index.html has no <title> to put the first paint after");
        // The app (boot.tsx, imported by main.tsx once the first paint is up) is fetched and compiled at once, evaluated later.
        const chunks = new Map(Object.values(ctx.bundle ?? {}).flatMap((c) => (c.type === "chunk" ? [[c.fileName, c] as const] : [])));
        const boot = [...chunks.values()].find((c) => c.facadeModuleId?.endsWith("/renderer/boot.tsx"));
        if (!boot) throw new Error("the app's boot chunk is missing from the build");
        const preload = new Set<string>();
        const visit = (file: string) => {
          if (preload.has(file) || html.includes(`/${file}"`)) return;
          preload.add(file);
          for (const next of chunks.get(file)?.imports ?? []) visit(next);
        };
        visit(boot.fileName);
        const links = [...preload].map((file) => `<link rel="modulepreload" crossorigin href="./${file}">`).join("\n    ");
        const head = html.indexOf("</head>");
        const withPreloads = `${html.slice(0, head)}  ${links}\n  ${html.slice(head)}`;
        const at = title + "</title>".length;
        return `${withPreloads.slice(0, at)}\n    <script ${FIRST_PAINT_SCRIPT}>${code}</script>${withPreloads.slice(at)}`;
      },
    },
  };
}

const firstPaint = firstPaintEntry();

// The renderer is built to dist/ with relative asset URLs so the same build
// loads from the desktop shell's app:// scheme and from `npm run web`.
export default defineConfig({
  root: "renderer",
  base: "./",
  // The app has no routes of its own: a missing file is a 404, never index.html (which would hide a broken build).
  appType: "mpa",
  plugins: [react(), cspMeta(() => firstPaint.scriptHashes()), firstPaint, offlineApp()],
  define: { __SPANWISE_VERSION__: JSON.stringify(version) },
  build: {
    // SPANWISE_DIST (an absolute path) builds elsewhere, e.g. for a benchmark beside a test run.
    outDir: process.env.SPANWISE_DIST ?? "../dist",
    emptyOutDir: true,
    sourcemap: true,
    target: "es2022",
  },
  preview: {
    host: "127.0.0.1",
    port: Number(process.env.PORT ?? 4173),
    strictPort: true,
    headers: { "Content-Security-Policy": previewPolicy() },
  },
});
