import { deflateSync } from "fflate";
import { crc32 } from "./crc32";

export interface ZipMember {
  name: string;
  data: Uint8Array;
}

// 1980-01-01 00:00:00, the earliest DOS timestamp. A fixed time (rather than
// fflate's `mtime`, which reads the local-time fields of a Date and so depends
// on the machine's time zone) makes the bytes a function of the content alone.
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
/** General purpose flag bit 11: names are UTF-8. */
const FLAG_UTF8 = 0x0800;
const VERSION = 20;
const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;

/**
 * Writes a zip archive of `members`, in the order given. Deterministic: the
 * same members at the same level always give the same bytes. A member is
 * deflated unless that would not make it smaller, in which case it is stored.
 * Throws a RangeError for archives that would need ZIP64 (over 65,535 members
 * or 4 GiB), which project files never come near.
 */
export function writeZip(members: readonly ZipMember[], level: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 = 6): Uint8Array {
  const encoder = new TextEncoder();
  const prepared = members.map((member) => {
    const name = encoder.encode(member.name);
    const deflated = level > 0 && member.data.length > 0 ? deflateSync(member.data, { level }) : undefined;
    const compress = deflated !== undefined && deflated.length < member.data.length;
    return {
      name,
      method: compress ? 8 : 0,
      payload: compress ? deflated : member.data,
      size: member.data.length,
      crc: crc32(member.data),
    };
  });

  let localBytes = 0;
  let centralBytes = 0;
  for (const entry of prepared) {
    if (entry.name.length > 0xffff) throw new RangeError("A zip member name is too long.");
    localBytes += 30 + entry.name.length + entry.payload.length;
    centralBytes += 46 + entry.name.length;
  }
  if (prepared.length > 0xffff || localBytes + centralBytes > 0xffffffff) {
    throw new RangeError("The project is too large for a zip file without ZIP64.");
  }

  const out = new Uint8Array(localBytes + centralBytes + 22);
  const view = new DataView(out.buffer);
  const offsets: number[] = [];
  let at = 0;
  for (const entry of prepared) {
    offsets.push(at);
    view.setUint32(at, LOCAL_HEADER, true);
    view.setUint16(at + 4, VERSION, true);
    view.setUint16(at + 6, FLAG_UTF8, true);
    view.setUint16(at + 8, entry.method, true);
    view.setUint16(at + 10, DOS_TIME, true);
    view.setUint16(at + 12, DOS_DATE, true);
    view.setUint32(at + 14, entry.crc, true);
    view.setUint32(at + 18, entry.payload.length, true);
    view.setUint32(at + 22, entry.size, true);
    view.setUint16(at + 26, entry.name.length, true);
    view.setUint16(at + 28, 0, true);
    out.set(entry.name, at + 30);
    out.set(entry.payload, at + 30 + entry.name.length);
    at += 30 + entry.name.length + entry.payload.length;
  }
  const centralStart = at;
  prepared.forEach((entry, i) => {
    view.setUint32(at, CENTRAL_HEADER, true);
    view.setUint16(at + 4, VERSION, true);
    view.setUint16(at + 6, VERSION, true);
    view.setUint16(at + 8, FLAG_UTF8, true);
    view.setUint16(at + 10, entry.method, true);
    view.setUint16(at + 12, DOS_TIME, true);
    view.setUint16(at + 14, DOS_DATE, true);
    view.setUint32(at + 16, entry.crc, true);
    view.setUint32(at + 20, entry.payload.length, true);
    view.setUint32(at + 24, entry.size, true);
    view.setUint16(at + 28, entry.name.length, true);
    // extra length, comment length, disk number, internal and external attributes: all zero.
    view.setUint32(at + 42, offsets[i]!, true);
    out.set(entry.name, at + 46);
    at += 46 + entry.name.length;
  });
  view.setUint32(at, END_OF_CENTRAL_DIRECTORY, true);
  view.setUint16(at + 8, prepared.length, true);
  view.setUint16(at + 10, prepared.length, true);
  view.setUint32(at + 12, at - centralStart, true);
  view.setUint32(at + 16, centralStart, true);
  return out;
}
