/**
 * The browser set-up at the start of `npm test`, on machines as a newcomer
 * has them: the lookup sees only what the test says exists (a clean
 * container is SPANWISE_CHROMIUM_SEARCH=none, or an empty file system), and
 * the installers are stand-ins that record their calls and "install" by
 * making a path exist.
 */
import { describe, expect, it } from "vitest";
// @ts-expect-error plain ES module shared with the test scripts
import { chromiumCandidates as untypedCandidates, findChromium as untypedFind } from "../../scripts/chromium.mjs";
// @ts-expect-error plain ES module run first by npm test
import { debianFamily as untypedDebianFamily, ensureChromium as untypedEnsure } from "../../scripts/ensure-chromium.mjs";

type Env = Record<string, string | undefined>;
type InstallResult = { ok: true } | { ok: false; reason: string };
type EnsureResult = { ok: true; path: string; via: "found" | "playwright" | "apt" } | { ok: false; message: string };
interface Machine {
  platform?: NodeJS.Platform;
  isRoot?: boolean;
  distro?: "debian" | "ubuntu" | null;
  hasAptGet?: boolean;
  env?: Env;
  files?: string[];
  playwrightWorks?: boolean;
  aptWorks?: boolean;
}

const findChromium = untypedFind as (options: { env?: Env; exists?: (path: string) => boolean; playwrightPath?: string }) => string | undefined;
const chromiumCandidates = untypedCandidates as (env: Env, playwrightPath?: string) => { path: string; source: string }[];
const debianFamily = untypedDebianFamily as (osRelease: string | undefined) => "debian" | "ubuntu" | null;
const ensureChromium = untypedEnsure as (deps: unknown) => Promise<EnsureResult>;

const PLAYWRIGHT_CHROME = "/home/ana/.cache/ms-playwright/chromium-1255/chrome-linux64/chrome";

/** A machine: its files, who runs the tests, and what each installer would do there. */
function machine({ platform = "linux", isRoot = false, distro = "debian", hasAptGet = true, env = {}, files = [], playwrightWorks = false, aptWorks = false }: Machine) {
  const existing = new Set(files);
  const calls: string[] = [];
  const log: string[] = [];
  const exists = (path: string) => existing.has(path);
  const deps = {
    env,
    platform,
    isRoot,
    distro,
    hasAptGet,
    exists,
    find: () => findChromium({ env, exists, playwrightPath: PLAYWRIGHT_CHROME }),
    installWithPlaywright: async ({ withDeps }: { withDeps: boolean }): Promise<InstallResult> => {
      calls.push(withDeps ? "playwright --with-deps" : "playwright");
      if (!playwrightWorks) return { ok: false, reason: "Failed to download Chrome for Testing 159.0.8154.6" };
      existing.add(PLAYWRIGHT_CHROME);
      return { ok: true };
    },
    installWithApt: async (): Promise<InstallResult> => {
      calls.push("apt");
      if (!aptWorks) return { ok: false, reason: "E: Unable to locate package chromium" };
      existing.add("/usr/bin/chromium");
      return { ok: true };
    },
    log: (line: string) => log.push(line),
  };
  return { deps, calls, log };
}

describe("findChromium", () => {
  it("finds nothing when the search is hidden, whatever is installed", () => {
    expect(findChromium({ env: { SPANWISE_CHROMIUM_SEARCH: "none", CHROME_PATH: "/opt/chrome" }, exists: () => true, playwrightPath: PLAYWRIGHT_CHROME })).toBeUndefined();
  });

  it("prefers the browser the user names, then Playwright's, then the system's", () => {
    const everything = () => true;
    expect(findChromium({ env: { CHROMIUM_PATH: "/opt/chromium", CHROME_PATH: "/opt/chrome" }, exists: everything, playwrightPath: PLAYWRIGHT_CHROME })).toBe("/opt/chrome");
    expect(findChromium({ env: {}, exists: everything, playwrightPath: PLAYWRIGHT_CHROME })).toBe(PLAYWRIGHT_CHROME);
    expect(findChromium({ env: {}, exists: (p) => p === "/usr/bin/chromium", playwrightPath: PLAYWRIGHT_CHROME })).toBe("/usr/bin/chromium");
    expect(chromiumCandidates({ CHROME_PATH: "/opt/chrome" }, PLAYWRIGHT_CHROME).map((c) => c.source).slice(0, 3)).toEqual(["CHROME_PATH", "Playwright", "system"]);
  });
});

