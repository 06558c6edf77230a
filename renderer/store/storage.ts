/** How much this origin stores, how much it may, and whether the browser may evict it. */
export interface StorageState {
  usage: number | null;
  quota: number | null;
  persisted: boolean | null;
}

/**
 * Asks the browser to keep Spanwise's storage persistent (not evicted under
 * storage pressure). Chromium grants it to installed apps and sites the user
 * engages with; Electron grants it through the shell's permission handler.
 */
export async function requestPersistentStorage(): Promise<boolean | null> {
  const storage = navigator.storage;
  if (!storage?.persist) return null;
  try {
    return (await storage.persisted()) || (await storage.persist());
  } catch {
    return null;
  }
}

export async function storageState(): Promise<StorageState> {
  const storage = navigator.storage;
  const estimate = storage?.estimate ? await storage.estimate().catch(() => undefined) : undefined;
  const persisted = storage?.persisted ? await storage.persisted().catch(() => null) : null;
  return { usage: estimate?.usage ?? null, quota: estimate?.quota ?? null, persisted };
}
