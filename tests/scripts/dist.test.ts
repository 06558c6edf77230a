/**
 * `npm run dist`: which platform it packages for, where electron-builder
 * will get Electron from, and the one line a user sees when it cannot.
 */
import { spawnSync } from "node:child_process";
import * as fsPromises from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
// @ts-expect-error plain ES module run by npm run dist
import * as untypedDist from "../../scripts/dist.mjs";

type Source = { kind: "installed"; electronDist: string } | { kind: "cached"; zip: string } | { kind: "download"; url: string };
const dist = untypedDist as {
  distTarget(args: string[], host: NodeJS.Platform): { builderFlag: string; electron: string; label: string; passOn: string[] };
  electronSource(facts: object): Source;
  electronCacheRoots(env: Record<string, string | undefined>, platform: NodeJS.Platform, home: string): string[];
  summariseBuilderFailure(output: string): string;
};

const root = path.join(import.meta.dirname, "..", "..");

describe("distTarget", () => {
  it("packages for the host unless told otherwise, and passes other flags on", () => {
    expect(dist.distTarget([], "linux")).toMatchObject({ builderFlag: "--linux", electron: "linux", passOn: [] });
    expect(dist.distTarget(["--win", "--dir"], "darwin")).toMatchObject({ builderFlag: "--win", electron: "win32", passOn: ["--dir"] });
    expect(() => dist.distTarget(["--mac", "--win"], "linux")).toThrow(/one platform at a time/);
  });
});

describe("electronSource", () => {
  const facts = { version: "45.4.1", platform: "linux", arch: "x64", hostPlatform: "linux", cacheRoots: ["/cache/a", "/cache/b"], env: {}, findFile: () => false };

  it("uses the installed Electron only for the host's own platform", () => {
    expect(dist.electronSource({ ...facts, installedDist: "/p/node_modules/electron/dist" })).toEqual({ kind: "installed", electronDist: "/p/node_modules/electron/dist" });
    expect(dist.electronSource({ ...facts, platform: "win32", installedDist: "/p/node_modules/electron/dist" }).kind).toBe("download");
  });

  it("uses a zip already in a cache", () => {
    const findFile = (dir: string, name: string) => dir === "/cache/b" && name === "electron-v45.4.1-linux-x64.zip";
    expect(dist.electronSource({ ...facts, findFile })).toEqual({ kind: "cached", zip: "electron-v45.4.1-linux-x64.zip" });
  });

  it("else downloads, from ELECTRON_MIRROR when set", () => {
    expect(dist.electronSource(facts)).toEqual({ kind: "download", url: "https://github.com/electron/electron/releases/download/v45.4.1/electron-v45.4.1-linux-x64.zip" });
    expect(dist.electronSource({ ...facts, env: { ELECTRON_MIRROR: "https://mirror.example/electron" } })).toEqual({
      kind: "download",
      url: "https://mirror.example/electron/v45.4.1/electron-v45.4.1-linux-x64.zip",
    });
  });

  it("knows electron-builder's and @electron/get's cache folders", () => {
    expect(dist.electronCacheRoots({}, "linux", "/home/ana")).toEqual(["/home/ana/.cache/electron-builder", "/home/ana/.cache/electron"]);
    expect(dist.electronCacheRoots({ ELECTRON_CACHE: "/zips" }, "darwin", "/Users/ana")).toEqual([
      "/zips",
      "/Users/ana/Library/Caches/electron-builder",
      "/Users/ana/Library/Caches/electron",
    ]);
  });
});

describe("summariseBuilderFailure", () => {
  it("keeps electron-builder's error line and drops its stack trace", () => {
    const output = [
      "  • electron-builder  version=26.18.1 os=6.18.44",
      "  • packaging       platform=linux arch=x64 electron=45.4.1 appOutDir=release/linux-unpacked",
      "  ⨯ getaddrinfo ENOTFOUND github.com  failedTask=build stackTrace=RequestError: getaddrinfo ENOTFOUND github.com",
      "    at ClientRequest.<anonymous> (/p/node_modules/got/dist/source/core/index.js:970:111)",
    ].join("\n");
    expect(dist.summariseBuilderFailure(output)).toBe("getaddrinfo ENOTFOUND github.com");
  });
});

describe("npm run dist where Electron cannot be downloaded", () => {
  let home: string;
  beforeEach(async () => {
    home = await fsPromises.mkdtemp(path.join(os.tmpdir(), "spanwise-dist-"));
  });
  afterEach(async () => {
    await fsPromises.rm(home, { recursive: true, force: true });
  });

  it("says so in one line, before building anything", () => {
    // Another platform than the host's (so an installed Electron does not count), empty caches, a mirror nobody answers on.
    const other = process.platform === "linux" ? "--mac" : "--linux";
    const env = { ...process.env, HOME: home, USERPROFILE: home, XDG_CACHE_HOME: home, LOCALAPPDATA: home, ELECTRON_CACHE: "", ELECTRON_BUILDER_CACHE: "", ELECTRON_MIRROR: "https://127.0.0.1:1/" };
    const run = spawnSync(process.execPath, [path.join(root, "scripts", "dist.mjs"), other], { cwd: root, env, encoding: "utf8", timeout: 30_000 });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr.trimEnd().split("\n")).toEqual([expect.stringMatching(/^Spanwise: cannot package for (macOS|Linux): Electron [\d.]+ \(\w+-\w+\) is not installed or cached and cannot be downloaded here \(.+\); run npm run dist on a machine with network access/)]);
  });
});
