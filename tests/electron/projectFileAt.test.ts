import * as fsPromises from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { projectFileAt, ProjectFileError } from "../../electron/projectFileAt";

let dir: string;
beforeEach(async () => {
  dir = await fsPromises.mkdtemp(path.join(os.tmpdir(), "spanwise-project-at-"));
});
afterEach(async () => {
  await fsPromises.rm(dir, { recursive: true, force: true });
});

const refusal = (promise: Promise<unknown>) => promise.then(() => undefined, (error: unknown) => error as ProjectFileError);

describe("projectFileAt", () => {
  it("reads a project file", async () => {
    await fsPromises.writeFile(path.join(dir, "Team A.spanwise"), new Uint8Array([80, 75, 3, 4]));
    const file = await projectFileAt(path.join(dir, "Team A.spanwise"));
    expect(file.name).toBe("Team A.spanwise");
    expect([...file.bytes]).toEqual([80, 75, 3, 4]);
    // Also with the extension in capitals, as Windows users write it.
    await fsPromises.writeFile(path.join(dir, "B.SPANWISE"), "x");
    expect((await projectFileAt(path.join(dir, "B.SPANWISE"))).name).toBe("B.SPANWISE");
  });

  it("refuses other files by name without reading them", async () => {
    await fsPromises.writeFile(path.join(dir, "notes.txt"), "text");
    const error = await refusal(projectFileAt(path.join(dir, "notes.txt")));
    expect(error?.message).toBe("notes.txt was not opened: Spanwise opens project files, whose names end in .spanwise.");
    expect(error?.gone).toBe(false);
  });

  it("says when the file is gone, or is a folder", async () => {
    const gone = await refusal(projectFileAt(path.join(dir, "gone.spanwise")));
    expect(gone?.message).toBe("gone.spanwise was not opened: the file no longer exists.");
    expect(gone?.gone).toBe(true);
    await fsPromises.mkdir(path.join(dir, "folder.spanwise"));
    expect((await refusal(projectFileAt(path.join(dir, "folder.spanwise"))))?.message).toBe("folder.spanwise was not opened: not a regular file.");
  });

  it("refuses a file larger than Open project reads, before reading it", async () => {
    let reads = 0;
    const fs = { stat: async () => ({ size: 65 * 1024 * 1024, isFile: () => true }), readFile: async () => (reads++, new Uint8Array()) };
    expect((await refusal(projectFileAt("/data/huge.spanwise", fs)))?.message).toBe("huge.spanwise was not opened: larger than 64 MB.");
    expect(reads).toBe(0);
  });

  it("says when it may not read the file", async () => {
    const fs = { stat: async () => ({ size: 10, isFile: () => true }), readFile: async () => Promise.reject(Object.assign(new Error("EACCES"), { code: "EACCES" })) };
    const error = await refusal(projectFileAt("/data/locked.spanwise", fs));
    expect(error?.message).toBe("locked.spanwise was not opened: permission denied.");
    expect(error?.gone).toBe(false);
  });
});
