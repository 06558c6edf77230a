/**
 * Issue 21: start-up, side by side. The same generated documents (S = 50 KiB
 * with 500 spans, M = 200 KiB with 2,000, L = 1 MiB with 10,000) opened
 * (a) in Spanwise: a cold browser process on a stored project whose last
 *     document is reopened, then a reload of the same page;
 * (b) in @recogito/text-annotator: its page with the text and the spans as
 *     annotations (peers.ts), cold, then reloaded;
 * (c) the floor: a blank page with only the text in a <pre>.
 * From navigation start to the text painted and to every span in view
 * painted; each run a fresh browser process on a profile folder of its own
 * (the store on disk, caches dropped). Then the page is scrolled top to
 * bottom (longest frame) and its JS heap taken after a garbage collection.
 * Ratios are taken run by run (the tools of one run start one after
 * another, so they share the machine's mood) and summarised like the rest.
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { BrowserContext, Page } from "@playwright/test";
import { afterLoad, coldProfile, heapAfterGc, launchBrowser, seededProfile } from "../app";
import { corpusKit, type CorpusDocument, type DocumentShape } from "../corpus";
import { servePeerPages, writePeerPages } from "../peers";
import { installProbe } from "../probe";
import type { RunContext, Scenario } from "../scenario";
import type { SeedResult } from "../seed";
import { installStartupProbe, type StartupExpectation, type StartupTimes, type StartupTool } from "../startupProbe";
import { figure, type Figure } from "../stats";
import { breakdown, installStartupTimeline, startTracing } from "../trace";
import { scrollThrough } from "./open";

interface Size {
  key: string;
  shape: DocumentShape;
}

const SIZES: Size[] = [
  { key: "S", shape: { chars: 50 * 1024, paragraphChars: 400, spans: 500, overlapShare: 0.3 } },
  { key: "M", shape: { chars: 200 * 1024, paragraphChars: 400, spans: 2_000, overlapShare: 0.3 } },
  { key: "L", shape: { chars: 1024 * 1024, paragraphChars: 400, spans: 10_000, overlapShare: 0.3 } },
];
const SMOKE_SIZES: Size[] = [{ key: "S", shape: { chars: 10 * 1024, paragraphChars: 400, spans: 100, overlapShare: 0.3 } }];

/** Short documents stored beside the measured one, so the reopened project has a list. */
const OTHER_DOCUMENTS = { count: 20, chars: 3000, paragraphChars: 400, spans: 10, overlapShare: 0 };
/** Lines of the text the probe is told about: far more than a window shows at the top. */
const LINES_IN_VIEW = 200;
/** Recogito needs minutes for L on a busy 2-core machine. */
const TIMEOUT_MS = 600_000;

/**
 * What is started in each run: the floor, Recogito, Spanwise as a coder
 * finds it (the app keeps the last document's first screen, snapshot.ts),
 * and Spanwise without that copy (its first paint reads IndexedDB, as on
 * the first start after an update that changed the copy's layout).
 */
type Runner = StartupTool | "spanwiseStore";
const RUNNERS: Runner[] = ["floor", "recogito", "spanwise", "spanwiseStore"];
const probeTool = (runner: Runner): StartupTool => (runner === "spanwiseStore" ? "spanwise" : runner);

/** The document of a size, made in Node exactly as the seeding makes it in the page (same seed, same draws). */
function sizedDocument(size: Size, seed: number): CorpusDocument {
  return corpusKit(seed).document(size.shape, `${size.key} document`);
}

function expectation(tool: StartupTool, doc: CorpusDocument): StartupExpectation {
  const lines = doc.text.split("\n").slice(0, LINES_IN_VIEW);
  const lineSpans: string[][] = lines.map(() => []);
  const lineStarts: number[] = [];
  let at = 0;
  for (const line of lines) {
    lineStarts.push(at);
    at += line.length + 1;
  }
  for (const s of doc.spans) {
    if (s.start >= at) continue;
    let line = lineStarts.length - 1;
    while (lineStarts[line]! > s.start) line--;
    lineSpans[line]!.push(s.id);
  }
  return { tool, title: doc.title, lines, lineSpans, timeoutMs: TIMEOUT_MS };
}

