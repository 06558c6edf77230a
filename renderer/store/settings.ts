import { useLiveQuery } from "dexie-react-hooks";
import { db } from "./db";
import { saveStatus } from "./saveStatus";

/** The annotator's name, recorded on every span they tag. */
export { ANNOTATOR_KEY } from "./settingKeys";

/** Reads a setting live from the store; `fallback` until it is set. */
export function useSetting<T>(key: string, fallback: T): T {
  const row = useLiveQuery(() => db.settings.get(key), [key]);
  return row === undefined ? fallback : (row.value as T);
}

export function writeSetting(key: string, value: unknown): Promise<unknown> {
  return saveStatus.track(() => db.settings.put({ key, value }));
}
