/**
 * The real command: bin/spanwise.js running the esbuild bundle as a child
 * process, on fixture files in a temporary folder.
 */
import { execFile, execFileSync } from "node:child_process";
import { mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../cli/run";
import { encodeProjectFile } from "../../shared/projectFile";
import { buildSnapshot } from "../shared/projectFileBuilders";
import { memoryIo } from "./memoryIo";

const root = fileURLToPath(new URL("../..", import.meta.url));
const fixture = path.join(root, "tests/fixtures/projects/format-v1.spanwise");
let dir: string;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function spanwise(...args: string[]): Promise<Run> {
  return spanwiseWith({}, ...args);
}

function spanwiseWith(env: Record<string, string>, ...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [path.join(root, "bin/spanwise.js"), ...args], { cwd: dir, env: { ...process.env, SPANWISE_DEBUG: "", ...env } }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

const hasPython = (() => {
  try {
    execFileSync("python3", ["-c", "pass"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "spanwise-cli-"));
  // The first run builds the bundle if it is missing or stale; do it once here, not in a timed test.
  const { buildCli } = (await import(pathToFileURL(path.join(root, "scripts/build-cli.mjs")).href)) as { buildCli: () => Promise<string> };
  await buildCli();
}, 60_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("the spanwise command", () => {
  it("prints usage and exits 2 without arguments", async () => {
    const run = await spanwise();
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("Usage: spanwise <command> [options]");
  });

  it("prints its version", async () => {
    const pkg = JSON.parse(await readFile(path.join(root, "package.json"), "utf8")) as { version: string };
    expect((await spanwise("--version")).stdout).toBe(`spanwise ${pkg.version}\n`);
  });

  it("exports the fixture with offsets that slice the text by code points", async () => {
    const run = await spanwise("export", fixture, "--format", "jsonl", "-o", "out.jsonl");
    expect(run).toMatchObject({ code: 0, stdout: "", stderr: "" });
    const lines = (await readFile(path.join(dir, "out.jsonl"), "utf8")).trim().split("\n");
    let spans = 0;
    for (const line of lines) {
      const record = JSON.parse(line) as { text: string; spans: { start: number; end: number; text: string }[] };
      const codePoints = Array.from(record.text);
      for (const span of record.spans) {
        expect(codePoints.slice(span.start, span.end).join("")).toBe(span.text);
        spans++;
      }
    }
    expect(spans).toBe(5);
    // Written atomically: no temporary file is left behind.
    expect(await readdir(dir)).toEqual(["out.jsonl"]);
  });

  it.skipIf(!hasPython)("exports offsets that Python slices the same way", async () => {
    const run = await spanwise("export", fixture);
    const check = 'import sys, json\nn = 0\nfor line in sys.stdin:\n    r = json.loads(line)\n    for s in r["spans"]:\n        assert r["text"][s["start"]:s["end"]] == s["text"], s\n        n += 1\nprint(n)';
    expect(execFileSync("python3", ["-c", check], { input: run.stdout }).toString().trim()).toBe("5");
  });

  it("validates, exiting 1 with one line per problem and no stack trace", async () => {
    expect((await spanwise("validate", fixture)).code).toBe(0);
    const bytes = await readFile(fixture);
    await writeFile(path.join(dir, "cut.spanwise"), bytes.subarray(0, 500));
    const run = await spanwise("validate", "cut.spanwise");
    expect(run).toEqual({ code: 1, stdout: "", stderr: "cut.spanwise: truncated or damaged: the end of its zip directory is missing\n" });
  });

  it("fails with a one-line reason on a missing file", async () => {
    const run = await spanwise("stats", "nowhere.spanwise");
    expect(run).toEqual({ code: 1, stdout: "", stderr: 'spanwise: cannot read "nowhere.spanwise": no such file or folder\n' });
  });

  it("merges two files into a third that validates", async () => {
    const other = await buildSnapshot({
      projectId: "other",
      documents: [{ id: "x", text: "On 3 May the mayor 🏛️ said: «We will rebuild.»\nCafé owners cheered 👏🏽." }],
      spans: [{ id: "new-span", docId: "x", at: "Café", annotator: "cy", label: "actor" }],
    });
    await writeFile(path.join(dir, "other.spanwise"), await encodeProjectFile(other, { appVersion: "t" }));
    const run = await spanwise("merge", fixture, "other.spanwise", "-o", "merged.spanwise");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("  spans added         1\n");
    expect((await spanwise("validate", "merged.spanwise")).stdout).toBe("merged.spanwise: valid (file format 1): 2 documents, 6 spans and 1 deleted by 3 annotators\n");
  });

  it("exports a file in two threads, as the full decoder does", async () => {
    // Big enough for the worker to write its part in several blocks, copied while it writes.
    const documents = Array.from({ length: 3000 }, (_, i) => ({ id: `d${i}`, text: `Document ${i}: the mayor 🏛️ of Café ${i} met Ana. ${"Then the council sat until late. ".repeat(20)}` }));
    const spans = documents.flatMap((d, i) => [
      { id: `s${i}a`, docId: d.id, at: "mayor 🏛️", annotator: "ana" },
      { id: `s${i}b`, docId: d.id, at: "Ana", annotator: i % 2 ? "bob" : "ana", deleted: i % 7 === 0 },
    ]);
    const bytes = await encodeProjectFile(await buildSnapshot({ documents, spans }), { appVersion: "t" });
    await writeFile(path.join(dir, "thousand.spanwise"), bytes);
    const before = (await readdir(dir)).sort();
    // Big files only get a second thread; this one is made to count as big.
    const run = await spanwiseWith({ SPANWISE_DEBUG: "1", SPANWISE_PARTS_MIN_BYTES: "0" }, "export", "thousand.spanwise", "-o", "thousand.jsonl", "-q");
    expect(run).toEqual({ code: 0, stdout: "", stderr: "spanwise: debug: streamed thousand.spanwise in two parts\n" });
    // The same export, read whole by the decoder on this thread.
    const io = memoryIo({ "thousand.spanwise": bytes });
    expect(await runCli(["export", "thousand.spanwise", "-q"], io)).toBe(0);
    expect(await readFile(path.join(dir, "thousand.jsonl"), "utf8")).toBe(io.stdout);
    // No part or temporary file is left behind.
    expect((await readdir(dir)).sort()).toEqual([...before, "thousand.jsonl"].sort());
  });
});
