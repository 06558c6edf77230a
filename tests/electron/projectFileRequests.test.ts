/**
 * How a project file the app is asked to open by path reaches the page:
 * checked and read (projectFileAt), remembered in Open Recent, handed to the
 * page's window once it can listen; problems reported by file name.
 */
import { EventEmitter } from "node:events";
import * as fsPromises from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { projectFileAt } from "../../electron/projectFileAt";
import { ProjectFileInbox } from "../../electron/projectFileInbox";
import { projectFileRequests } from "../../electron/projectFileRequests";
import { recentProjects } from "../../electron/recentProjects";
import { BRIDGE_EVENTS, type IncomingProjectFile } from "../../shared/bridge";

/** A window's page as the inbox sees it: loading or not, and what was sent to it. */
class FakePage extends EventEmitter {
  loading = true;
  destroyed = false;
  readonly sent: [string, IncomingProjectFile][] = [];
  isLoading = () => this.loading;
  isDestroyed = () => this.destroyed;
  send = (channel: string, file: IncomingProjectFile) => void this.sent.push([channel, file]);
  finishLoading() {
    this.loading = false;
    this.emit("did-finish-load");
  }
}

const file = (name: string): IncomingProjectFile => ({ name, bytes: new TextEncoder().encode(name) });

describe("ProjectFileInbox", () => {
  it("keeps files that arrive before a window, or while its page loads, and sends them once it has loaded", () => {
    const inbox = new ProjectFileInbox();
    inbox.deliver(file("early.spanwise"));
    expect(inbox.hasWaiting).toBe(true);
    const page = new FakePage();
    inbox.attach(page);
    inbox.deliver(file("loading.spanwise"));
    expect(page.sent).toEqual([]);
    page.finishLoading();
    expect(page.sent.map(([channel, f]) => `${channel} ${f.name}`)).toEqual([`${BRIDGE_EVENTS.onOpenProjectFile} early.spanwise`, `${BRIDGE_EVENTS.onOpenProjectFile} loading.spanwise`]);
    inbox.deliver(file("later.spanwise"));
    expect(page.sent.at(-1)?.[1].name).toBe("later.spanwise");
    expect(inbox.hasWaiting).toBe(false);
  });

  it("waits through a reload and goes to a new window when the old one is gone", () => {
    const inbox = new ProjectFileInbox();
    const first = new FakePage();
    inbox.attach(first);
    first.finishLoading();
    first.loading = true; // reloading
    inbox.deliver(file("during-reload.spanwise"));
    first.destroyed = true;
    const second = new FakePage();
    inbox.attach(second);
    first.emit("did-finish-load");
    second.finishLoading();
    expect(first.sent).toEqual([]);
    expect(second.sent.map(([, f]) => f.name)).toEqual(["during-reload.spanwise"]);
  });
});

describe("projectFileRequests", () => {
  let dir: string;
  let delivered: string[];
  let reports: string[];
  let osRecent: string[];
  let refreshed: number;
  let requests: ReturnType<typeof projectFileRequests>;
  let recent: ReturnType<typeof recentProjects>;

  beforeEach(async () => {
    dir = await fsPromises.mkdtemp(path.join(os.tmpdir(), "spanwise-requests-"));
    delivered = [];
    reports = [];
    osRecent = [];
    refreshed = 0;
    recent = recentProjects(path.join(dir, "recent-projects.json"));
    requests = projectFileRequests({
      recent,
      read: (filePath) => projectFileAt(filePath),
      deliver: (f) => void delivered.push(`${f.name}: ${new TextDecoder().decode(f.bytes)}`),
      report: (message) => void reports.push(message),
      addRecentDocument: (filePath) => void osRecent.push(filePath),
      recentChanged: () => void refreshed++,
    });
  });
  afterEach(async () => {
    await fsPromises.rm(dir, { recursive: true, force: true });
  });

  it("opens the project files it is given, reports the others by name, and remembers what opened", async () => {
    const good = path.join(dir, "Team A.spanwise");
    await fsPromises.writeFile(good, "zip bytes");
    await fsPromises.writeFile(path.join(dir, "notes.txt"), "text");
    await requests.openPaths([good, path.join(dir, "notes.txt"), path.join(dir, "gone.spanwise")]);
    expect(delivered).toEqual(["Team A.spanwise: zip bytes"]);
    expect(reports).toEqual([
      "notes.txt was not opened: Spanwise opens project files, whose names end in .spanwise.",
      "gone.spanwise was not opened: the file no longer exists.",
    ]);
    expect(osRecent).toEqual([good]);
    expect((await recent.list()).map((entry) => entry.name)).toEqual(["Team A.spanwise"]);
    expect(refreshed).toBe(1);
  });

  it("remembers project files chosen in the dialogs, and only those", async () => {
    await requests.remember(path.join(dir, "saved.spanwise"));
    await requests.remember(path.join(dir, "export.jsonl"));
    expect((await recent.list()).map((entry) => entry.name)).toEqual(["saved.spanwise"]);
  });

  it("opens Open Recent's files for the menu and for the page; a gone file is reported and leaves the list", async () => {
    const kept = path.join(dir, "kept.spanwise");
    const gone = path.join(dir, "gone.spanwise");
    await fsPromises.writeFile(kept, "kept");
    await fsPromises.writeFile(gone, "gone");
    await requests.remember(gone);
    await requests.remember(kept);
    const [keptEntry, goneEntry] = await recent.list();
    await fsPromises.rm(gone);

    await requests.openRecentFromMenu(goneEntry!.id);
    expect(reports).toEqual(["gone.spanwise was not opened: the file no longer exists; it was removed from the recent list."]);
    expect((await recent.list()).map((entry) => entry.name)).toEqual(["kept.spanwise"]);
    await requests.openRecentFromMenu(keptEntry!.id);
    expect(delivered).toEqual(["kept.spanwise: kept"]);

    // The page gets the file itself, or the error to show.
    expect((await requests.openRecentForPage(keptEntry!.id)).name).toBe("kept.spanwise");
    await fsPromises.rm(kept);
    await expect(requests.openRecentForPage(keptEntry!.id)).rejects.toThrow("kept.spanwise was not opened: the file no longer exists; it was removed from the recent list.");
    expect(await recent.list()).toEqual([]);
    expect(refreshed).toBe(6);
  });
});
