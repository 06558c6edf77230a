import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { filesInArgv } from "../../electron/launchArgs";

const cwd = path.resolve("/home/ana/work");
const packaged = { defaultApp: false, cwd };
const development = { defaultApp: true, cwd };

describe("filesInArgv", () => {
  it("takes the files after the packaged app's executable", () => {
    expect(filesInArgv(["/opt/Spanwise/spanwise", "/home/ana/a.spanwise"], packaged)).toEqual([path.resolve("/home/ana/a.spanwise")]);
  });

  it("skips Electron and the app path in development, and every switch", () => {
    const argv = ["/x/electron", "--inspect=0", "dist-electron/main.cjs", "--no-sandbox", "--remote-debugging-port=0", "b.spanwise"];
    expect(filesInArgv(argv, development)).toEqual([path.join(cwd, "b.spanwise")]);
    expect(filesInArgv(["/x/electron", "dist-electron/main.cjs"], development)).toEqual([]);
  });

  it("resolves relative paths against the starting folder (a second start passes its own)", () => {
    expect(filesInArgv(["spanwise", "../shared/c.spanwise"], { defaultApp: false, cwd: path.resolve("/srv/team") })).toEqual([path.resolve("/srv/shared/c.spanwise")]);
  });

  it("reads file: URLs, as Linux desktop entries pass them, and ignores other URLs", () => {
    const file = path.resolve("/home/ana/Project files/d é.spanwise");
    expect(filesInArgv(["spanwise", pathToFileURL(file).href, "https://example.org/x.spanwise", "spanwise://open"], packaged)).toEqual([file]);
  });

  it("skips macOS's process serial number and Chromium's switches, but not files after --", () => {
    expect(filesInArgv(["spanwise", "-psn_0_1234", "--allow-file-access-from-files", "--", "-odd.spanwise"], packaged)).toEqual([path.join(cwd, "-odd.spanwise")]);
  });

  it("keeps every other file for the path check to refuse by name, once each", () => {
    expect(filesInArgv(["spanwise", "notes.txt", "notes.txt", "e.spanwise"], packaged)).toEqual([path.join(cwd, "notes.txt"), path.join(cwd, "e.spanwise")]);
  });
});
