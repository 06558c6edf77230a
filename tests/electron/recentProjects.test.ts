import * as fsPromises from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MAX_RECENT_PROJECTS, recentProjects } from "../../electron/recentProjects";

let dir: string;
let listFile: string;
let clock: number;
let ids: number;
const deps = () => ({ now: () => ++clock, newId: () => `00000000-0000-4000-8000-${String(++ids).padStart(12, "0")}` });

beforeEach(async () => {
  dir = await fsPromises.mkdtemp(path.join(os.tmpdir(), "spanwise-recent-"));
  listFile = path.join(dir, "data", "recent-projects.json");
  await fsPromises.mkdir(path.dirname(listFile));
  clock = 1_000;
  ids = 0;
});
afterEach(async () => {
  await fsPromises.rm(dir, { recursive: true, force: true });
});

async function projectFile(name: string, content = name): Promise<string> {
  const file = path.join(dir, name);
  await fsPromises.mkdir(path.dirname(file), { recursive: true });
  await fsPromises.writeFile(file, content);
  return file;
}

describe("recentProjects", () => {
  it("lists files newest first, without their paths, and keeps the list across starts", async () => {
    const recent = recentProjects(listFile, deps());
    expect(await recent.list()).toEqual([]);
    const a = await projectFile("a.spanwise");
    const b = await projectFile("b.spanwise");
    await recent.record(a);
    await recent.record(b);
    await recent.record(a);
    const listed = await recent.list();
    expect(listed.map((entry) => entry.name)).toEqual(["a.spanwise", "b.spanwise"]);
    expect(JSON.stringify(listed)).not.toContain(dir);
    // A later start reads the same list from the data folder.
    expect(await recentProjects(listFile, deps()).list()).toEqual(listed);
    // The atomic write leaves only the list behind.
    expect(await fsPromises.readdir(path.dirname(listFile))).toEqual(["recent-projects.json"]);
  });

  it("keeps the last ten", async () => {
    const recent = recentProjects(listFile, deps());
    for (let i = 0; i < MAX_RECENT_PROJECTS + 3; i++) await recent.record(await projectFile(`p${i}.spanwise`));
    const names = (await recent.list()).map((entry) => entry.name);
    expect(names).toHaveLength(10);
    expect(names[0]).toBe("p12.spanwise");
    expect(names.at(-1)).toBe("p3.spanwise");
  });

  it("tells apart files of the same name by their folder", async () => {
    const recent = recentProjects(listFile, deps());
    await recent.record(await projectFile("Team A/project.spanwise"));
    await recent.record(await projectFile("Team B/project.spanwise"));
    await recent.record(await projectFile("other.spanwise"));
    expect((await recent.list()).map((entry) => entry.name)).toEqual(["other.spanwise", "project.spanwise (Team B)", "project.spanwise (Team A)"]);
  });

  it("opens a file by id, checking and reading it again, and moves it to the top", async () => {
    const recent = recentProjects(listFile, deps());
    const a = await projectFile("a.spanwise", "version 1");
    await recent.record(a);
    await recent.record(await projectFile("b.spanwise"));
    const [, entryA] = await recent.list();
    await fsPromises.writeFile(a, "version 2");
    const file = await recent.open(entryA!.id);
    expect([file.name, new TextDecoder().decode(file.bytes)]).toEqual(["a.spanwise", "version 2"]);
    expect((await recent.list()).map((entry) => entry.name)).toEqual(["a.spanwise", "b.spanwise"]);
  });

  it("reports a file that has gone by name and drops it from the list", async () => {
    const recent = recentProjects(listFile, deps());
    const a = await projectFile("a.spanwise");
    await recent.record(a);
    await recent.record(await projectFile("b.spanwise"));
    const idA = (await recent.list()).find((entry) => entry.name === "a.spanwise")!.id;
    await fsPromises.rm(a);
    await expect(recent.open(idA)).rejects.toThrow("a.spanwise was not opened: the file no longer exists; it was removed from the recent list.");
    expect((await recent.list()).map((entry) => entry.name)).toEqual(["b.spanwise"]);
    expect((await recentProjects(listFile, deps()).list()).map((entry) => entry.name)).toEqual(["b.spanwise"]);
  });

  it("keeps a file that is there but cannot be opened now, and refuses unknown ids", async () => {
    const recent = recentProjects(listFile, { ...deps(), open: async () => Promise.reject(new Error("locked.spanwise was not opened: permission denied.")) });
    await recent.record(await projectFile("locked.spanwise"));
    const [entry] = await recent.list();
    await expect(recent.open(entry!.id)).rejects.toThrow("permission denied");
    expect(await recent.list()).toHaveLength(1);
    await expect(recent.open("00000000-0000-4000-8000-999999999999")).rejects.toThrow(/no longer in the recent list/);
  });

  it("clears the list", async () => {
    const recent = recentProjects(listFile, deps());
    await recent.record(await projectFile("a.spanwise"));
    await recent.clear();
    expect(await recent.list()).toEqual([]);
    expect(await recentProjects(listFile, deps()).list()).toEqual([]);
  });

  it("survives a damaged list, keeping what is well-formed", async () => {
    await fsPromises.writeFile(listFile, "{ not json");
    expect(await recentProjects(listFile, deps()).list()).toEqual([]);
    const good = { id: "00000000-0000-4000-8000-000000000001", path: path.join(dir, "a.spanwise"), name: "a.spanwise", openedAt: 5 };
    await fsPromises.writeFile(listFile, JSON.stringify({ format: 1, files: [good, { id: 3, path: "relative.spanwise" }, null] }));
    expect(await recentProjects(listFile, deps()).list()).toEqual([{ id: good.id, name: "a.spanwise", openedAt: 5 }]);
  });

  it("loses nothing when files are recorded at once", async () => {
    const recent = recentProjects(listFile, deps());
    const files = await Promise.all(["a", "b", "c"].map((name) => projectFile(`${name}.spanwise`)));
    await Promise.all(files.map((file) => recent.record(file)));
    expect((await recentProjects(listFile, deps()).list()).map((entry) => entry.name).sort()).toEqual(["a.spanwise", "b.spanwise", "c.spanwise"]);
  });
});
