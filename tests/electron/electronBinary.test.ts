import * as fsPromises from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
// @ts-expect-error plain ES module shared with the start script
import { electronBinary as untypedElectronBinary } from "../../scripts/electron-binary.mjs";

type Found = { path: string } | { missing: string };
const electronBinary = untypedElectronBinary as (options?: { root?: string; env?: Record<string, string | undefined> }) => Found;

let root: string;
const electronDir = () => path.join(root, "node_modules", "electron");

async function installPackage({ pathTxt, binary }: { pathTxt?: string; binary?: string } = {}) {
  await fsPromises.mkdir(electronDir(), { recursive: true });
  await fsPromises.writeFile(path.join(electronDir(), "package.json"), "{}");
  if (pathTxt !== undefined) await fsPromises.writeFile(path.join(electronDir(), "path.txt"), pathTxt);
  if (binary !== undefined) {
    const file = path.join(electronDir(), "dist", binary);
    await fsPromises.mkdir(path.dirname(file), { recursive: true });
    await fsPromises.writeFile(file, "");
  }
}

beforeEach(async () => {
  root = await fsPromises.mkdtemp(path.join(os.tmpdir(), "spanwise-electron-bin-"));
});

afterEach(async () => {
  await fsPromises.rm(root, { recursive: true, force: true });
});

describe("electronBinary", () => {
  it("explains when the package is not installed", () => {
    expect(electronBinary({ root, env: {} })).toEqual({ missing: expect.stringMatching(/electron package is not installed/) });
  });

  it("explains when the binary was never downloaded", async () => {
    await installPackage();
    expect(electronBinary({ root, env: {} })).toEqual({ missing: expect.stringMatching(/node_modules\/electron\/dist is missing/) });
  });

  it("finds the binary named by path.txt", async () => {
    await installPackage({ pathTxt: "electron", binary: "electron" });
    expect(electronBinary({ root, env: {} })).toEqual({ path: path.join(electronDir(), "dist", "electron") });
  });

  it("reports a half-finished download", async () => {
    await installPackage({ binary: "LICENSE" });
    expect(electronBinary({ root, env: {} })).toEqual({ missing: expect.stringMatching(/path\.txt is missing/) });
    await fsPromises.writeFile(path.join(electronDir(), "path.txt"), "electron");
    expect(electronBinary({ root, env: {} })).toEqual({ missing: expect.stringMatching(/dist\/electron is missing/) });
  });

  it("honours ELECTRON_OVERRIDE_DIST_PATH", async () => {
    await installPackage({ pathTxt: "Electron.app/Contents/MacOS/Electron" });
    const override = path.join(root, "custom");
    const env = { ELECTRON_OVERRIDE_DIST_PATH: override };
    expect(electronBinary({ root, env })).toEqual({ missing: expect.stringMatching(/ELECTRON_OVERRIDE_DIST_PATH is set but/) });
    const binary = path.join(override, "Electron.app", "Contents", "MacOS", "Electron");
    await fsPromises.mkdir(path.dirname(binary), { recursive: true });
    await fsPromises.writeFile(binary, "");
    expect(electronBinary({ root, env })).toEqual({ path: binary });
  });

  it("never requires the electron package", async () => {
    // Requiring it would try to download; an index.js that throws proves we do not.
    await installPackage({ pathTxt: "electron", binary: "electron" });
    await fsPromises.writeFile(path.join(electronDir(), "index.js"), "throw new Error('downloaded');");
    expect(electronBinary({ root, env: {} })).toHaveProperty("path");
  });
});
