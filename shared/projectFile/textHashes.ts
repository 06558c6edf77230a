import { sha256Hex } from "../hash";

/**
 * Digests at a time: enough to keep Web Crypto's workers busy, few enough that
 * a hundred thousand pending promises do not pile up (which is twice as slow).
 */
const BATCH = 64;

/** The SHA-256 of each text (see shared/hash.ts), computed a batch at a time, reporting how many are done. */
export async function textHashes(texts: readonly string[], onProgress?: (done: number, total: number) => void): Promise<string[]> {
  const hashes: string[] = [];
  for (let i = 0; i < texts.length; i += BATCH) {
    hashes.push(...(await Promise.all(texts.slice(i, i + BATCH).map(sha256Hex))));
    onProgress?.(hashes.length, texts.length);
  }
  return hashes;
}
