import type { DocumentRecord, Project, SpanRecord } from "../../shared/model";
import { fromPackedSpan, type PackedSpan } from "../store/packedSpan";
import { STORE_VERSION } from "../store/schemaVersion";
import { CURRENT_PROJECT_KEY, SESSION_PROJECT, docSettingKey, hiddenLayersKey, sessionDocKey } from "../store/settingKeys";
import { annotatorCounts } from "../store/annotatorCounts";
import { webStorage } from "../store/webStorage";
import type { StoredScreen } from "./screen";

/*
 * The first screen read straight from IndexedDB before the app's script
 * (and Dexie) has loaded: read-only, in one read transaction, and only from
 * a store at exactly the current schema version. It never creates, upgrades
 * or writes anything.
 */

const STORES = ["settings", "projects", "documents", "texts", "spanPacks", "spanHeads", "spans"];

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

/** Opens the store as it is, or null when it is absent or not at the current version (then the app opens it itself). */
function openAsIs(): Promise<IDBDatabase | null> {
  if (typeof indexedDB === "undefined") return Promise.resolve(null);
  return new Promise((resolve) => {
    // Without a version: an existing store opens as it is, never upgraded.
    const open = indexedDB.open("spanwise");
    // No store yet: opening would create one. Abort, so that nothing is made (the app creates it).
    open.onupgradeneeded = () => open.transaction?.abort();
    open.onsuccess = () => {
      const db = open.result;
      // The app (or another window) may need the store for an upgrade: never stand in its way.
      db.onversionchange = () => db.close();
      const current = db.version === STORE_VERSION * 10 && STORES.every((s) => db.objectStoreNames.contains(s));
      if (!current) db.close();
      resolve(current ? db : null);
    };
    open.onerror = () => resolve(null);
    open.onblocked = () => resolve(null);
  });
}

/**
 * Opens the store as it is and closes it at once: the first open in a fresh
 * browser process takes 90–300 ms, which the app's own open then need not
 * wait for. Never creates or upgrades anything (openAsIs).
 */
export function warmStore(): void {
  void openAsIs().then((db) => db?.close());
}

function sessionValue(key: string): string | null {
  try {
    return webStorage("sessionStorage")?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

/** What this window reopens when it says so itself (its session: a reload, a restored tab); undefined when it follows the last opened. */
export function sessionScreen(): { projectId: string; docId: string | null } | undefined {
  const projectId = sessionValue(SESSION_PROJECT);
  return projectId === null ? undefined : { projectId, docId: sessionValue(sessionDocKey(projectId)) };
}

/** This window's project and document as the app would reopen them, with the document's text and live spans; null when there is nothing to show. */
export async function readStoredScreen(): Promise<StoredScreen | null> {
  const db = await openAsIs();
  if (!db) return null;
  try {
    const tx = db.transaction(STORES, "readonly");
    const get = <T>(store: string, key: IDBValidKey) => request(tx.objectStore(store).get(key) as IDBRequest<T | undefined>);
    const setting = async (key: string) => (await get<{ value: unknown }>("settings", key))?.value;
    const projectId = sessionValue(SESSION_PROJECT) ?? (await setting(CURRENT_PROJECT_KEY));
    if (typeof projectId !== "string") return null;
    const [project, rememberedDoc, hidden] = await Promise.all([get<Project>("projects", projectId), setting(docSettingKey(projectId)), setting(hiddenLayersKey(projectId))]);
    const docId = sessionValue(sessionDocKey(projectId)) ?? rememberedDoc;
    if (!project || typeof docId !== "string" || docId === "") return null;
    const [doc, text, pack, head] = await Promise.all([
      get<DocumentRecord>("documents", docId),
      get<{ text: string }>("texts", docId),
      get<{ docId: string; projectId: string; rev: number; spans: PackedSpan[] }>("spanPacks", docId),
      get<{ rev: number }>("spanHeads", docId),
    ]);
    if (!doc || doc.projectId !== projectId || !text) return null;
    const byId = new Map<string, SpanRecord>();
    if (pack) {
      for (const packed of pack.spans) byId.set(packed[0], fromPackedSpan(pack, packed));
      // Spans written since the pack was made (see renderer/store/spans.ts), unless the head says there are none.
      if (!head || head.rev > pack.rev) {
        const newer = await request(tx.objectStore("spans").index("[docId+rev]").getAll(IDBKeyRange.bound([docId, pack.rev + 1], [docId, Infinity])) as IDBRequest<SpanRecord[]>);
        for (const span of newer) byId.set(span.id, span);
      }
    }
    const spans = [...byId.values()].filter((s) => !s.deleted);
    return {
      projectId,
      docId,
      labels: project.labels,
      title: doc.title,
      publishedAt: doc.publishedAt ?? null,
      text: text.text,
      spans,
      layers: [...annotatorCounts(spans)],
      hidden: Array.isArray(hidden) ? (hidden as string[]) : [],
    };
  } finally {
    db.close();
  }
}
