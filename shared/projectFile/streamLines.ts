/**
 * The lines of a JSON Lines member as the streaming reader takes them from
 * its unpacked chunks: in batches decoded once, one at a time, parsed as the
 * decoder parses them, or skipped unparsed (the lines of another part).
 */
import { concatBytes } from "../bytes";
import { isJsonObject, mightHaveForbiddenKey, parseJsonSafe } from "../safeJson";
import { NotStreamable } from "./notStreamable";

const utf8 = new TextDecoder("utf-8", { fatal: true });
/** For telling lines apart only: what is kept is decoded with `utf8`. */
const looseUtf8 = new TextDecoder("utf-8");

const NEWLINE = 0x0a;

/** Lines of a JSON Lines member, and whether any of them could hold a forbidden key. */
export interface LineBatch {
  lines: string[];
  plain: boolean;
  /** Where (in bytes) the first line starts in the stream. */
  at: number;
}

/**
 * The lines of a JSON Lines stream, a batch at a time. Each batch is decoded
 * as one string (one decode per line costs more than the parsing). Blank
 * lines, which Spanwise never writes, refuse: parts count documents by lines.
 */
export async function* lineBatches(chunks: AsyncIterable<Uint8Array>, maxLineBytes: number): AsyncGenerator<LineBatch, void, undefined> {
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  let at = 0;
  for await (const chunk of chunks) {
    const last = chunk.lastIndexOf(NEWLINE);
    if (last < 0) {
      pending.push(chunk);
      pendingBytes += chunk.length;
      if (pendingBytes > maxLineBytes) throw new NotStreamable("a line is too long");
      continue;
    }
    const head = chunk.subarray(0, last);
    const lines = pendingBytes > 0 ? concatBytes([...pending, head]) : head;
    pending = last + 1 < chunk.length ? [chunk.subarray(last + 1)] : [];
    pendingBytes = chunk.length - last - 1;
    yield splitLines(lines, maxLineBytes, at);
    at += lines.length + 1;
  }
  if (pendingBytes > 0) yield splitLines(concatBytes(pending), maxLineBytes, at);
}

/**
 * `chunks` without the lines at their start for which `skip` is true, told
 * apart a chunk at a time by the last line in it (the lines of one part come
 * together); `onStart` gets where (in bytes) the rest starts.
 */
export async function* skipLeadingLines(chunks: AsyncIterable<Uint8Array>, skip: (line: string) => boolean, onStart: (at: number) => void): AsyncGenerator<Uint8Array, void, undefined> {
  let skipping = true;
  let dropped = 0;
  let carry: Uint8Array | undefined;
  for await (const chunk of chunks) {
    if (!skipping) {
      yield chunk;
      continue;
    }
    const data = carry ? concatBytes([carry, chunk]) : chunk;
    const last = data.lastIndexOf(NEWLINE);
    if (last < 0) {
      // Not one whole line yet.
      carry = data;
      continue;
    }
    const previous = last > 0 ? data.lastIndexOf(NEWLINE, last - 1) : -1;
    if (skip(looseUtf8.decode(data.subarray(previous + 1, last)))) {
      dropped += last + 1;
      carry = data.subarray(last + 1);
      continue;
    }
    // The first line not skipped is in this chunk.
    let start = 0;
    for (;;) {
      const end = data.indexOf(NEWLINE, start);
      if (end < 0 || !skip(looseUtf8.decode(data.subarray(start, end)))) break;
      start = end + 1;
    }
    skipping = false;
    onStart(dropped + start);
    carry = undefined;
    yield data.subarray(start);
  }
  if (skipping) {
    const rest = carry ?? new Uint8Array(0);
    const skipRest = rest.length > 0 && skip(looseUtf8.decode(rest));
    onStart(dropped + (skipRest ? rest.length : 0));
    if (!skipRest && rest.length > 0) yield rest;
  }
}

function splitLines(bytes: Uint8Array, maxLineBytes: number, at: number): LineBatch {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new NotStreamable("a line is not valid UTF-8");
  }
  const lines = text.split("\n");
  // A UTF-16 code unit is at most 3 bytes of UTF-8: lines of a batch shorter than a third of the limit are within it.
  const checkLength = bytes.length > maxLineBytes;
  for (const line of lines) {
    if (line === "") throw new NotStreamable("a blank line");
    if (checkLength && line.length * 3 > maxLineBytes) throw new NotStreamable("a line is too long");
  }
  return { lines, plain: !mightHaveForbiddenKey(text), at };
}

/** One line as parseJsonLines would parse it (`plain`: it cannot hold a forbidden key); anything else refuses. */
export function parseRecord(line: string, plain: boolean): Record<string, unknown> {
  let value: unknown;
  if (plain) {
    try {
      value = JSON.parse(line);
    } catch {
      throw new NotStreamable("a line is not valid JSON");
    }
  } else {
    const parsed = parseJsonSafe(line);
    if (!parsed.ok) throw new NotStreamable(`a line ${parsed.reason}`);
    value = parsed.value;
  }
  if (!isJsonObject(value)) throw new NotStreamable("a line is not a JSON object");
  return value;
}

/** The lines of a member one at a time, across its batches. */
export class LineCursor {
  private lines: string[] = [];
  private at = 0;
  /** Whether the current batch can be parsed without the forbidden-key reviver. */
  plain = true;

  private readonly iterator: AsyncIterator<LineBatch>;

  constructor(batches: AsyncIterable<LineBatch>) {
    this.iterator = batches[Symbol.asyncIterator]();
  }

  async next(): Promise<string | undefined> {
    while (this.at >= this.lines.length) {
      const next = await this.iterator.next();
      if (next.done) return undefined;
      ({ lines: this.lines, plain: this.plain } = next.value);
      this.at = 0;
    }
    return this.lines[this.at++];
  }

  /** Stops reading (the rest is not unpacked). */
  async stop(): Promise<void> {
    await this.iterator.return?.();
  }
}

/**
 * A span line's docId read without parsing it, as encode.ts writes it (after
 * the id, without escapes); "" when it is not written that way, which sends
 * the line to full parsing.
 */
export function quickDocId(line: string): string {
  const at = line.indexOf('","docId":"');
  if (at < 0) return "";
  const start = at + 11;
  const end = line.indexOf('"', start);
  const id = end < 0 ? "" : line.slice(start, end);
  return id.includes("\\") ? "" : id;
}
