import { DEFAULT_LABELS, type Project } from "../../shared/model";
import { db } from "./db";
import { saveStatus } from "./saveStatus";

export const CURRENT_PROJECT_KEY = "currentProjectId";

/** A new, empty project with the default labels. */
export function newProject(name: string): Project {
  const now = Date.now();
  return { id: crypto.randomUUID(), name, labels: DEFAULT_LABELS.map((l) => ({ ...l })), createdAt: now, updatedAt: now };
}

/**
 * The project to open on start: the last one opened, else the first there is,
 * else a new one (created in the same transaction that looks, so two tabs
 * starting at once do not both create one).
 */
export async function openStartProject(): Promise<Project> {
  return saveStatus.track(() =>
    db.transaction("rw", db.projects, db.settings, async () => {
      const remembered = (await db.settings.get(CURRENT_PROJECT_KEY))?.value;
      if (typeof remembered === "string") {
        const p = await db.projects.get(remembered);
        if (p) return p;
      }
      const first = await db.projects.orderBy("id").first();
      if (first) {
        await db.settings.put({ key: CURRENT_PROJECT_KEY, value: first.id });
        return first;
      }
      const created = newProject("My project");
      await db.projects.add(created);
      await db.settings.put({ key: CURRENT_PROJECT_KEY, value: created.id });
      return created;
    }),
  );
}
