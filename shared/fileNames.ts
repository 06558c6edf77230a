/**
 * Names of the files Spanwise suggests when it saves: safe on Windows, macOS
 * and Linux whatever the project or annotator is called, and telling a
 * colleague whose work a project file holds and from when
 * ("Moscow visits – Ana – 2024-05-10.spanwise").
 */

/** Characters Windows refuses in a file name (macOS and Linux refuse "/"), and control characters. */
const UNSAFE = /[\\/:*?"<>|\p{Cc}]+/gu;
/** Bidirectional controls: they can make "evil‮psw.exe" read as "evilexe.wsp"; never wanted in a name. */
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]+/g;
/** Names Windows reserves for devices, with or without an extension. */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\.|$)/i;
/** File systems limit a name to 255 bytes (ext4) or 255 UTF-16 units (NTFS); each part of a name stays well under. */
export const MAX_PART_BYTES = 80;

const encoder = new TextEncoder();
const utf8Length = (text: string) => encoder.encode(text).length;

/**
 * `name` as one part of a file name: characters unsafe on some system become
 * "_", runs of spaces one space, no leading dots (hidden files) or trailing
 * dots and spaces (Windows drops them), not a Windows device name, and at
 * most `maxBytes` of UTF-8, cut between whole characters (an emoji with its
 * modifiers, a letter with its marks) with "…" where cut. Empty when nothing
 * is left.
 */
export function safeNamePart(name: string, maxBytes = MAX_PART_BYTES): string {
  let part = name
    .replace(BIDI_CONTROLS, "")
    .replace(/[\t\n\r\v\f]+/g, " ")
    .replace(UNSAFE, "_")
    .replace(/\s+/g, " ")
    .replace(/^[\s.]+|[\s.]+$/g, "");
  if (RESERVED.test(part)) part = `_${part}`;
  if (utf8Length(part) <= maxBytes) return part;
  const ellipsis = "…";
  let out = "";
  for (const grapheme of graphemes(part)) {
    if (utf8Length(out + grapheme + ellipsis) > maxBytes) break;
    out += grapheme;
  }
  return `${out.replace(/[\s.]+$/, "")}${ellipsis}`;
}

/** A file name stem for `name`, never empty: "spanwise" when nothing of the name is left. */
export function fileStem(name: string): string {
  return safeNamePart(name) || "spanwise";
}

/** The local calendar date of `at` as YYYY-MM-DD: the day the user sees on their clock. */
export function localDate(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

/**
 * The suggested name of a saved project file:
 * "<project> – <annotator> – <YYYY-MM-DD>.spanwise" (en dashes), each part
 * made safe; without the annotator part when there is no annotator name.
 */
export function projectFileName(projectName: string, annotator: string, at: Date): string {
  const parts = [fileStem(projectName), safeNamePart(annotator), localDate(at)].filter((p) => p !== "");
  return `${parts.join(" – ")}.spanwise`;
}

function graphemes(text: string): string[] {
  if (typeof Intl !== "undefined" && typeof Intl.Segmenter === "function") {
    return Array.from(new Intl.Segmenter(undefined, { granularity: "grapheme" }).segment(text), (s) => s.segment);
  }
  // Without a segmenter: whole code points, marks and joiners kept with what they follow.
  return text.match(/\P{M}[\p{M}\u200d\ufe0f]*|[\p{M}\u200d\ufe0f]+/gu) ?? [];
}
