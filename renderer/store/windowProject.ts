/**
 * This window's open project, kept in sessionStorage (per tab, per window),
 * without React, so store modules that workers also load can use it.
 */

import { SESSION_PROJECT } from "./settingKeys";
import { webStorage } from "./webStorage";

export { CURRENT_PROJECT_KEY } from "./settingKeys";

/** sessionStorage where there is one (not in Node tests or workers). */
export const session = (): Storage | null => webStorage("sessionStorage");

let openProject: string | null = session()?.getItem(SESSION_PROJECT) ?? null;
const listeners = new Set<() => void>();
/** Projects this window deleted: their disappearance needs no notice here. */
const deletedHere = new Set<string>();
const goneListeners = new Set<(id: string) => void>();

export const windowProject = {
  get: (): string | null => openProject,
  /** Opens `id` in this window (only). */
  set(id: string): void {
    if (id === openProject) return;
    openProject = id;
    session()?.setItem(SESSION_PROJECT, id);
    for (const l of listeners) l();
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  /**
   * A write found `id` gone (deleted in another window a moment ago, before
   * this one heard): this window closes it as it would on hearing.
   */
  projectGone(id: string): void {
    for (const l of goneListeners) l(id);
  },
  onProjectGone(listener: (id: string) => void): () => void {
    goneListeners.add(listener);
    return () => goneListeners.delete(listener);
  },
  markDeletedHere(id: string): void {
    deletedHere.add(id);
  },
  wasDeletedHere(id: string): boolean {
    return deletedHere.has(id);
  },
};

