/**
 * The store's schema version (the last `version(N)` of renderer/store/db.ts;
 * IndexedDB sees N × 10, as Dexie opens it). The first paint reads the store
 * directly only when it is at exactly this version: an older store is
 * upgraded by the app first, a newer one is refused by it.
 */
export const STORE_VERSION = 7;
