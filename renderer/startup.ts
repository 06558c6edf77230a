import type { DocumentRecord, Project, SpanRecord } from "../shared/model";
import { db } from "./store/db";
import { openStore } from "./store/openStore";
import { CURRENT_PROJECT_KEY, openStartProject } from "./store/projects";
import { ANNOTATOR_KEY } from "./store/settings";
import { documentSpans } from "./store/spans";

/**
 * What the first screen shows, read from the store in one go as soon as the
 * app's script runs (main.tsx starts it before React mounts). Without it the
 * reopened document waited for a chain of reads, each started by the render
 * the previous one caused: the open project, then the annotator, then the
 * open document's id, then its text and spans (see bench/trace.ts and the
 * startup benchmark). The workspace takes these as its live queries' first
 * values; the live queries then keep them current.
 */
export interface FirstScreen {
  project: Project;
  /** Null until a name has been given. */
  annotator: string | null;
  /** The document the project had open, with its text and spans (tombstones included); null when none. */
  open: { doc: DocumentRecord; text: string; spans: SpanRecord[] } | null;
  /** Annotators whose layers were hidden in this project. */
  hidden: string[];
}

/** The setting that remembers a project's open document. */
export const openDocumentKey = (projectId: string) => `currentDocId:${projectId}`;
/** The setting that remembers which annotators' layers a project hides. */
export const hiddenLayersKey = (projectId: string) => `hiddenAnnotators:${projectId}`;

let reading: Promise<FirstScreen> | null = null;

/** Opens the store and reads the first screen (once; later calls share the first read). */
export function readFirstScreen(): Promise<FirstScreen> {
  reading ??= loadFirstScreen();
  return reading;
}

/**
 * Opens the store and reads what the first screen shows, in three rounds of
 * read-only requests that IndexedDB runs side by side: the remembered
 * project's id and the annotator; the project and its settings; the open
 * document's record, text and spans. Only when no project is remembered (a
 * first start, or it was deleted) does it take the read-write way of
 * openStartProject, which may create one.
 */
export async function loadFirstScreen(): Promise<FirstScreen> {
  await openStore();
  const [remembered, annotator] = await Promise.all([db.settings.get(CURRENT_PROJECT_KEY), db.settings.get(ANNOTATOR_KEY)]);
  const rememberedId = typeof remembered?.value === "string" ? remembered.value : null;
  let found = rememberedId ? await projectWithSettings(rememberedId) : null;
  if (!found?.project) found = await projectWithSettings((await openStartProject()).id);
  const { project, openId, hidden } = found;
  let open: FirstScreen["open"] = null;
  if (typeof openId === "string") {
    const [doc, text, spans] = await Promise.all([db.documents.get(openId), db.texts.get(openId), documentSpans(openId)]);
    if (doc && doc.projectId === project!.id && text) open = { doc, text: text.text, spans };
  }
  return {
    project: project!,
    annotator: typeof annotator?.value === "string" ? annotator.value : null,
    open,
    hidden: Array.isArray(hidden) ? (hidden as string[]) : [],
  };
}

async function projectWithSettings(id: string): Promise<{ project: Project | undefined; openId: unknown; hidden: unknown }> {
  const [project, openId, hidden] = await Promise.all([db.projects.get(id), db.settings.get(openDocumentKey(id)), db.settings.get(hiddenLayersKey(id))]);
  return { project, openId: openId?.value, hidden: hidden?.value };
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
