import { Inflate } from "fflate";
import { crc32 } from "./crc32";
import { isDirectoryName, memberNameProblem } from "./memberNames";
import { formatBytes } from "../units";

/** Caps on what a zip may declare, checked before anything is inflated. */
export interface ZipLimits {
  /** Most entries (members and folders) in the archive. */
  maxEntries: number;
  /** Largest uncompressed size of one member, in bytes. */
  maxEntryBytes: number;
  /** Largest uncompressed size of all members together, in bytes. */
  maxTotalBytes: number;
}

/** One file member of a zip, as its central directory describes it. */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: 0 | 8;
  compressedSize: number;
  /** Uncompressed size, as declared. Inflation never produces more. */
  size: number;
  crc: number;
  /** Offset of the member's data in the archive. */
  dataStart: number;
}

export type ZipDirectoryResult = { ok: true; entries: ZipEntry[] } | { ok: false; problems: string[] };
export type InflateResult = { ok: true; data: Uint8Array } | { ok: false; problem: string };

/**
 * Inflates raw DEFLATE data to at most `cap` bytes: the bytes, or why not.
 * The default is fflate's, in plain JavaScript; a host with a native inflater
 * (Node's zlib, for the command-line tool) passes its own, several times faster.
 */
export type RawInflate = (compressed: Uint8Array, cap: number) => Uint8Array | "too-large" | "corrupt";

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
/** The end record is 22 bytes plus a comment of at most 65,535. */
const MAX_END_SEARCH = 22 + 0xffff;
/** DEFLATE cannot expand data by more than about 1032:1; a member claiming more is lying. */
const MAX_DEFLATE_RATIO = 1032;
/** Compressed bytes pushed per step: bounds what one step can inflate to about 8 MiB before the cap is checked. */
const INFLATE_STEP = 8 * 1024;

const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * Random access to the bytes of a zip: a whole file in memory, or an open
 * file read a part at a time (the command-line tool streams big project files
 * and reads only the directory, the headers and the small members whole).
 */
export interface ZipSource {
  /** The size of the archive, in bytes. */
  readonly size: number;
  /** Up to `length` bytes from `at` (fewer at the end of the archive). */
  read(at: number, length: number): Uint8Array;
}

/** A zip held whole in memory; reads are views into `bytes`, not copies. */
export function bytesSource(bytes: Uint8Array): ZipSource {
  return { size: bytes.length, read: (at, length) => bytes.subarray(at, at + length) };
}

/**
 * Reads and checks a zip's central directory without inflating anything:
 * structure, member names, entry count and declared sizes against `limits`.
 * Problems are short clauses ("truncated or damaged: …", "member "x" has …")
 * for the caller to put after the file name.
 */
