import * as fsPromises from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { writeFileAtomic, type AtomicWriteFs, type WritableHandle } from "../../electron/atomicWrite";

let dir: string;
let target: string;

beforeEach(async () => {
  dir = await fsPromises.mkdtemp(path.join(os.tmpdir(), "spanwise-atomic-"));
  target = path.join(dir, "export.jsonl");
});

afterEach(async () => {
  await fsPromises.rm(dir, { recursive: true, force: true });
});

/** The real file system, with some calls replaced. */
function fsWith(overrides: Partial<AtomicWriteFs>, handleOverrides: Partial<WritableHandle> = {}): AtomicWriteFs {
  return {
    open: async (filePath, flags, mode) => {
      const handle = await fsPromises.open(filePath, flags, mode);
      return {
        writeFile: (data) => handle.writeFile(data),
        sync: () => handle.sync(),
        chmod: (m) => handle.chmod(m),
        close: () => handle.close(),
        ...handleOverrides,
      };
    },
    rename: fsPromises.rename,
    unlink: fsPromises.unlink,
    stat: fsPromises.stat,
    ...overrides,
  };
}

const diskFull = () => Object.assign(new Error("ENOSPC: no space left on device"), { code: "ENOSPC" });

describe("writeFileAtomic", () => {
  it("creates a new file from a string as UTF-8", async () => {
    await writeFileAtomic(target, "Nelson Mandela 🕊\n");
    expect(await fsPromises.readFile(target, "utf8")).toBe("Nelson Mandela 🕊\n");
    expect(await fsPromises.readdir(dir)).toEqual(["export.jsonl"]);
  });

  it("replaces an existing file with bytes and keeps its permissions", async () => {
    await fsPromises.writeFile(target, "old");
    await fsPromises.chmod(target, 0o640);
    await writeFileAtomic(target, new Uint8Array([110, 101, 119]));
    expect(await fsPromises.readFile(target, "utf8")).toBe("new");
    if (process.platform !== "win32") expect((await fsPromises.stat(target)).mode & 0o777).toBe(0o640);
    expect(await fsPromises.readdir(dir)).toEqual(["export.jsonl"]);
  });

  it("leaves the old file intact and removes the temporary file when writing fails", async () => {
    await fsPromises.writeFile(target, "old content");
    const failing = fsWith({}, {
      writeFile: async () => {
        throw diskFull();
      },
    });
    await expect(writeFileAtomic(target, "new content", failing)).rejects.toThrow(/ENOSPC/);
    expect(await fsPromises.readFile(target, "utf8")).toBe("old content");
    expect(await fsPromises.readdir(dir)).toEqual(["export.jsonl"]);
  });

  it("leaves the old file intact when flushing fails after a partial write", async () => {
    await fsPromises.writeFile(target, "old content");
    let handle: fsPromises.FileHandle | undefined;
    const failing = fsWith({
      open: async (filePath, flags, mode) => {
        handle = await fsPromises.open(filePath, flags, mode);
        const opened = handle;
        return {
          writeFile: async () => {
            await opened.writeFile("new co"); // torn write
          },
          sync: async () => {
            throw Object.assign(new Error("EIO: i/o error"), { code: "EIO" });
          },
          chmod: (m) => opened.chmod(m),
          close: () => opened.close(),
        };
      },
    });
    await expect(writeFileAtomic(target, "new content", failing)).rejects.toThrow(/EIO/);
    expect(await fsPromises.readFile(target, "utf8")).toBe("old content");
    expect(await fsPromises.readdir(dir)).toEqual(["export.jsonl"]);
  });

  it("removes the temporary file when the rename fails", async () => {
    await fsPromises.writeFile(target, "old content");
    const failing = fsWith({
      rename: async () => {
        throw Object.assign(new Error("EXDEV: cross-device link"), { code: "EXDEV" });
      },
    });
    await expect(writeFileAtomic(target, "new content", failing)).rejects.toThrow(/EXDEV/);
    expect(await fsPromises.readFile(target, "utf8")).toBe("old content");
    expect(await fsPromises.readdir(dir)).toEqual(["export.jsonl"]);
  });

  it("fails clearly when the directory does not exist", async () => {
    await expect(writeFileAtomic(path.join(dir, "missing", "x.jsonl"), "x")).rejects.toMatchObject({ code: "ENOENT" });
  });

  it("accepts file systems that cannot flush a directory", async () => {
    const noDirectorySync = fsWith({
      open: async (filePath, flags, mode) => {
        if (filePath === dir) throw Object.assign(new Error("EISDIR"), { code: "EISDIR" });
        return fsWith({}).open(filePath, flags, mode);
      },
    });
    await writeFileAtomic(target, "saved", noDirectorySync);
    expect(await fsPromises.readFile(target, "utf8")).toBe("saved");
  });

  it("flushes the directory after the rename", async () => {
    const calls: string[] = [];
    const tracing = fsWith({
      open: async (filePath, flags, mode) => {
        const handle = await fsWith({}).open(filePath, flags, mode);
        const kind = filePath === dir ? "dir" : "temp";
        return { ...handle, sync: async () => { calls.push(`sync ${kind}`); await handle.sync(); } };
      },
      rename: async (from, to) => {
        calls.push("rename");
        await fsPromises.rename(from, to);
      },
    });
    await writeFileAtomic(target, "x", tracing);
    expect(calls).toEqual(["sync temp", "rename", "sync dir"]);
  });
});
