import { defineConfig, type Plugin } from "vite";
import react from "@vitejs/plugin-react";
import { readFileSync } from "node:fs";
import { CONTENT_SECURITY_POLICY } from "./shared/csp";

const { version } = JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8")) as { version: string };

/**
 * Puts the CSP into the built index.html too, so the policy holds even where
 * no server sends the header (frame-ancestors only works as a header).
 */
function cspMeta(): Plugin {
  const policy = CONTENT_SECURITY_POLICY.split("; ")
    .filter((d) => !d.startsWith("frame-ancestors"))
    .join("; ");
  return {
    name: "spanwise-csp-meta",
    apply: "build",
    transformIndexHtml: () => [{ tag: "meta", attrs: { "http-equiv": "Content-Security-Policy", content: policy }, injectTo: "head-prepend" }],
  };
}

// The renderer is built to dist/ with relative asset URLs so the same build
// loads from the desktop shell's app:// scheme and from `npm run web`.
export default defineConfig({
  root: "renderer",
  base: "./",
  plugins: [react(), cspMeta()],
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
    headers: { "Content-Security-Policy": CONTENT_SECURITY_POLICY },
  },
});
