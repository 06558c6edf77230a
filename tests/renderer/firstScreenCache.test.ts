/**
 * The app's kept first screen (renderer/store/firstScreenCache.ts): kept
 * only for the document a new window would reopen (the last opened project
 * and its last opened document, as the settings say), dropped when that is
 * no longer so, when its project is deleted, or when the window shows the
 * reopened project with no document; another project's copy is left alone.
 */
import "fake-indexeddb/auto";
import { beforeEach, describe, expect, it } from "vitest";
import { SNAPSHOT_KEY, keptIdentity, screenOfSnapshot } from "../../renderer/firstPaint/snapshot";
import type { StoredScreen } from "../../renderer/firstPaint/screen";
import { forgetFirstScreen, keepFirstScreen } from "../../renderer/store/firstScreenCache";
import { docSettingKey } from "../../renderer/store/openProject";
import { CURRENT_PROJECT_KEY, createProject, deleteProject } from "../../renderer/store/projects";
import { writeSetting } from "../../renderer/store/settings";
import { freshStore } from "./storeHelpers";

/** localStorage as a browser has it (Node has none). */
class MemoryStorage implements Storage {
  private items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(i: number) {
    return [...this.items.keys()][i] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    this.items.set(key, String(value));
  }
}

const local = new MemoryStorage();
Object.defineProperty(globalThis, "localStorage", { value: local, configurable: true });

beforeEach(async () => {
  await freshStore();
  local.clear();
});

const screen = (projectId: string, docId: string, title = "Ministers meet"): StoredScreen => ({
  projectId,
  docId,
  labels: [{ id: "actor", name: "Actor", color: "#2563eb", key: "1" }],
  title,
  publishedAt: "2023-03-03",
  text: "Ana met Ben.\nThey spoke.",
  spans: [{ id: "s1", start: 0, end: 3, label: "actor", annotator: "ana" }],
  layers: [["ana", 1]],
  hidden: [],
});

const kept = () => screenOfSnapshot(local.getItem(SNAPSHOT_KEY));

async function reopens(projectId: string, docId: string | null) {
  await writeSetting(CURRENT_PROJECT_KEY, projectId);
  await writeSetting(docSettingKey(projectId), docId ?? "");
}

describe("the kept first screen", () => {
  it("is kept for the document a new window reopens, and follows its changes", async () => {
    await reopens("p1", "d1");
    await keepFirstScreen("p1", screen("p1", "d1"));
    expect(kept()).toMatchObject({ projectId: "p1", docId: "d1", title: "Ministers meet" });
    await keepFirstScreen("p1", screen("p1", "d1", "Retitled"));
    expect(kept()?.title).toBe("Retitled");
  });

  it("is not kept for a document another window opened since, and that window's copy stays", async () => {
    await reopens("p1", "d2");
    await keepFirstScreen("p1", screen("p1", "d2"));
    await keepFirstScreen("p1", screen("p1", "d1"));
    expect(kept()?.docId).toBe("d2");
    await reopens("p2", "d9");
    await keepFirstScreen("p1", screen("p1", "d2"));
    // d2 of p1 is no longer what a start reopens: its copy is dropped.
    expect(kept()).toBeNull();
  });

  it("becomes a blank when the window shows the reopened project with no document: a start has nothing to paint", async () => {
    await reopens("p1", "d1");
    await keepFirstScreen("p1", screen("p1", "d1"));
    await reopens("p1", null);
    await keepFirstScreen("p1", null);
    expect(kept()).toBeNull();
    expect(keptIdentity(local.getItem(SNAPSHOT_KEY))).toEqual({ projectId: "p1", docId: null });
    // Not for a project a new window would not open.
    await reopens("p2", null);
    await keepFirstScreen("p1", null);
    expect(keptIdentity(local.getItem(SNAPSHOT_KEY))).toEqual({ projectId: "p1", docId: null });
    forgetFirstScreen("p1");
    expect(local.getItem(SNAPSHOT_KEY)).toBeNull();
  });

  it("forgetting a project drops only that project's copy", async () => {
    await reopens("p1", "d1");
    await keepFirstScreen("p1", screen("p1", "d1"));
    forgetFirstScreen("p2");
    expect(kept()?.docId).toBe("d1");
    forgetFirstScreen("p1", "d2");
    expect(kept()?.docId).toBe("d1");
    forgetFirstScreen("p1");
    expect(kept()).toBeNull();
  });

  it("deleting the project drops its copy", async () => {
    const project = await createProject("Summit coding");
    await reopens(project.id, "d1");
    await keepFirstScreen(project.id, screen(project.id, "d1"));
    expect(kept()?.projectId).toBe(project.id);
    await deleteProject(project.id);
    expect(kept()).toBeNull();
  });
});
