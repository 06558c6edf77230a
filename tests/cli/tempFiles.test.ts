/**
 * Temporaries beside an output (cli/tempFiles.ts): a run killed while writing
 * leaves one; the next write to that folder removes it once it is stale and
 * its process is gone, and never touches a live run's or anyone else's file.
 */
import { spawnSync } from "node:child_process";
import { mkdtemp, readFile, readdir, rm, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createNodeIo } from "../../cli/nodeIo";
import { STALE_AFTER_MS, removeStaleTemps, tempFileBeside } from "../../cli/tempFiles";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "spanwise-temps-"));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

/** The id of a process that has ended. */
function endedPid(): number {
  return spawnSync(process.execPath, ["-e", "0"]).pid!;
}

async function leave(name: string, ageMs: number): Promise<void> {
  const file = path.join(dir, name);
  await writeFile(file, "half an export");
  const when = (Date.now() - ageMs) / 1000;
  await utimes(file, when, when);
}

describe("temporaries of a killed run", () => {
  it("names the output, the process and what it is for", () => {
    const name = path.basename(tempFileBeside(path.join(dir, "out.jsonl"), "part.tmp"));
    expect(name).toMatch(new RegExp(`^\\.out\\.jsonl\\.spanwise-${process.pid}-[0-9a-f]{8}\\.part\\.tmp$`));
  });

  it("the next export into the folder removes a stale one of an ended process, and keeps the rest", async () => {
    const dead = endedPid();
    const stale = `.old.jsonl.spanwise-${dead}-0123abcd.tmp`;
    const stalePart = `.out.jsonl.spanwise-${dead}-89abcdef.part.tmp`;
    const recent = `.out.jsonl.spanwise-${dead}-deadbeef.tmp`;
    const live = `.out.jsonl.spanwise-${process.ppid}-cafef00d.tmp`;
    const foreign = ".out.jsonl.1234abcd.tmp";
    await leave(stale, STALE_AFTER_MS + 60_000);
    await leave(stalePart, 2 * STALE_AFTER_MS);
    await leave(recent, 60_000);
    await leave(live, 2 * STALE_AFTER_MS);
    await leave(foreign, 2 * STALE_AFTER_MS);

    await createNodeIo().writeFileAtomic(path.join(dir, "out.jsonl"), ["{}\n"]);

    expect((await readdir(dir)).sort()).toEqual([foreign, live, recent, "out.jsonl"].sort());
    expect(await readFile(path.join(dir, "out.jsonl"), "utf8")).toBe("{}\n");
  });

  it("reports what it removed, and does nothing in a folder it cannot list", async () => {
    const dead = endedPid();
    await leave(`.a.spanwise-${dead}-00000000.tmp`, 2 * STALE_AFTER_MS);
    expect(await removeStaleTemps(path.join(dir, "a"))).toEqual([`.a.spanwise-${dead}-00000000.tmp`]);
    expect(await removeStaleTemps(path.join(dir, "missing", "a"))).toEqual([]);
  });
});
