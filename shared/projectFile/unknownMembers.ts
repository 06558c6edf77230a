/**
 * Members of a project file that this version does not read (a newer
 * Spanwise wrote them). They are kept byte for byte and written back, so a
 * colleague's newer data survives a round trip; what they may hold is bounded
 * here, the same way for the decoder and the streaming reader.
 */
import { findForbiddenKey, mightHaveForbiddenKey } from "../safeJson";
import { formatBytes } from "../units";
import { KNOWN_MEMBERS } from "./format";
import type { ZipEntry } from "./zipRead";

/** Whether this version reads `name` (every other member is kept unread). */
export function isKnownMember(name: string): boolean {
  return KNOWN_MEMBERS.includes(name);
}

/**
 * Problems with the sizes of the unknown members: each one larger than
 * `maxBytes` by itself is named with its size, and, when none is but
 * together they are, the largest of them are named with the total.
 */
export function unknownMemberSizeProblems(entries: Iterable<ZipEntry>, maxBytes: number): string[] {
  const unknown = [...entries].filter((entry) => !isKnownMember(entry.name)).sort((a, b) => b.size - a.size || (a.name < b.name ? -1 : 1));
  const limit = `members this version of Spanwise does not read are kept whole in memory, at most ${formatBytes(maxBytes)} together`;
  const tooLarge = unknown.filter((entry) => entry.size > maxBytes);
  if (tooLarge.length > 0) return tooLarge.map((entry) => `member "${entry.name}" is too large: ${formatBytes(entry.size)} uncompressed (${limit})`);
  const total = unknown.reduce((sum, entry) => sum + entry.size, 0);
  if (total <= maxBytes) return [];
  const named = unknown.slice(0, 3).map((entry) => `"${entry.name}" ${formatBytes(entry.size)}`);
  const more = unknown.length > 3 ? ` and ${unknown.length - 3} more` : "";
  return [`too large: the members it holds that this version does not read (${named.join(", ")}${more}) unpack to ${formatBytes(total)} (${limit})`];
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * The keys `__proto__`, `constructor` and `prototype` are refused in an
 * unknown JSON member (by its name: `.json`, or `.jsonl` line by line) as in
 * every member Spanwise reads, so that a newer version never inherits them
 * from a file an older one passed on. Members that are not JSON, or not valid
 * JSON, are left as they are: this version does not know their format.
 */
export function unknownMemberKeyProblem(name: string, bytes: Uint8Array): string | undefined {
  const lines = name.endsWith(".jsonl") ? "lines" : name.endsWith(".json") ? "whole" : undefined;
  if (lines === undefined) return undefined;
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return undefined;
  }
  if (!mightHaveForbiddenKey(text)) return undefined;
  const pieces = lines === "whole" ? [text] : text.split("\n");
  for (const [i, piece] of pieces.entries()) {
    let value: unknown;
    try {
      value = JSON.parse(piece);
    } catch {
      continue;
    }
    const key = findForbiddenKey(value);
    if (key !== undefined) return `${lines === "whole" ? `member "${name}"` : `member "${name}" line ${i + 1}`} has the forbidden key "${key}"`;
  }
  return undefined;
}
