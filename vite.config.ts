import { defineConfig, type Plugin } from "vite";
import react from "@vitejs/plugin-react";
import { VitePWA } from "vite-plugin-pwa";
import { readFileSync, statSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { createHash } from "node:crypto";
import { build as esbuild } from "esbuild";
import path from "node:path";
import { CONTENT_SECURITY_POLICY, contentSecurityPolicy, metaPolicy, pagePolicy } from "./shared/csp";
import { FIRST_PAINT_SCRIPT } from "./renderer/firstPaint/scriptAttribute";
import { APPLE_TOUCH_ICON, THEME_COLOR, webAppManifest } from "./renderer/pwa/manifest";

const { version } = JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8")) as { version: string };

/**
 * The preview server (`npm run web`, `npm start`) sends with every response
 * the built page's own policy (with its inline hashes), read again whenever
 * dist/index.html changes: a build made while the server runs brings new
 * hashes, and a stale policy would block the page's inline stylesheet.
 */
function previewPolicy(): Plugin {
  const page = process.env.SPANWISE_DIST ? path.join(process.env.SPANWISE_DIST, "index.html") : fileURLToPath(new URL("./dist/index.html", import.meta.url));
  let known: { mtimeMs: number; policy: string } | null = null;
  const current = (): string => {
    try {
      const { mtimeMs } = statSync(page);
      if (known?.mtimeMs !== mtimeMs) known = { mtimeMs, policy: pagePolicy(readFileSync(page, "utf8")) };
      return known.policy;
    } catch {
      return CONTENT_SECURITY_POLICY;
    }
  };
  return {
    name: "spanwise-preview-policy",
    configurePreviewServer(server) {
      server.middlewares.use((_request, response, next) => {
        response.setHeader("Content-Security-Policy", current());
        next();
      });
    },
  };
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

const sha256 = (text: string) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;

/** The file beside index.html that holds the header a web server sends with it (README's hosting example). */
const POLICY_FILE = "content-security-policy.txt";

/**
 * What the page needs for its first screen, inline in index.html so that
 * nothing waits for a file fetch (on a cold start each fetch through the
 * service worker took ~100 ms):
 * - the first paint (renderer/firstPaint), a few kB at the top of the
 *   body, run as the page is read, so the reopened document is painted
 *   while the browser still fetches the app: bundled on its own by esbuild,
 *   with its own copy of the few small modules it shares with the app;
 * - the app's stylesheet, which every paint waits for (a linked one
 *   arrived ~120 ms after the page).
 * Each is allowed by its hash in the CSP, which the page states in a
 * <meta> (frame-ancestors aside, as only a header can carry it) and which
 * the build also writes to content-security-policy.txt for web servers.
 * The app's own script is preloaded at once and evaluated once the first
 * paint is up (main.tsx, gate.ts). Only in the build; the dev server shows
 * the app as it loads.
 */
function inlineFirstScreen(): Plugin {
  let code = "";
  let policy = "";
  return {
    name: "spanwise-inline-first-screen",
    apply: "build",
    async buildStart() {
      const out = await esbuild({ entryPoints: ["renderer/firstPaint/entry.ts"], bundle: true, format: "iife", target: "es2022", minify: true, write: false, logLevel: "warning" });
      code = out.outputFiles[0]!.text.trimEnd();
      if (/<\/script|<!--/i.test(code)) throw new Error("the first paint's script cannot be put inline: it contains </script or <!--");
    },
    transformIndexHtml: {
      order: "post",
      handler(html, ctx) {
        const bundle = ctx.bundle ?? {};
        // The app's stylesheet, in place of its link.
        const link = /<link rel="stylesheet"[^>]*href="\.\/([^"]+\.css)">/.exec(html);
        const sheet = link && bundle[link[1]!];
        if (!link || !sheet || sheet.type !== "asset") throw new Error("index.html links no stylesheet of this build to put inline");
        const css = String(sheet.source).trim();
        if (/<\/style/i.test(css)) throw new Error("the stylesheet cannot be put inline: it contains </style");
        let out = html.replace(link[0], `<style>${css}</style>`);
        // The app (boot.tsx, imported by main.tsx once the first paint is up) is fetched and compiled at once, evaluated later.
        const chunks = new Map(Object.values(bundle).flatMap((c) => (c.type === "chunk" ? [[c.fileName, c] as const] : [])));
        const boot = [...chunks.values()].find((c) => c.facadeModuleId?.endsWith("/renderer/boot.tsx"));
        if (!boot) throw new Error("the app's boot chunk is missing from the build");
        const preload = new Set<string>();
        const visit = (file: string) => {
          if (preload.has(file) || out.includes(`/${file}"`)) return;
          preload.add(file);
          for (const next of chunks.get(file)?.imports ?? []) visit(next);
        };
        visit(boot.fileName);
        const links = [...preload].map((file) => `<link rel="modulepreload" crossorigin href="./${file}">`).join("\n    ");
        out = out.replace("</head>", `  ${links}\n  </head>`);
        // The first paint, first thing in the body: it paints into it at once (no stylesheet is pending, so nothing holds it).
        if (!/<body>/.test(out)) throw new Error("index.html has no <body> to put the first paint in");
        out = out.replace("<body>", `<body>\n    <script ${FIRST_PAINT_SCRIPT}>${code}</script>`);
        const hashes = { scripts: [sha256(code)], styles: [sha256(css)] };
        policy = contentSecurityPolicy(hashes);
        return out.replace(/<head>/, `<head>\n    <meta http-equiv="Content-Security-Policy" content="${metaPolicy(hashes)}">`);
      },
    },
    // Written once index.html is final (it is made in the bundle's last step).
    writeBundle(options) {
      if (policy && options.dir) writeFileSync(path.join(options.dir, POLICY_FILE), `${policy}\n`);
    },
  };
}

// The renderer is built to dist/ with relative asset URLs so the same build
// loads from the desktop shell's app:// scheme and from `npm run web`.
export default defineConfig({
  root: "renderer",
  base: "./",
  // The app has no routes of its own: a missing file is a 404, never index.html (which would hide a broken build).
  appType: "mpa",
  plugins: [react(), inlineFirstScreen(), offlineApp(), previewPolicy()],
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
  },
});