export function readZipDirectory(zip: Uint8Array | ZipSource, limits: ZipLimits): ZipDirectoryResult {
  const source = zip instanceof Uint8Array ? bytesSource(zip) : zip;
  const fail = (problem: string): ZipDirectoryResult => ({ ok: false, problems: [problem] });
  const head = source.read(0, 4);
  const startsLikeZip = head.length >= 4 && viewOf(head).getUint32(0, true) === LOCAL_HEADER;

  // Offsets below are into the whole archive; `tail` holds its last bytes, where the end record is.
  const tailStart = Math.max(0, source.size - MAX_END_SEARCH - 20);
  const tail = viewOf(source.read(tailStart, source.size - tailStart));
  const end = findEndOfCentralDirectory(tail, tailStart, source.size);
  if (end < 0) {
    if (startsLikeZip) return fail("truncated or damaged: the end of its zip directory is missing");
    return fail("not a zip archive, so not a Spanwise project file");
  }
  const endAt = end - tailStart;
  const diskNumber = tail.getUint16(endAt + 4, true);
  const directoryDisk = tail.getUint16(endAt + 6, true);
  const entriesHere = tail.getUint16(endAt + 8, true);
  const entryCount = tail.getUint16(endAt + 10, true);
  const directorySize = tail.getUint32(endAt + 12, true);
  const directoryStart = tail.getUint32(endAt + 16, true);
  if (diskNumber !== 0 || directoryDisk !== 0 || entriesHere !== entryCount) return fail("a multi-part zip archive, which Spanwise does not read");
  if (
    entryCount === 0xffff ||
    directorySize === 0xffffffff ||
    directoryStart === 0xffffffff ||
    (end >= 20 && tail.getUint32(endAt - 20, true) === ZIP64_LOCATOR)
  ) {
    return fail("a ZIP64 archive, which Spanwise does not read (project files never need it)");
  }
  if (entryCount > limits.maxEntries) return fail(`too many entries: ${entryCount} (at most ${limits.maxEntries})`);
  if (directoryStart + directorySize > end) return fail("truncated or damaged: its zip directory points past the end of the file");

  // Everything from the directory's start to the end record: entries are read up to `end`, as their count says.
  const directoryBytes = source.read(directoryStart, end - directoryStart);
  const view = viewOf(directoryBytes);
  const problems: string[] = [];
  const entries: ZipEntry[] = [];
  const seen = new Set<string>();
  let total = 0;
  let largest: { name: string; size: number } | undefined;
  let at = 0;
  const limit = end - directoryStart;
  for (let i = 0; i < entryCount; i++) {
    if (at + 46 > limit || view.getUint32(at, true) !== CENTRAL_HEADER) return fail("damaged: its zip directory is malformed");
    const madeBy = view.getUint16(at + 4, true) >>> 8;
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const crc = view.getUint32(at + 16, true);
    const compressedSize = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const externalAttributes = view.getUint32(at + 38, true);
    const localStart = view.getUint32(at + 42, true);
    const nameEnd = at + 46 + nameLength;
    if (nameEnd + extraLength + commentLength > limit) return fail("damaged: its zip directory is malformed");
    at = nameEnd + extraLength + commentLength;

    const nameBytes = directoryBytes.subarray(nameEnd - nameLength, nameEnd);
    let name: string;
    try {
      name = utf8.decode(nameBytes);
    } catch {
      problems.push("a member name is not valid UTF-8");
      continue;
    }
    const label = `member "${name}"`;
    const nameProblem = memberNameProblem(name);
    if (nameProblem) {
      problems.push(`${label} ${nameProblem}`);
      continue;
    }
    if (seen.has(name)) {
      problems.push(`two members are named "${name}"`);
      continue;
    }
    seen.add(name);
    if (flags & 0x0001) {
      problems.push(`${label} is encrypted`);
      continue;
    }
    const kind = specialKind(madeBy, externalAttributes);
    if (kind !== undefined) {
      problems.push(`${label} is ${kind}, which a project file never holds`);
      continue;
    }
    if (method !== 0 && method !== 8) {
      problems.push(`${label} uses compression method ${method}; only stored and deflated members are read`);
      continue;
    }
    if (size > limits.maxEntryBytes) {
      problems.push(`${label} is too large: ${formatBytes(size)} uncompressed (at most ${formatBytes(limits.maxEntryBytes)} per member)`);
      continue;
    }
    if ((method === 0 && size !== compressedSize) || (method === 8 && size > compressedSize * MAX_DEFLATE_RATIO + 1024)) {
      problems.push(`${label} declares a size its data cannot have (a zip bomb?)`);
      continue;
    }
    total += size;
    if (!largest || size > largest.size) largest = { name, size };

    const localView = localStart + 30 > directoryStart ? undefined : viewOf(source.read(localStart, 30));
    if (!localView || localView.getUint32(0, true) !== LOCAL_HEADER) {
      problems.push(`damaged: the data of ${label} is missing`);
      continue;
    }
    const localNameLength = localView.getUint16(26, true);
    const localExtraLength = localView.getUint16(28, true);
    const localName = source.read(localStart + 30, localNameLength);
    if (!sameBytes(localName, nameBytes)) {
      problems.push(`damaged: ${label} has a different name in its local header`);
      continue;
    }
    const dataStart = localStart + 30 + localNameLength + localExtraLength;
    if (dataStart + compressedSize > directoryStart) {
      problems.push(`truncated or damaged: the data of ${label} runs past the end of the file`);
      continue;
    }
    if (isDirectoryName(name)) {
      if (size !== 0) problems.push(`${label} is a folder with data`);
      continue;
    }
    entries.push({ name, method: method === 0 ? 0 : 8, compressedSize, size, crc, dataStart });
  }
  if (total > limits.maxTotalBytes) {
    const biggest = largest ? `; its largest member is "${largest.name}", ${formatBytes(largest.size)}` : "";
    problems.push(`too large: it would unpack to ${formatBytes(total)} (at most ${formatBytes(limits.maxTotalBytes)})${biggest}`);
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, entries };
}

