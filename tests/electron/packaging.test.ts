/**
 * The packaged app's settings in build/electron-builder.yml: the fuses that
 * stop the shipped binary from being used as a Node runtime or debugged from
 * its command line, the asar packaging they rely on, and the files that go
 * into the app. electron-builder cannot run here (it downloads Electron), so
 * the test reads the config the way electron-builder does and resolves its
 * `files` globs with electron-builder's own matcher against the tree a
 * build leaves behind.
 */
import { readdirSync, readFileSync } from "node:fs";
import * as fsPromises from "node:fs/promises";
import { builtinModules, createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { build, type Metafile } from "esbuild";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { appPaths } from "../../electron/appPaths";
// @ts-expect-error plain ES module shared with the start script
import { ELECTRON_BUNDLES as untypedBundles, electronBundleOptions as untypedBundleOptions } from "../../scripts/build-electron.mjs";

const root = path.join(import.meta.dirname, "..", "..");
const config = parse(readFileSync(path.join(root, "build", "electron-builder.yml"), "utf8")) as Record<string, unknown>;
const packageJson = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { dependencies: Record<string, string> };

type Bundle = { input: string; output: string };
const ELECTRON_BUNDLES = untypedBundles as Bundle[];
const electronBundleOptions = untypedBundleOptions as (bundle: Bundle, where: { root: string; outDir: string }) => Parameters<typeof build>[0];

// electron-builder's own file matcher, found the way electron-builder finds it.
type Stat = { isDirectory(): boolean; moduleFullFilePath?: string };
type Matcher = { patterns: string[]; createFilter(): (file: string, stat: Stat) => boolean };
const fileMatcher = createRequire(createRequire(import.meta.url).resolve("electron-builder"))("app-builder-lib/out/fileMatcher") as {
  getMainFileMatchers(appDir: string, destination: string, expand: (s: string) => string, platformOptions: object, packager: object, outDir: string, electronCompile: boolean): Matcher[];
  FileMatcher: new (from: string, to: string, expand: (s: string) => string, patterns: string[]) => Matcher;
};

/** What a full build (`npm run build`) leaves in the project, next to the sources. */
const BUILT_TREE = [
  "package.json",
  "package-lock.json",
  "README.md",
  "dist/index.html",
  "dist/manifest.webmanifest",
  "dist/sw.js",
  "dist/icons/icon-192.png",
  "dist/assets/index-3f9a1c.js",
  "dist/assets/index-3f9a1c.js.map",
  "dist/assets/index-77b2e0.css",
  "dist/assets/projectFile.worker-1a2b3c.js",
  "dist/assets/projectFile.worker-1a2b3c.js.map",
  "dist-electron/main.cjs",
  "dist-electron/main.cjs.map",
  "dist-electron/preload.cjs",
  "dist-electron/preload.cjs.map",
  "dist-cli/spanwise.mjs",
  "electron/main.ts",
  "electron/preload.ts",
  "renderer/main.tsx",
  "shared/bridge.ts",
  "tests/fixtures/summit.txt",
  "scripts/start.mjs",
  "bench/run.mjs",
  "build/electron-builder.yml",
  "build/icon.png",
  "release/linux-unpacked/spanwise",
  "release/dist.log",
  "tsconfig.json",
  "vite.config.ts",
];

/** Files of the app's production dependencies, which electron-builder collects separately. */
const DEPENDENCY_FILES = Object.keys(packageJson.dependencies).flatMap((name) => [`node_modules/${name}/package.json`, `node_modules/${name}/index.js`]);

const APP_DIR = "/project";
const expand = (s: string) => s.replace("${arch}", "x64").replace("${os}", "linux");
const fileStat = (relative?: string): Stat => ({ isDirectory: () => false, ...(relative ? { moduleFullFilePath: relative } : {}) });
const dirStat: Stat = { isDirectory: () => true };

/** The files electron-builder would put into the app, from the config alone. */
function packagedFiles(): string[] {
  const packager = {
    isPrepackedAppAsar: false,
    config,
    projectDir: APP_DIR,
    buildResourcesDir: (config.directories as { buildResources: string }).buildResources,
    debugLogger: { isEnabled: false },
  };
  const outDir = path.join(APP_DIR, (config.directories as { output: string }).output);
  const [main] = fileMatcher.getMainFileMatchers(APP_DIR, "/app", expand, {}, { info: packager }, outDir, false);
  const filter = main!.createFilter();
  // The walker never enters a folder the filter refuses.
  const walked = (relative: string) => {
    const parts = relative.split("/");
    for (let i = 1; i < parts.length; i++) if (!filter(path.posix.join(APP_DIR, ...parts.slice(0, i)), dirStat)) return false;
    return filter(path.posix.join(APP_DIR, relative), fileStat());
  };
  const app = BUILT_TREE.filter(walked);
  // Production dependencies go through a matcher of the same patterns, judged by their path in the app.
  const modules = DEPENDENCY_FILES.filter((relative) => {
    const [, name] = relative.split("/");
    const dependency = new fileMatcher.FileMatcher(path.posix.join(APP_DIR, "node_modules", name!), `/app/node_modules/${name}`, expand, main!.patterns);
    return dependency.createFilter()(path.posix.join(APP_DIR, relative), fileStat(relative));
  });
  return [...app, ...modules].sort();
}

describe("electron-builder config", () => {
  it("flips the fuses that lock down the packaged binary", () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it("packs the app into an asar started from the main bundle", () => {
    // onlyLoadAppFromAsar and asar integrity mean nothing without an asar.
    expect(config.asar).toBe(true);
    expect(config.extraMetadata).toEqual({ main: "dist-electron/main.cjs" });
  });

  it("packs exactly the two builds and package.json: no sources, source maps, tests or node_modules", () => {
    expect(packagedFiles()).toEqual([
      "dist-electron/main.cjs",
      "dist-electron/preload.cjs",
      "dist/assets/index-3f9a1c.js",
      "dist/assets/index-77b2e0.css",
      "dist/assets/projectFile.worker-1a2b3c.js",
      "dist/icons/icon-192.png",
      "dist/index.html",
      "dist/manifest.webmanifest",
      "dist/sw.js",
      "package.json",
    ]);
  });

  it("packs what main, the preload and the renderer load", () => {
    const packaged = packagedFiles();
    const main = (config.extraMetadata as { main: string }).main;
    expect(packaged).toContain(main);
    // The paths the running shell computes from its own folder (electron/appPaths.ts).
    const bundleDir = path.posix.join("/app", path.posix.dirname(main));
    const { distRoot, preloadPath } = appPaths(bundleDir);
    expect(packaged).toContain(path.posix.relative("/app", preloadPath));
    expect(packaged).toContain(path.posix.relative("/app", path.posix.join(distRoot, "index.html")));
  });

  it("has bundles that need nothing from node_modules at run time", async () => {
    // Built with the shell's own esbuild options, so a new import of a package shows up here.
    const outDir = await fsPromises.mkdtemp(path.join(os.tmpdir(), "spanwise-bundles-"));
    try {
      for (const bundle of ELECTRON_BUNDLES) {
        const result = await build({ ...electronBundleOptions(bundle, { root, outDir }), metafile: true, write: false, logLevel: "silent" });
        const imports = Object.values((result.metafile as Metafile).outputs).flatMap((output) => output.imports.filter((i) => i.external).map((i) => i.path));
        const runtime = new Set(["electron", ...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);
        expect(imports.filter((name) => !runtime.has(name)), bundle.input).toEqual([]);
      }
    } finally {
      await fsPromises.rm(outDir, { recursive: true, force: true });
    }
  });

  it("skips rebuilding native modules: the app has none", () => {
    expect(config.npmRebuild).toBe(false);
  });

  it("has a shell that never needs what the fuses turn off", () => {
    // With runAsNode off, child_process.fork from main stops working; with
    // the inspect arguments off, nothing may rely on a debugger port.
    const sources = readdirSync(path.join(root, "electron")).filter((name) => name.endsWith(".ts"));
    expect(sources.length).toBeGreaterThan(0);
    for (const name of sources) {
      const text = readFileSync(path.join(root, "electron", name), "utf8");
      expect(text, name).not.toMatch(/child_process|ELECTRON_RUN_AS_NODE|NODE_OPTIONS|--inspect|file:\/\//);
    }
  });
});
