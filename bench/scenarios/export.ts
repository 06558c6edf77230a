/**
 * Scenario 4: exporting a big project (10,000 documents, 1,000,000 spans) to
 * JSON Lines, in the app (click on Export → "Export JSONL" to the download starting,
 * with the renderer's peak memory) and with the CLI from a project file of
 * the same documents and spans. The first export of each is read back to
 * check that nothing was lost.
 */
import { spawn } from "node:child_process";
import { createReadStream, existsSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";
import { DEFAULT_LABELS } from "../../shared/model";
import { sha256Hex } from "../../shared/hash";
import { encodeProjectFile, type ProjectSnapshot } from "../../shared/projectFile";
import { backupWritten, openApp, procMemory, rendererMemory, resetPeak, seed } from "../app";
import { corpusKit } from "../corpus";
import type { RunContext, Scenario } from "../scenario";
import type { SeedRequest } from "../seed";
import { figure } from "../stats";

function bigProject(smoke: boolean): SeedRequest {
  return {
    seed: 4,
    batch: 50_000,
    groups: [smoke ? { count: 50, chars: 2000, paragraphChars: 400, spans: 20, overlapShare: 0.3 } : { count: 10_000, chars: 5000, paragraphChars: 600, spans: 100, overlapShare: 0.3 }],
  };
}

/** Reads an export back: its documents and spans, and whether every span's text is its slice of the document text. */
async function readBack(file: string): Promise<{ documents: number; spans: number }> {
  let documents = 0;
  let spans = 0;
  for await (const line of createInterface({ input: createReadStream(file, "utf8"), crlfDelay: Infinity })) {
    if (!line) continue;
    const record = JSON.parse(line) as { text: string; spans: { start: number; end: number; text: string }[] };
    const points = Array.from(record.text);
    for (const s of record.spans) {
      if (points.slice(s.start, s.end).join("") !== s.text) throw new Error(`export is wrong: span text differs at ${s.start}-${s.end}`);
    }
    documents++;
    spans += record.spans.length;
  }
  return { documents, spans };
}

/** The same documents and spans as the app's seeded store, as a project file (made once, kept in the cache folder). */
async function projectFile(ctx: RunContext, request: SeedRequest): Promise<string> {
  const group = request.groups[0]!;
  const file = path.join(ctx.cacheDir, `project-${group.count}x${group.spans}.spanwise`);
  if (existsSync(file)) return file;
  ctx.log(`writing ${file}`);
  const kit = corpusKit(request.seed);
  const projectId = "bench-project";
  const base = Date.UTC(2026, 0, 1);
  const snapshot: ProjectSnapshot = {
    project: { id: projectId, name: "bench", labels: DEFAULT_LABELS.map((l) => ({ ...l })), createdAt: base, updatedAt: base },
    documents: [],
    spans: [],
    unknownMembers: {},
  };
  for (let i = 0; i < group.count; i++) {
    const d = kit.document(group);
    snapshot.documents.push({ doc: { id: d.id, projectId, title: d.title, textHash: await sha256Hex(d.text), length: d.text.length, createdAt: base + i + 1 }, text: d.text });
    for (const s of d.spans) {
      const at = base + snapshot.spans.length;
      snapshot.spans.push({ id: s.id, projectId, docId: d.id, start: s.start, end: s.end, label: s.label, annotator: "bench", createdAt: at, updatedAt: at, deleted: false });
    }
  }
  writeFileSync(file, await encodeProjectFile(snapshot, { appVersion: "bench", verifyTextHashes: false }));
  return file;
}

/** Runs the CLI export; wall time in s and peak resident memory in MB (Linux). */
function cliExport(root: string, input: string, output: string): Promise<{ seconds: number; peak: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [path.join(root, "bin", "spanwise.js"), "export", input, "--format", "jsonl", "-o", output, "-q"], { stdio: ["ignore", "ignore", "pipe"] });
    let peak = 0;
    let stderr = "";
    const timer = setInterval(() => {
      const now = child.pid ? procMemory(child.pid)?.peak : undefined;
      if (now !== undefined && Number.isFinite(now)) peak = Math.max(peak, now);
    }, 25);
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("exit", (code) => {
      clearInterval(timer);
      if (code !== 0) reject(new Error(`spanwise export exited with ${code}: ${stderr.trim()}`));
      else resolve({ seconds: (performance.now() - started) / 1000, peak });
    });
  });
}

