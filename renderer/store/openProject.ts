import { useCallback, useSyncExternalStore } from "react";
import { useLiveQuery } from "dexie-react-hooks";
import { db } from "./db";
import { saveStatus } from "./saveStatus";
import { CURRENT_PROJECT_KEY, session, windowProject } from "./windowProject";
import { docSettingKey, sessionDocKey } from "./settingKeys";

/**
 * What this window has open: its project, and per project its document.
 * Each window keeps its own (sessionStorage is per tab and per window), so
 * switching or creating a project in one window never moves another. The
 * store's settings keep the last one opened anywhere, which is what a new
 * window starts with.
 */

export { CURRENT_PROJECT_KEY, windowProject } from "./windowProject";

/** This window's open project id, or null before one is chosen. */
export function useWindowProject(): string | null {
  return useSyncExternalStore(windowProject.subscribe, windowProject.get);
}

/** Opens a project in this window and remembers it as the one a new window starts with. */
export function switchProject(id: string): Promise<unknown> {
  windowProject.set(id);
  return saveStatus.track(() => db.settings.put({ key: CURRENT_PROJECT_KEY, value: id }));
}

export { docSettingKey } from "./settingKeys";
const docListeners = new Set<() => void>();
const docSnapshot = new Map<string, string | null>();

/** This window's own open document in `projectId`: an id, null for none, undefined when it has not chosen one. */
export function windowDocument(projectId: string): string | null | undefined {
  if (docSnapshot.has(projectId)) return docSnapshot.get(projectId);
  const kept = session()?.getItem(sessionDocKey(projectId));
  if (kept !== null && kept !== undefined) docSnapshot.set(projectId, kept);
  return kept ?? undefined;
}

/**
 * This window's open document in `projectId` (null: none) and a function to
 * open another. A window that has not opened one in this project yet shows
 * the one last opened in any window (the setting), as a new window does.
 */
export function useWindowDocument(projectId: string, remembered0?: string | null): [string | null, (id: string) => void] {
  const own = useSyncExternalStore(
    useCallback((l: () => void) => {
      docListeners.add(l);
      return () => docListeners.delete(l);
    }, []),
    () => windowDocument(projectId),
  );
  // `remembered0`: the setting as read before React mounted (startup.ts), until the live query answers.
  const remembered = useLiveQuery(async () => ((await db.settings.get(docSettingKey(projectId)))?.value as string | undefined) ?? null, [projectId], remembered0);
  // Fixed once read: a document opened later in another window must not move this one.
  const fallback = useFirst(projectId, remembered);
  const open = useCallback(
    (id: string) => {
      docSnapshot.set(projectId, id);
      session()?.setItem(sessionDocKey(projectId), id);
      for (const l of docListeners) l();
      void saveStatus.track(() => db.settings.put({ key: docSettingKey(projectId), value: id })).catch(() => undefined);
    },
    [projectId],
  );
  return [own !== undefined ? own : (fallback ?? null), open];
}

const firstSeen = new Map<string, string | null>();

/** The first value `value` took for `key` in this window (undefined until it has one). */
function useFirst(key: string, value: string | null | undefined): string | null | undefined {
  if (value !== undefined && !firstSeen.has(key)) firstSeen.set(key, value);
  return firstSeen.has(key) ? firstSeen.get(key) : value;
}