/** Remembers the measured document as the project's open one, as if the coder had last been reading it (runs in the page). */
async function rememberOpenDocument(seeded: SeedResult): Promise<void> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open("spanwise");
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  await new Promise<void>((resolve, reject) => {
    const tx = db.transaction("settings", "readwrite");
    tx.objectStore("settings").put({ key: `currentDocId:${seeded.projectId}`, value: seeded.first[0]!.id });
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  db.close();
}

/** Shows the remembered document once, as the coder's last session did, until the app has kept its first screen (localStorage). */
async function showOpenDocument(page: Page, seeded: SeedResult): Promise<void> {
  await page.reload();
  const docId = seeded.first[0]!.id;
  await page.waitForFunction((docId) => (localStorage.getItem("spanwise.firstScreen") ?? "").includes(`"docId":${JSON.stringify(docId)}`), docId, { timeout: 120_000 });
}

/** Navigates (or reloads) and waits for the startup probe's two times. */
function measureLoad(page: Page, load: () => Promise<unknown>): Promise<StartupTimes> {
  return afterLoad<StartupTimes>(page, load, "__startup");
}

async function startBrowser(profileDir: string, expect: StartupExpectation, timeline = false): Promise<{ context: BrowserContext; page: Page }> {
  const context = await launchBrowser(profileDir);
  const page = context.pages()[0] ?? (await context.newPage());
  await page.addInitScript(installProbe);
  await page.addInitScript(installStartupProbe, expect);
  if (timeline) await page.addInitScript(installStartupTimeline);
  return { context, page };
}

interface RunResult {
  cold: StartupTimes;
  reload: StartupTimes;
  scrollFrame?: number;
  heap?: number;
}

export const startupScenario: Scenario = {
  name: "startup",
  async run(ctx) {
    const only = process.env.BENCH_STARTUP_SIZES?.split(",");
    const sizes = ctx.smoke ? SMOKE_SIZES : SIZES.filter((s) => !only || only.includes(s.key));
    const runs = ctx.smoke ? 2 : 5;
    const peersDir = path.join(ctx.cacheDir, "peers");
    const docs = Object.fromEntries(sizes.map((size, i) => [size.key, sizedDocument(size, 21 + i)]));
    await writePeerPages(ctx.root, peersDir, docs);
    const peers = await servePeerPages(peersDir, Number(new URL(ctx.url).port) + 1);
    const figures: Figure[] = [];
    try {
      for (const [i, size] of sizes.entries()) {
        const doc = docs[size.key]!;
        const { profileDir: template } = await seededProfile(
          ctx.url,
          { seed: 21 + i, batch: 20_000, groups: [{ count: 1, ...size.shape, titles: [doc.title] }, OTHER_DOCUMENTS] },
          rememberOpenDocument,
          showOpenDocument,
        );
        try {
          if (ctx.traceDir) await traceColdStart(ctx, template, size, doc);
          figures.push(...(await sideBySide(ctx, template, size, doc, peers.url, runs)));
        } finally {
          rmSync(template, { recursive: true, force: true });
        }
      }
    } finally {
      await peers.close();
    }
    return figures;
  },
};

async function sideBySide(ctx: RunContext, template: string, size: Size, doc: CorpusDocument, peersUrl: string, runs: number): Promise<Figure[]> {
  const results: Record<Runner, RunResult[]> = { floor: [], recogito: [], spanwise: [], spanwiseStore: [] };
  const urls: Record<Runner, string> = { floor: `${peersUrl}floor-${size.key}.html`, recogito: `${peersUrl}recogito-${size.key}.html`, spanwise: ctx.url, spanwiseStore: ctx.url };
  for (let r = 0; r < runs; r++) {
    for (const tool of RUNNERS) {
      const profileDir =
        tool === "spanwise" || tool === "spanwiseStore" ? coldProfile(template, { keptScreen: tool === "spanwise" }) : mkdtempSync(path.join(os.tmpdir(), "spanwise-bench-peer-"));
      const { context, page } = await startBrowser(profileDir, expectation(probeTool(tool), doc));
      try {
        const cold = await measureLoad(page, () => page.goto(urls[tool], { waitUntil: "commit" }));
        const reload = await measureLoad(page, () => page.reload({ waitUntil: "commit" }));
        const result: RunResult = { cold, reload };
        if (tool === "spanwise" || tool === "recogito") {
          result.scrollFrame = (await scrollThrough(page, ctx.smoke ? 20 : 300, tool === "spanwise" ? ".sw-reader-scroll" : null)).frame;
          result.heap = await heapAfterGc(await context.newCDPSession(page));
        }
        results[tool].push(result);
        const extra = result.heap === undefined ? "" : `, scroll's longest frame ${result.scrollFrame!.toFixed(0)} ms, heap ${result.heap.toFixed(1)} MB`;
        const times = (t: StartupTimes) => `${t.text.toFixed(0)} / ${t.spans.toFixed(0)}${probeTool(tool) === "spanwise" ? ` / ${t.ready.toFixed(0)}` : ""} ms`;
        ctx.log(`${size.key} run ${r + 1} ${tool}: cold ${times(cold)}, reload ${times(reload)}${extra}`);
      } finally {
        await context.close();
        rmSync(profileDir, { recursive: true, force: true });
      }
    }
  }

  const k = size.key;
  const chars = `${Math.round(size.shape.chars / 1024)} KiB, ${size.shape.spans} spans`;
  const of = (tool: Runner, pick: (r: RunResult) => number) => results[tool].map(pick);
  const ratio = (a: Runner, b: Runner, pa: (r: RunResult) => number, pb: (r: RunResult) => number) =>
    results[a].map((ra, i) => pa(ra) / pb(results[b][i]!));
  const out: Figure[] = [];
  for (const load of ["cold", "reload"] as const) {
    const text = (r: RunResult) => r[load].text;
    const spans = (r: RunResult) => r[load].spans;
    const how = load === "cold" ? "cold start" : "reload";
    out.push(
      figure(`startup.${k}.${load}.floor`, `21. ${k} (${chars}) ${how}: bare <pre> → text painted`, "ms", of("floor", text)),
      figure(`startup.${k}.${load}.recogito.text`, `21. ${k} ${how}: Recogito → text painted`, "ms", of("recogito", text)),
      figure(`startup.${k}.${load}.recogito.spans`, `21. ${k} ${how}: Recogito → spans in view painted`, "ms", of("recogito", spans)),
      figure(`startup.${k}.${load}.spanwise.text`, `21. ${k} ${how}: Spanwise → text painted`, "ms", of("spanwise", text), { target: 150 }),
      figure(`startup.${k}.${load}.spanwise.spans`, `21. ${k} ${how}: Spanwise → spans in view painted`, "ms", of("spanwise", spans), { target: 200 }),
      figure(`startup.${k}.${load}.spanwise.ready`, `21. ${k} ${how}: Spanwise → its reader shows the spans in view (ready to tag)`, "ms", of("spanwise", (r) => r[load].ready)),
      figure(`startup.${k}.${load}.spanwiseStore.spans`, `21. ${k} ${how}: Spanwise without its kept first screen (read from IndexedDB) → spans in view painted`, "ms", of("spanwiseStore", spans)),
      figure(`startup.${k}.${load}.spanwiseStore.ready`, `21. ${k} ${how}: Spanwise without its kept first screen → its reader ready`, "ms", of("spanwiseStore", (r) => r[load].ready)),
      figure(`startup.${k}.${load}.readyVsRecogito`, `21. ${k} ${how}: Spanwise's reader ready / Recogito spans in view`, "ratio", ratio("spanwise", "recogito", (r) => r[load].ready, spans)),
      figure(`startup.${k}.${load}.spanwiseVsRecogito`, `21. ${k} ${how}: Spanwise / Recogito, spans in view`, "ratio", ratio("spanwise", "recogito", spans, spans), { target: 1 }),
      figure(`startup.${k}.${load}.spanwiseVsFloor`, `21. ${k} ${how}: Spanwise spans in view / floor`, "ratio", ratio("spanwise", "floor", spans, text), { target: 2 }),
      figure(`startup.${k}.${load}.recogitoVsFloor`, `21. ${k} ${how}: Recogito spans in view / floor`, "ratio", ratio("recogito", "floor", spans, text)),
    );
  }
  for (const tool of ["spanwise", "recogito"] as const) {
    const name = tool === "spanwise" ? "Spanwise" : "Recogito";
    out.push(
      figure(`startup.${k}.${tool}.scrollLongestFrame`, `21. ${k} ${name}: longest frame, scrolling top to bottom`, "ms", of(tool, (r) => r.scrollFrame!)),
      figure(`startup.${k}.${tool}.heap`, `21. ${k} ${name}: JS heap after scrolling (after GC)`, "MB", of(tool, (r) => r.heap!)),
    );
  }
  return out;
}

/**
 * One traced cold start of Spanwise (the trace file and the page's own
 * timeline), with the breakdown in the log: where the time to the first
 * text goes.
 */
async function traceColdStart(ctx: RunContext, template: string, size: Size, doc: CorpusDocument): Promise<void> {
  const profileDir = coldProfile(template);
  const { context, page } = await startBrowser(profileDir, expectation("spanwise", doc), true);
  try {
    const tracing = await startTracing(context, page);
    const times = await measureLoad(page, () => page.goto(ctx.url, { waitUntil: "commit" }));
    const timeline = await page.evaluate(() => window.__timeline ?? []);
    mkdirSync(ctx.traceDir!, { recursive: true });
    const stem = path.join(ctx.traceDir!, `startup-${size.key}`);
    const events = await tracing.stop(stem);
    ctx.log(`${size.key} traced cold start: text ${times.text.toFixed(0)} ms, spans ${times.spans.toFixed(0)} ms (tracing slows it); ${stem}.trace.json and .cpuprofile`);
    for (const line of breakdown(events, timeline, times.spans, ctx.url)) ctx.log(`  ${line}`);
  } finally {
    await context.close();
    rmSync(profileDir, { recursive: true, force: true });
  }
}
