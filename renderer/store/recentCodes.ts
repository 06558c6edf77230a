/**
 * The event types a coder used lately in a project, kept in the store's
 * settings so they survive a reload: the type-ahead lists them first.
 */
import { withRecentCode } from "../../shared/coding/typeAhead";
import { db } from "./db";
import { saveStatus } from "./saveStatus";
import { useSetting } from "./settings";

const key = (projectId: string) => `recentEventTypes:${projectId}`;

const NONE: readonly string[] = [];

/** The project's recently used event types, most recent first. */
export function useRecentEventTypes(projectId: string): readonly string[] {
  const value = useSetting<unknown>(key(projectId), NONE);
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : NONE;
}

/** Puts `code` first among the project's recent event types (read and written in one transaction, so two windows do not drop each other's). */
export async function rememberEventType(projectId: string, code: string): Promise<void> {
  await saveStatus.track(() =>
    db.transaction("rw", db.settings, async () => {
      const row = await db.settings.get(key(projectId));
      const recent = Array.isArray(row?.value) ? (row.value as unknown[]).filter((v): v is string => typeof v === "string") : [];
      await db.settings.put({ key: key(projectId), value: withRecentCode(recent, code) });
    }),
  );
}