describe("ensureChromium", () => {
  it("uses a Chromium that is there and installs nothing", async () => {
    const { deps, calls } = machine({ files: ["/usr/bin/chromium"] });
    expect(await ensureChromium(deps)).toEqual({ ok: true, path: "/usr/bin/chromium", via: "found" });
    expect(calls).toEqual([]);
  });

  it("on a clean machine gets Playwright's Chromium where it can download", async () => {
    const { deps, calls, log } = machine({ playwrightWorks: true });
    expect(await ensureChromium(deps)).toEqual({ ok: true, path: PLAYWRIGHT_CHROME, via: "playwright" });
    expect(calls).toEqual(["playwright"]);
    expect(log).toEqual([expect.stringMatching(/no Chromium found.*npx playwright install chromium/)]);
  });

  it("as root on Debian without a download installs Debian's chromium", async () => {
    const { deps, calls } = machine({ isRoot: true, distro: "debian", aptWorks: true });
    expect(await ensureChromium(deps)).toEqual({ ok: true, path: "/usr/bin/chromium", via: "apt" });
    // Playwright first (with its system libraries, as root can), then apt.
    expect(calls).toEqual(["playwright --with-deps", "apt"]);
  });

  it("without root stops with one line saying what to install, and why nothing worked", async () => {
    const { deps, calls } = machine({ isRoot: false, distro: "debian" });
    const result = await ensureChromium(deps);
    expect(calls).toEqual(["playwright"]);
    expect(result.ok).toBe(false);
    const message = (result as { message: string }).message;
    expect(message).not.toContain("\n");
    expect(message).toMatch(/^The browser tests need Chromium: run "sudo apt-get install chromium", or set CHROME_PATH/);
    expect(message).toContain("Playwright's download failed (Failed to download Chrome for Testing");
  });

  it("says what failed when apt cannot install either", async () => {
    const { deps, calls } = machine({ isRoot: true, distro: "ubuntu" });
    const result = (await ensureChromium(deps)) as { ok: false; message: string };
    expect(calls).toEqual(["playwright --with-deps", "apt"]);
    expect(result.message).toMatch(/npx playwright install --with-deps chromium/);
    expect(result.message).toContain("apt-get install chromium failed (E: Unable to locate package chromium)");
    expect(result.message).not.toContain("\n");
  });

  it("never tries apt off Debian and Ubuntu, and names the right install elsewhere", async () => {
    const mac = machine({ platform: "darwin", distro: null, hasAptGet: false, isRoot: true });
    expect(await ensureChromium(mac.deps)).toEqual({ ok: false, message: expect.stringMatching(/install Google Chrome or run "npx playwright install chromium"/) });
    expect(mac.calls).toEqual(["playwright"]);
    const fedora = machine({ distro: null, hasAptGet: false, isRoot: true });
    expect(await ensureChromium(fedora.deps)).toEqual({ ok: false, message: expect.stringMatching(/your distribution's chromium package/) });
  });

  it("refuses a CHROME_PATH that does not exist instead of quietly using another browser", async () => {
    const { deps, calls } = machine({ env: { CHROME_PATH: "/opt/gone/chrome" }, files: ["/usr/bin/chromium"] });
    expect(await ensureChromium(deps)).toEqual({ ok: false, message: "CHROME_PATH is set to /opt/gone/chrome, which does not exist: point it at a Chromium or Chrome binary, or unset it." });
    expect(calls).toEqual([]);
  });

  it("treats a clean container (search hidden) as having no browser", async () => {
    const { deps, calls } = machine({ env: { SPANWISE_CHROMIUM_SEARCH: "none" }, files: ["/usr/bin/chromium"] });
    const result = await ensureChromium(deps);
    expect(result.ok).toBe(false);
    expect(calls).toEqual(["playwright"]);
  });
});

describe("debianFamily", () => {
  it("reads /etc/os-release, derivatives included", () => {
    expect(debianFamily('PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\n')).toBe("debian");
    expect(debianFamily("ID=ubuntu\nID_LIKE=debian\n")).toBe("ubuntu");
    expect(debianFamily('ID=linuxmint\nID_LIKE="ubuntu debian"\n')).toBe("ubuntu");
    expect(debianFamily("ID=fedora\n")).toBeNull();
    expect(debianFamily(undefined)).toBeNull();
  });
});
