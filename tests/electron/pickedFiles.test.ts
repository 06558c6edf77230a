import * as fsPromises from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { describeSkipped, readPickedFiles } from "../../electron/pickedFiles";

let dir: string;

beforeEach(async () => {
  dir = await fsPromises.mkdtemp(path.join(os.tmpdir(), "spanwise-picked-"));
});

afterEach(async () => {
  await fsPromises.rm(dir, { recursive: true, force: true });
});

describe("readPickedFiles", () => {
  it("returns names and exact bytes in the chosen order", async () => {
    await fsPromises.writeFile(path.join(dir, "b.txt"), "Beta");
    await fsPromises.writeFile(path.join(dir, "a.txt"), "Alpha");
    const result = await readPickedFiles([path.join(dir, "b.txt"), path.join(dir, "a.txt")]);
    expect(result.skipped).toEqual([]);
    expect(result.files.map((file) => file.name)).toEqual(["b.txt", "a.txt"]);
    const first = result.files[0]!;
    expect(new TextDecoder().decode(first.bytes)).toBe("Beta");
    expect(first.bytes.constructor).toBe(Uint8Array);
    expect(first.bytes.buffer.byteLength).toBe(4);
  });

  it("skips and names files over the cap, keeping the others", async () => {
    await fsPromises.writeFile(path.join(dir, "small.txt"), "12345");
    await fsPromises.writeFile(path.join(dir, "big.txt"), "123456");
    const result = await readPickedFiles([path.join(dir, "big.txt"), path.join(dir, "small.txt")], undefined, 5);
    expect(result.files.map((file) => file.name)).toEqual(["small.txt"]);
    expect(result.skipped).toEqual([{ name: "big.txt", reason: "larger than 0 MB" }]);
  });

  it("reports missing files and directories instead of failing", async () => {
    const result = await readPickedFiles([path.join(dir, "gone.txt"), dir]);
    expect(result.files).toEqual([]);
    expect(result.skipped).toEqual([
      { name: "gone.txt", reason: "the file no longer exists", code: "ENOENT" },
      { name: path.basename(dir), reason: "not a regular file" },
    ]);
  });

  it("does not read a file that is too large", async () => {
    let reads = 0;
    const fs = {
      stat: async () => ({ size: 65 * 1024 * 1024, isFile: () => true }),
      readFile: async () => {
        reads += 1;
        return new Uint8Array();
      },
    };
    const result = await readPickedFiles(["/data/huge.txt"], fs);
    expect(reads).toBe(0);
    expect(result.skipped).toEqual([{ name: "huge.txt", reason: "larger than 64 MB" }]);
  });
});

describe("describeSkipped", () => {
  it("names each file on its own line", () => {
    expect(describeSkipped([{ name: "a.txt", reason: "larger than 64 MB" }, { name: "b.txt", reason: "permission denied" }])).toBe(
      "a.txt: larger than 64 MB\nb.txt: permission denied",
    );
  });
});
