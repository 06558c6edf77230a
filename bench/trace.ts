/**
 * Where a cold start's time goes: one start of the app recorded with
 * Chromium's tracing (the file opens in DevTools' Performance panel or
 * ui.perfetto.dev), plus a timeline the page writes of its own milestones:
 * each IndexedDB request from its call to its answer, and when the loading
 * screen, the workspace, the title, the first paragraph and the first span
 * entered the DOM. `--trace=DIR` on the startup scenario runs it.
 */
import { writeFileSync } from "node:fs";
import type { BrowserContext, Page } from "@playwright/test";

/** A moment or an interval on the page's clock (ms since navigation start). */
export interface Mark {
  what: string;
  start: number;
  end: number;
}

declare global {
  interface Window {
    __timeline?: Mark[];
  }
}

/** Runs in the page before its scripts (self-contained): records IndexedDB requests and DOM milestones in `window.__timeline`. */
export function installStartupTimeline(): void {
  if (location.protocol !== "http:") return;
  const marks: Mark[] = [];
  window.__timeline = marks;
  const wrap = (proto: object, method: string, describe: (self: IDBObjectStore | IDBIndex | IDBFactory, args: unknown[]) => string) => {
    const original = (proto as Record<string, (...args: unknown[]) => IDBRequest>)[method]!;
    (proto as Record<string, unknown>)[method] = function (this: IDBObjectStore, ...args: unknown[]) {
      const start = performance.now();
      const request = original.apply(this, args);
      const what = describe(this, args);
      const done = () => marks.push({ what, start, end: performance.now() });
      request.addEventListener("success", done);
      request.addEventListener("error", done);
      return request;
    };
  };
  wrap(IDBFactory.prototype, "open", (_, args) => `indexedDB.open(${String(args[0])})`);
  const storeName = (self: IDBObjectStore | IDBIndex | IDBFactory) => (self instanceof IDBIndex ? `${self.objectStore.name}[${String(self.name)}]` : (self as IDBObjectStore).name);
  for (const proto of [IDBObjectStore.prototype, IDBIndex.prototype]) {
    for (const method of ["get", "getAll", "count", "openCursor", "getAllKeys"]) {
      wrap(proto, method, (self) => `${storeName(self)}.${method}`);
    }
  }
  const milestones: [string, string][] = [
    ["loading screen", ".sw-loading"],
    ["workspace", ".sw-app"],
    ["document list row", ".sw-doclist .sw-doc"],
    ["title", ".sw-doctitle"],
    ["first paragraph", ".ProseMirror p"],
    ["first span", ".sw-span"],
  ];
  const seen = new Set<string>();
  const observer = new MutationObserver(() => {
    for (const [what, selector] of milestones) {
      if (!seen.has(what) && document.querySelector(selector)) {
        seen.add(what);
        const at = performance.now();
        marks.push({ what: `DOM: ${what}`, start: at, end: at });
      }
    }
    if (seen.size === milestones.length) observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true });
}

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { data?: { url?: string; frame?: string; documentLoaderURL?: string }; [key: string]: unknown };
}

const CATEGORIES = [
  "devtools.timeline",
  "disabled-by-default-devtools.timeline",
  "v8.execute",
  "v8",
  "blink.user_timing",
  "loading",
  "navigation",
  "disabled-by-default-v8.compile",
  "IndexedDB",
].join(",");

/**
 * Starts Chromium tracing and the JS sampling profiler on a page before it
 * navigates; `stop` writes `<stem>.trace.json` and `<stem>.cpuprofile` (which
 * names the functions the trace only shows as script positions) and returns
 * the trace's events.
 */
export async function startTracing(context: BrowserContext, page: Page): Promise<{ stop(stem: string): Promise<TraceEvent[]> }> {
  const cdp = await context.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on("Tracing.dataCollected", (e) => events.push(...(e.value as unknown as TraceEvent[])));
  await cdp.send("Tracing.start", { categories: CATEGORIES, transferMode: "ReportEvents" });
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 500 });
  await cdp.send("Profiler.start");
  return {
    async stop(stem) {
      const { profile } = await cdp.send("Profiler.stop");
      writeFileSync(`${stem}.cpuprofile`, JSON.stringify(profile));
      const complete = new Promise<void>((resolve) => cdp.once("Tracing.tracingComplete", () => resolve()));
      await cdp.send("Tracing.end");
      await complete;
      writeFileSync(`${stem}.trace.json`, JSON.stringify({ traceEvents: events }));
      return events;
    },
  };
}

