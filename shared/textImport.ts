/**
 * Turns the bytes of a plain-text file into a document's text, or into a
 * sentence saying why it cannot be imported.
 *
 * Line endings are normalized: CRLF ("\r\n") and lone CR ("\r") become LF
 * ("\n") at import. The stored text, the text hash, every offset in the app
 * and every offset and `text` field in an export therefore refer to the LF
 * text, not to the bytes of the original file. A Windows file with CRLF
 * endings gives offsets that are smaller than byte-for-byte offsets into the
 * original by one per preceding line break; slice the exported `text` field,
 * not the original file. Nothing else is changed: no Unicode normalization
 * (NFC), no trimming, so every other character is exactly as in the file.
 */

/** A text file that was imported. `text` uses "\n" line endings only. */
export interface DecodedText {
  ok: true;
  fileName: string;
  /** The file name without directories and without its last extension. */
  title: string;
  text: string;
}

/** A file that was refused; `reason` is one plain sentence for the researcher. */
export interface ImportProblem {
  ok: false;
  fileName: string;
  reason: string;
}

export interface ImportLimits {
  /** Files larger than this many bytes are refused before they are decoded. */
  maxBytes: number;
}

/** 20 MB: a long book is 2 MB; beyond this the reader and the store slow down. */
export const DEFAULT_IMPORT_LIMITS: ImportLimits = { maxBytes: 20 * 1024 * 1024 };

/**
 * Decodes a UTF-8 text file. Refuses, in this order: files over the size
 * limit (checked before anything is decoded), empty files, UTF-16/UTF-32
 * files (recognized by their byte order mark), PDF and zip files (Word
 * .docx, OpenDocument), files containing NUL bytes, and invalid UTF-8 (naming
 * the first bad byte's position, counted from 0 as Python does). A UTF-8 byte
 * order mark is dropped; line endings become "\n" (see the module comment);
 * a file of only whitespace counts as empty.
 *
 * `fileName` may include directories; messages and the title use only the
 * last part, while the result's `fileName` is returned as given.
 */
export function decodeTextFile(fileName: string, bytes: Uint8Array, limits: ImportLimits = DEFAULT_IMPORT_LIMITS): DecodedText | ImportProblem {
  const name = `"${baseName(fileName)}"`;
  const problem = (reason: string): ImportProblem => ({ ok: false, fileName, reason });

  if (bytes.length > limits.maxBytes) {
    const limit = formatSize(limits.maxBytes, "nearest");
    let size = formatSize(bytes.length, "nearest");
    // A file just over the limit must not read as equal to it ("20 MB, larger than the 20 MB limit").
    if (size === limit) size = formatSize(bytes.length, "up");
    return problem(`${name} is ${size}, larger than the ${limit} limit.`);
  }
  if (bytes.length === 0) return problem(`${name} is empty.`);

  const wideEncoding = utf16Or32Bom(bytes);
  if (wideEncoding) {
    return problem(`${name} is not UTF-8 text: it is ${wideEncoding} (it starts with a ${wideEncoding} byte order mark). Save it as UTF-8 and import it again.`);
  }
  if (startsWith(bytes, PDF_SIGNATURE)) {
    return problem(`${name} is a PDF, not a plain text file. Save or export it as plain text (.txt) and import that.`);
  }
  if (startsWith(bytes, ZIP_SIGNATURE)) {
    return problem(`${name} is a zip archive (such as a Word .docx or OpenDocument file), not a plain text file. Save it as plain text (.txt) and import that.`);
  }
  if (bytes.indexOf(0) >= 0) return problem(`${name} looks like a binary file (it contains NUL bytes).`);

  const hasBom = startsWith(bytes, UTF8_BOM);
  let decoded: string;
  try {
    // ignoreBOM: true keeps the decoder from guessing; we drop the BOM ourselves.
    decoded = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(hasBom ? bytes.subarray(3) : bytes);
  } catch {
    // The native decoder is fast but does not say where it failed; find the
    // byte ourselves, only on this slow path.
    const bad = firstInvalidUtf8(bytes, hasBom ? 3 : 0);
    const where = bad < 0 ? "" : ` (invalid byte 0x${hex(bytes[bad]!)} at position ${bad}, line ${lineOfByte(bytes, bad)})`;
    return problem(`${name} is not valid UTF-8 text${where}. Save it as UTF-8 and import it again.`);
  }

  const text = decoded.replace(/\r\n?/g, "\n");
  if (!/\S/u.test(text)) return problem(`${name} is empty (it contains only whitespace).`);
  return { ok: true, fileName, title: titleFromFileName(fileName), text };
}

/**
 * A document title from a file name: without directories (either slash) and
 * without the last extension. "data/Report 2024.final.txt" gives
 * "Report 2024.final". A leading dot is not an extension (".notes" stays).
 * Falls back to "Untitled" when nothing is left.
 */
export function titleFromFileName(fileName: string): string {
  const base = baseName(fileName);
  const dot = base.lastIndexOf(".");
  const title = (dot > 0 ? base.slice(0, dot) : base).trim();
  return title === "" ? "Untitled" : title;
}

/** The last part of a path, after either kind of slash. */
export function baseName(fileName: string): string {
  return fileName.slice(Math.max(fileName.lastIndexOf("/"), fileName.lastIndexOf("\\")) + 1);
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const PDF_SIGNATURE = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"
const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04]; // "PK\x03\x04"

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

function utf16Or32Bom(bytes: Uint8Array): string | null {
  // UTF-32 LE's BOM begins with UTF-16 LE's, so test it first.
  if (startsWith(bytes, [0xff, 0xfe, 0x00, 0x00]) || startsWith(bytes, [0x00, 0x00, 0xfe, 0xff])) return "UTF-32";
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return "UTF-16";
  return null;
}

/**
 * Index of the first byte that starts a malformed UTF-8 sequence (the same
 * position Python's UnicodeDecodeError reports), or -1. Follows the WHATWG
 * decoder: overlong forms, surrogates (ED A0..BF) and code points above
 * U+10FFFF are malformed.
 */
function firstInvalidUtf8(bytes: Uint8Array, from: number): number {
  const n = bytes.length;
  let i = from;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0; // overlong
      if (b === 0xed) hi = 0x9f; // UTF-16 surrogates
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90; // overlong
      if (b === 0xf4) hi = 0x8f; // above U+10FFFF
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < (k === 1 ? lo : 0x80) || c > (k === 1 ? hi : 0xbf)) return i;
    }
    i += need + 1;
  }
  return -1;
}

/** 1-based line number of a byte, counting LF, CRLF and lone CR as line breaks. */
function lineOfByte(bytes: Uint8Array, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) {
    const b = bytes[i];
    if (b === 0x0a || (b === 0x0d && bytes[i + 1] !== 0x0a)) line++;
  }
  return line;
}

function hex(b: number): string {
  return b.toString(16).toUpperCase().padStart(2, "0");
}

/** "25.3 MB", "512 KB", "12 bytes", to one decimal, rounded to nearest or up. */
function formatSize(bytes: number, rounding: "up" | "nearest"): string {
  const round = (x: number) => (rounding === "up" ? Math.ceil(x * 10) : Math.round(x * 10)) / 10;
  if (bytes >= 1024 * 1024) return `${round(bytes / (1024 * 1024))} MB`;
  if (bytes >= 1024) return `${round(bytes / 1024)} KB`;
  return `${bytes} byte${bytes === 1 ? "" : "s"}`;
}