/**
 * The uncompressed bytes of `entry`. Output is capped at the declared size
 * while inflating (a member that lies about its size stops there rather than
 * filling memory), and the result is checked against the declared size and
 * CRC (`checkCrc: false` skips the CRC for members the caller checks with a
 * stronger hash anyway).
 */
export function inflateEntry(zip: Uint8Array | ZipSource, entry: ZipEntry, options: { checkCrc?: boolean; inflate?: RawInflate } = {}): InflateResult {
  const label = `member "${entry.name}"`;
  const source = zip instanceof Uint8Array ? bytesSource(zip) : zip;
  const compressed = source.read(entry.dataStart, entry.compressedSize);
  let data: Uint8Array;
  if (entry.method === 0) {
    data = compressed;
  } else {
    const inflated = compressed.length === 0 ? "corrupt" : (options.inflate ?? inflateCapped)(compressed, entry.size);
    if (inflated === "too-large") return { ok: false, problem: `${label} unpacks to more than its declared ${formatBytes(entry.size)} (a zip bomb?)` };
    if (inflated === "corrupt") return { ok: false, problem: `damaged: ${label} cannot be decompressed` };
    data = inflated;
  }
  if (data.length !== entry.size) return { ok: false, problem: `damaged: ${label} is shorter than declared` };
  if ((options.checkCrc ?? true) && crc32(data) !== entry.crc) return { ok: false, problem: `damaged: ${label} fails its CRC check` };
  return { ok: true, data };
}

class OverCap extends Error {}

const inflateCapped: RawInflate = (compressed, cap) => {
  const out = new Uint8Array(cap);
  let written = 0;
  const inflater = new Inflate((chunk) => {
    if (written + chunk.length > cap) throw new OverCap();
    out.set(chunk, written);
    written += chunk.length;
  });
  try {
    if (compressed.length === 0) return "corrupt";
    for (let at = 0; at < compressed.length; at += INFLATE_STEP) {
      const stop = Math.min(at + INFLATE_STEP, compressed.length);
      inflater.push(compressed.subarray(at, stop), stop === compressed.length);
    }
  } catch (error) {
    // fflate throws on a truncated or malformed stream ("unexpected EOF", "invalid block type").
    return error instanceof OverCap ? "too-large" : "corrupt";
  }
  return written === cap ? out : out.subarray(0, written);
};

/** Hosts ("version made by", high byte) whose external attributes carry a Unix mode in their upper 16 bits. */
const UNIX_HOSTS: ReadonlySet<number> = new Set([3 /* Unix */, 19 /* OS X */]);
const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;
/** Windows' FILE_ATTRIBUTE_REPARSE_POINT: symbolic links and junctions. */
const REPARSE_POINT = 0x400;

/**
 * What a member is when it is not a plain file or folder: a link (which an
 * extractor would follow out of its target folder) or a device, pipe or
 * socket. Undefined for ordinary members, including those with no recorded
 * type at all, as our own writer makes them.
 */
function specialKind(madeBy: number, externalAttributes: number): string | undefined {
  if (UNIX_HOSTS.has(madeBy)) {
    const type = (externalAttributes >>> 16) & S_IFMT;
    if (type === S_IFLNK) return "a symbolic link";
    if (type !== 0 && type !== S_IFREG && type !== S_IFDIR) return "a device, pipe or socket";
  }
  if (externalAttributes & REPARSE_POINT) return "a link (a Windows reparse point)";
  return undefined;
}

/** The offset in the archive of its end record, found in `tail` (the archive's bytes from `tailStart` to `size`); -1 if there is none. */
function findEndOfCentralDirectory(tail: DataView, tailStart: number, size: number): number {
  const lowest = Math.max(0, size - MAX_END_SEARCH);
  for (let at = size - 22; at >= lowest; at--) {
    const i = at - tailStart;
    if (tail.getUint32(i, true) === END_OF_CENTRAL_DIRECTORY && at + 22 + tail.getUint16(i + 20, true) === size) return at;
  }
  return -1;
}

function viewOf(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

