import type { DocumentRecord, Project, SpanRecord } from "../shared/model";
import { db } from "./store/db";
import { openStore } from "./store/openStore";
import { docSettingKey, windowDocument } from "./store/openProject";
import { openStartProject } from "./store/projects";
import { ANNOTATOR_KEY, hiddenLayersKey } from "./store/settingKeys";
import { documentSpans } from "./store/spans";

/**
 * What the first screen shows, read from the store in one go as soon as the
 * app's script runs (boot.tsx starts it before React mounts). Without it the
 * reopened document waited for a chain of reads, each started by the render
 * the previous one caused: the open project, then the annotator, then the
 * open document's id, then its text and spans (see bench/trace.ts and the
 * startup benchmark). The workspace takes these as its live queries' first
 * values; the live queries then keep them current.
 */
export interface FirstScreen {
  /** This window's project. */
  project: Project;
  /** Null until a name has been given. */
  annotator: string | null;
  /** The document last opened in this project in any window (the setting a window without its own choice follows). */
  rememberedDocId: string | null;
  /** The document this window shows, with its text and spans (tombstones included); null when none. */
  open: { doc: DocumentRecord; text: string; spans: SpanRecord[] } | null;
  /** Annotators whose layers were hidden in this project. */
  hidden: string[];
}

export { hiddenLayersKey } from "./store/settingKeys";

let reading: Promise<FirstScreen> | null = null;

/** Opens the store and reads the first screen (once; later calls share the first read). */
export function readFirstScreen(): Promise<FirstScreen> {
  reading ??= loadFirstScreen();
  return reading;
}

/**
 * Opens the store and this window's project (openStartProject: the one it
 * had open, else the last opened anywhere, else the first, else a new one)
 * and reads what the first screen shows, each round's requests side by side:
 * the project with the annotator; the project's settings; the open
 * document's record, text and spans.
 */
export async function loadFirstScreen(): Promise<FirstScreen> {
  await openStore();
  const [project, annotator] = await Promise.all([openStartProject(), db.settings.get(ANNOTATOR_KEY)]);
  const [remembered, hidden] = await Promise.all([db.settings.get(docSettingKey(project.id)), db.settings.get(hiddenLayersKey(project.id))]);
  const rememberedDocId = typeof remembered?.value === "string" ? remembered.value : null;
  const own = windowDocument(project.id);
  const openId = own !== undefined ? own : rememberedDocId;
  let open: FirstScreen["open"] = null;
  if (openId) {
    const [doc, text, spans] = await Promise.all([db.documents.get(openId), db.texts.get(openId), documentSpans(openId)]);
    if (doc && doc.projectId === project.id && text) open = { doc, text: text.text, spans };
  }
  return {
    project,
    annotator: typeof annotator?.value === "string" ? annotator.value : null,
    rememberedDocId,
    open,
    hidden: Array.isArray(hidden?.value) ? (hidden.value as string[]) : [],
  };
}

/**
 * Runs `task` once the page has painted and the main thread is idle: start-up
 * work the first screen does not need (asking for persistent storage, say)
 * must not delay it. Call it from an effect of the first screen.
 */
export function afterFirstPaint(task: () => void): () => void {
  let cancelled = false;
  let idle: number | undefined;
  const frame = requestAnimationFrame(() =>
    setTimeout(() => {
      if (cancelled) return;
      if (typeof requestIdleCallback === "function") idle = requestIdleCallback(() => task(), { timeout: 2000 });
      else task();
    }, 0),
  );
  return () => {
    cancelled = true;
    cancelAnimationFrame(frame);
    if (idle !== undefined) cancelIdleCallback(idle);
  };
}
