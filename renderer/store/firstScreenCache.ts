import { SNAPSHOT_KEY, blankSnapshotOf, keptIdentity, snapshotOf } from "../firstPaint/snapshot";
import type { StoredScreen } from "../firstPaint/screen";
import { db } from "./db";
import { CURRENT_PROJECT_KEY, docSettingKey } from "./settingKeys";
import { webStorage } from "./webStorage";

const storage = () => webStorage("localStorage");

/**
 * The app's side of the kept first screen (renderer/firstPaint/snapshot.ts):
 * a copy, in localStorage, of the first screen of the document a new window
 * reopens, which the next start paints without waiting for IndexedDB. It is
 * derived from the store and never the truth: written only when the
 * screen's document is the one the settings reopen (the last opened project
 * and its last opened document), dropped when its project is deleted,
 * replaced or merged into, and checked against the store by the first paint.
 */

/** Whether a new window would reopen `docId` of `projectId` (null: the project with no document open). */
async function reopened(projectId: string, docId: string | null): Promise<boolean> {
  const [project, doc] = await db.transaction("r", db.settings, () => Promise.all([db.settings.get(CURRENT_PROJECT_KEY), db.settings.get(docSettingKey(projectId))]));
  if (project?.value !== projectId) return false;
  return docId === null ? typeof doc?.value !== "string" || doc.value === "" : doc?.value === docId;
}

/** Drops the kept screen if it shows `projectId` (and `docId`, when given); without a project, whatever it shows. */
export function forgetFirstScreen(projectId?: string, docId?: string): void {
  const local = storage();
  if (!local) return;
  try {
    const kept = keptIdentity(local.getItem(SNAPSHOT_KEY));
    if (projectId === undefined || !kept || (kept.projectId === projectId && (docId === undefined || kept.docId === docId))) local.removeItem(SNAPSHOT_KEY);
  } catch {
    // No storage to clear.
  }
}

/**
 * Keeps `screen` (this window's open document as its reader shows it) for
 * the next start when it is what a new window would reopen; a copy of the
 * same document that is no longer that is dropped. `screen` null: the
 * window shows `projectId` with no document; if a new window would too, a
 * blank is kept, so that a start knows at once it has nothing to paint.
 */
export async function keepFirstScreen(projectId: string, screen: StoredScreen | null): Promise<void> {
  const local = storage();
  if (!local) return;
  if (!(await reopened(projectId, screen?.docId ?? null))) {
    if (screen) forgetFirstScreen(projectId, screen.docId);
    return;
  }
  try {
    const value = screen ? snapshotOf(screen) : blankSnapshotOf(projectId);
    if (local.getItem(SNAPSHOT_KEY) !== value) local.setItem(SNAPSHOT_KEY, value);
  } catch {
    // Storage full or refused: the first paint reads the store instead.
    forgetFirstScreen();
  }
}
