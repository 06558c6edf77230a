/**
 * The packaged app's settings in build/electron-builder.yml: the fuses that
 * stop the shipped binary from being used as a Node runtime or debugged from
 * its command line, and the asar packaging they rely on. electron-builder
 * cannot run here (it downloads Electron), so the test reads the config the
 * way electron-builder does and checks the settings that matter.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

const root = path.join(import.meta.dirname, "..", "..");
const config = parse(readFileSync(path.join(root, "build", "electron-builder.yml"), "utf8")) as Record<string, unknown>;

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

  it("packs the app into an asar holding only the two builds, started from the main bundle", () => {
    // onlyLoadAppFromAsar and asar integrity mean nothing without an asar.
    expect(config.asar).toBe(true);
    expect(config.extraMetadata).toEqual({ main: "dist-electron/main.cjs" });
    const files = config.files as string[];
    expect(files.filter((f) => !f.startsWith("!"))).toEqual(["dist/**", "dist-electron/**", "package.json"]);
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