/**
 * The breakdown of a cold start: the main thread's work between navigation
 * start and `until` (ms), by kind, from the trace; and the page's own
 * timeline. Lines of text, for the log.
 */
export function breakdown(events: TraceEvent[], timeline: Mark[], until: number, appUrl: string): string[] {
  const nav = events.find((e) => e.name === "navigationStart" && e.args?.data?.documentLoaderURL?.startsWith(appUrl));
  if (!nav) return ["(no navigationStart for the app in the trace)"];
  const main = { pid: nav.pid, tid: nav.tid };
  const t0 = nav.ts;
  const endTs = t0 + until * 1000;
  const onMain = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === "X" && e.ts >= t0 && e.ts <= endTs && e.dur !== undefined);
  const ms = (us: number) => Math.round(us / 100) / 10;
  const sum = (names: string[], filter: (e: TraceEvent) => boolean = () => true) =>
    ms(onMain.filter((e) => names.includes(e.name) && filter(e)).reduce((a, e) => a + e.dur!, 0));
  const busy = ms(onMain.filter((e) => e.name === "RunTask").reduce((a, e) => a + e.dur!, 0));
  const lines = [
    `main thread busy (tasks) ${busy} ms of the first ${Math.round(until)} ms`,
    `  script compile ${sum(["v8.compile", "V8.CompileCode", "v8.compileModule", "CompileScript"])} ms, evaluate ${sum(["EvaluateScript", "v8.evaluateModule"])} ms, other JS ${sum(["FunctionCall", "TimerFire", "FireAnimationFrame", "EventDispatch", "RunMicrotasks", "V8.RunMicrotasks"])} ms`,
    `  style ${sum(["UpdateStyle", "RecalculateStyles", "ParseAuthorStyleSheet"])} ms, layout ${sum(["Layout", "UpdateLayoutTree"])} ms, paint ${sum(["Paint", "PrePaint", "Layerize", "Commit"])} ms, HTML parse ${sum(["ParseHTML"])} ms, GC ${sum(["MajorGC", "MinorGC", "V8.GC_SCAVENGER", "BlinkGC.AtomicPhase"])} ms`,
  ];
  // Only the app's own requests: a fresh browser profile also loads Chromium's own pages.
  const sends = events.filter((e) => e.name === "ResourceSendRequest" && e.ts >= t0 && e.ts <= endTs && e.args?.data?.url?.startsWith(appUrl));
  for (const send of sends) {
    const url = send.args?.data?.url ?? "?";
    const finish = events.find((e) => e.name === "ResourceFinish" && (e.args?.data as { requestId?: string } | undefined)?.requestId === (send.args?.data as { requestId?: string } | undefined)?.requestId);
    lines.push(`  fetch ${url.slice(url.lastIndexOf("/") + 1) || url}: ${ms(send.ts - t0)} → ${finish ? ms(finish.ts - t0) : "?"} ms`);
  }
  for (const e of onMain.filter((e) => e.name === "EvaluateScript" || e.name === "v8.evaluateModule")) {
    const url = e.args?.data?.url ?? "";
    lines.push(`  evaluate ${url.slice(url.lastIndexOf("/") + 1) || "(inline)"}: ${ms(e.ts - t0)} → ${ms(e.ts - t0 + e.dur!)} ms`);
  }
  const longest = [...onMain.filter((e) => e.name === "RunTask")].sort((a, b) => b.dur! - a.dur!).slice(0, 5);
  lines.push(`  longest tasks: ${longest.map((e) => `${ms(e.dur!)} ms at ${ms(e.ts - t0)}`).join(", ")}`);
  lines.push("page timeline (ms since navigation start):");
  for (const m of [...timeline].sort((a, b) => a.start - b.start)) {
    lines.push(m.end === m.start ? `  ${m.start.toFixed(1)}  ${m.what}` : `  ${m.start.toFixed(1)} → ${m.end.toFixed(1)} (${(m.end - m.start).toFixed(1)})  ${m.what}`);
  }
  return lines;
}
