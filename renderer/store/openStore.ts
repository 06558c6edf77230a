import Dexie from "dexie";
import { db } from "./db";
import { forgetFirstScreen } from "./firstScreenCache";

/** Why the store did not open, in words for the user. */
export class StoreOpenError extends Error {
  constructor(
    readonly kind: "newer" | "broken",
    message: string,
  ) {
    super(message);
    this.name = "StoreOpenError";
  }
}

/**
 * Opens the local store, refusing to touch one it cannot safely use. A
 * database written by a newer Spanwise is left exactly as it is (Dexie
 * would otherwise patch its schema to ours); one that fails to open
 * (corruption after a crash or a full disk, a failed upgrade) is reported
 * and never replaced by an empty one.
 */
export async function openStore(): Promise<void> {
  const ours = Math.round(db.verno * 10);
  const existing = typeof indexedDB.databases === "function" ? (await indexedDB.databases()).find((d) => d.name === db.name) : undefined;
  if (existing?.version !== undefined && existing.version > ours) {
    throw new StoreOpenError(
      "newer",
      "Your data was last opened by a newer version of Spanwise, which stores it differently. This version leaves it untouched: open it with the newer version.",
    );
  }
  try {
    await db.open();
  } catch (err) {
    const inner = err instanceof Dexie.DexieError && err.inner instanceof Error ? `${err.inner.name}: ${err.inner.message}` : err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    throw new StoreOpenError("broken", `The browser could not open Spanwise's database (${inner}). Nothing has been changed or replaced.`);
  }
}

/**
 * Deletes the database so it can be rebuilt from backups. Only ever called
 * after the user confirmed, from the screen that reports a store that will
 * not open.
 */
export async function deleteStore(): Promise<void> {
  forgetFirstScreen();
  db.close();
  await Dexie.delete(db.name);
  await db.open();
}