export const exportScenario: Scenario = {
  name: "export",
  async run(ctx) {
    const request = bigProject(ctx.smoke);
    const runs = ctx.smoke ? 1 : 3;
    const appTimes: number[] = [];
    const heapPeaks: number[] = [];
    const residentPeaks: number[] = [];
    const residentGrowth: number[] = [];
    const session = await openApp(ctx.url);
    try {
      const at = Date.now();
      const seeded = await seed(session, request);
      const { page } = session;
      ctx.log(`seeded ${seeded.documents} documents, ${seeded.spans} spans in ${((Date.now() - at) / 1000).toFixed(0)} s`);
      await page.locator(".sw-doclist .sw-count", { hasText: String(seeded.documents) }).waitFor();
      ctx.log(`waited ${(await backupWritten(page, seeded.projectId)).toFixed(0)} s for the automatic backup of the seeded project`);
      for (let r = 0; r < runs; r++) {
        const renderer = await rendererMemory(session);
        if (renderer) resetPeak(renderer.pid);
        const before = renderer ? procMemory(renderer.pid)?.rss : undefined;
        // The export is an item of the header's Export menu: the menu is opened before the clock starts.
        await page.locator(".sw-header").getByRole("button", { name: "Export", exact: true }).click();
        await page.evaluate(() => {
          const clicks: number[] = [];
          window.addEventListener("click", (e) => clicks.push(e.timeStamp), { capture: true });
          const heap = window.__probe.sampleHeap();
          (window as unknown as { __export: () => { ms: number; heap: number } }).__export = () => ({ ms: clicks.at(-1)! - clicks[0]!, heap: heap.stop() });
        });
        const download = page.waitForEvent("download", { timeout: 600_000 });
        await page.getByRole("menu", { name: "Export" }).getByRole("menuitem", { name: "Export JSONL" }).click();
        const file = path.join(ctx.cacheDir, "app-export.jsonl");
        await (await download).saveAs(file);
        const result = await page.evaluate(() => (window as unknown as { __export: () => { ms: number; heap: number } }).__export());
        const peak = renderer ? procMemory(renderer.pid)?.peak : undefined;
        appTimes.push(result.ms / 1000);
        heapPeaks.push(result.heap / 1e6);
        if (peak !== undefined) residentPeaks.push(peak);
        if (peak !== undefined && before !== undefined) residentGrowth.push(peak - before);
        ctx.log(`app run ${r + 1}: ${(result.ms / 1000).toFixed(2)} s, peak heap ${(result.heap / 1e6).toFixed(0)} MB, peak resident ${peak?.toFixed(0) ?? "?"} MB (${before?.toFixed(0) ?? "?"} MB before), ${(statSync(file).size / 1e6).toFixed(0)} MB written`);
        if (r === 0) {
          const back = await readBack(file);
          if (back.documents !== seeded.documents || back.spans !== seeded.spans) {
            throw new Error(`the app's export lost data: ${back.documents}/${seeded.documents} documents, ${back.spans}/${seeded.spans} spans`);
          }
        }
        rmSync(file);
      }
    } finally {
      await session.close();
    }

    const input = await projectFile(ctx, request);
    const cliTimes: number[] = [];
    const cliPeaks: number[] = [];
    for (let r = 0; r < runs; r++) {
      const output = path.join(ctx.cacheDir, "cli-export.jsonl");
      const run = await cliExport(ctx.root, input, output);
      cliTimes.push(run.seconds);
      cliPeaks.push(run.peak);
      ctx.log(`CLI run ${r + 1}: ${run.seconds.toFixed(2)} s, peak resident ${run.peak.toFixed(0)} MB`);
      if (r === 0) {
        const back = await readBack(output);
        const expected = request.groups[0]!;
        if (back.documents !== expected.count || back.spans !== expected.count * expected.spans) {
          throw new Error(`the CLI's export lost data: ${back.documents} documents, ${back.spans} spans`);
        }
      }
      rmSync(output);
    }
    const spans = request.groups[0]!.count * request.groups[0]!.spans;
    return [
      figure("export.app", `4. app: ${spans} spans, click → download`, "s", appTimes, { target: 5 }),
      figure("export.appPeakHeap", "4. app: peak renderer JS heap during export", "MB", heapPeaks),
      ...(residentPeaks.length ? [figure("export.appPeakResident", "4. app: peak renderer resident memory", "MB", residentPeaks)] : []),
      ...(residentGrowth.length ? [figure("export.appResidentGrowth", "4. app: of which added by the export (peak − before)", "MB", residentGrowth)] : []),
      figure("export.cli", `4. CLI: ${spans} spans from a project file`, "s", cliTimes, { target: 5 }),
      figure("export.cliPeakResident", "4. CLI: peak resident memory", "MB", cliPeaks),
    ];
  },
};
