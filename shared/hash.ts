/**
 * SHA-256 digests as lowercase hex, through Web Crypto so the same code runs
 * in the renderer, Electron and the CLI (Node 20 has `crypto.subtle` globally).
 */

/**
 * SHA-256 of the UTF-8 encoding of `text`, as 64 lowercase hex digits. This is
 * a document's `textHash`, over its stored text (LF line endings, see
 * shared/textImport.ts), so the same text imported on two machines matches.
 * Lone surrogates encode as U+FFFD, as TextEncoder does everywhere.
 */
export function sha256Hex(text: string): Promise<string> {
  return sha256HexBytes(new TextEncoder().encode(text));
}

/** SHA-256 of `bytes`, as 64 lowercase hex digits. */
export async function sha256HexBytes(bytes: Uint8Array): Promise<string> {
  // Web Crypto refuses views of a SharedArrayBuffer (and the DOM typings say
  // so); copy only in that rare case.
  const view = bytes.buffer instanceof ArrayBuffer ? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) : bytes.slice();
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", view));
  let hex = "";
  for (const b of digest) hex += HEX[b];
  return hex;
}

const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, "0"));
