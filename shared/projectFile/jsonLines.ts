import { isJsonObject, parseJsonSafe } from "../safeJson";
import { formatBytes } from "../units";

const utf8 = new TextDecoder("utf-8", { fatal: true });
const NEWLINE = 0x0a;

/**
 * The 1-based line each parsed record came from, for messages. Kept as
 * arrays beside the parsed records rather than a WeakMap from record to line:
 * with a million records the WeakMap cost more than parsing them, and a line
 * number is only looked up when something is wrong.
 */
export class LineNumbers {
  private readonly members: { records: readonly object[]; lines: readonly number[] }[] = [];

  /** Records `lines[i]` as the line of `records[i]`. */
  add(records: readonly object[], lines: readonly number[]): void {
    this.members.push({ records, lines });
  }

  /** The line `record` came from; `index` (its place in its member's records) makes the lookup immediate. */
  get(record: object, index?: number): number | undefined {
    for (const { records, lines } of this.members) {
      if (index !== undefined && records[index] === record) return lines[index];
    }
    for (const { records, lines } of this.members) {
      const at = records.indexOf(record);
      if (at >= 0) return lines[at];
    }
    return undefined;
  }
}

/**
 * Parses a JSON Lines member: one JSON object per line, UTF-8, blank lines
 * ignored. Each line is decoded on its own, so a member of hundreds of
 * megabytes never becomes one string. Lines that fail are reported through
 * `problem` (with their line number) and left out.
 */
export function parseJsonLines(
  data: Uint8Array,
  member: string,
  maxLineBytes: number,
  lineNumbers: LineNumbers,
  problem: (message: string) => void,
  onLine?: (bytesDone: number) => void,
): Record<string, unknown>[] {
  const records: Record<string, unknown>[] = [];
  const lines: number[] = [];
  let start = 0;
  let line = 0;
  while (start < data.length) {
    line++;
    let stop = data.indexOf(NEWLINE, start);
    if (stop < 0) stop = data.length;
    const where = `${member} line ${line}`;
    const length = stop - start;
    if (length > maxLineBytes) {
      problem(`${where} is too long: ${formatBytes(length)} (at most ${formatBytes(maxLineBytes)})`);
    } else if (!isBlank(data, start, stop)) {
      let text: string | undefined;
      try {
        text = utf8.decode(data.subarray(start, stop));
      } catch {
        problem(`${where} is not valid UTF-8`);
      }
      if (text !== undefined) {
        const parsed = parseJsonSafe(text);
        if (!parsed.ok) problem(`${where} ${parsed.reason}`);
        else if (!isJsonObject(parsed.value)) problem(`${where} is not a JSON object`);
        else {
          lines.push(line);
          records.push(parsed.value);
        }
      }
    }
    start = stop + 1;
    onLine?.(Math.min(start, data.length));
  }
  lineNumbers.add(records, lines);
  return records;
}

function isBlank(data: Uint8Array, start: number, stop: number): boolean {
  for (let i = start; i < stop; i++) {
    const b = data[i];
    if (b !== 0x20 && b !== 0x09 && b !== 0x0d) return false;
  }
  return true;
}

/** Decodes a small JSON member (manifest.json, project.json) as one object. */
export function parseJsonObjectMember(data: Uint8Array, member: string): { ok: true; value: Record<string, unknown> } | { ok: false; problem: string } {
  let text: string;
  try {
    text = utf8.decode(data);
  } catch {
    return { ok: false, problem: `${member} is not valid UTF-8` };
  }
  const parsed = parseJsonSafe(text);
  if (!parsed.ok) return { ok: false, problem: `${member} ${parsed.reason}` };
  if (!isJsonObject(parsed.value)) return { ok: false, problem: `${member} is not a JSON object` };
  return { ok: true, value: parsed.value };
}
