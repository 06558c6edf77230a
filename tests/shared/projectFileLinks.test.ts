/**
 * Zip members that are not plain files: symbolic links, Windows reparse
 * points, devices, pipes and sockets. An extractor that recreates them can be
 * made to write outside its folder, so a project file holding one is refused
 * whole, while the attributes ordinary zip tools write on files and folders
 * are accepted.
 */
import { describe, expect, it } from "vitest";
import { decodeProjectFile } from "../../shared/projectFile";
import { readZipDirectory } from "../../shared/projectFile/zipRead";
import { writeZip } from "../../shared/projectFile/zipWrite";
import { validRawFile } from "./projectFileBuilders";

const LIMITS = { maxEntries: 100, maxEntryBytes: 1 << 20, maxTotalBytes: 1 << 20 };
const UNIX = 3;
const NTFS = 10;

/** Sets the "version made by" host and the external attributes of member `name` in the central directory. */
function setAttributes(zip: Uint8Array, name: string, host: number, external: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  const nameBytes = new TextEncoder().encode(name);
  for (let at = 0; at + 46 <= out.length; at++) {
    if (view.getUint32(at, true) !== 0x02014b50 || view.getUint16(at + 28, true) !== nameBytes.length) continue;
    if (!nameBytes.every((b, i) => out[at + 46 + i] === b)) continue;
    view.setUint16(at + 4, (host << 8) | 20, true);
    view.setUint32(at + 38, external >>> 0, true);
    return out;
  }
  throw new Error(`no member ${name}`);
}

const unixMode = (mode: number) => (mode << 16) >>> 0;

describe("special zip members", () => {
  const zip = writeZip([
    { name: "notes.txt", data: new TextEncoder().encode("plain") },
    { name: "link", data: new TextEncoder().encode("../../../../home/user/.ssh/authorized_keys") },
  ]);

  it.each([
    ["a Unix symbolic link", UNIX, unixMode(0o120777), 'member "link" is a symbolic link'],
    ["a Windows reparse point", NTFS, 0x400 | 0x20, 'member "link" is a link (a Windows reparse point)'],
    ["a character device", UNIX, unixMode(0o020666), 'member "link" is a device, pipe or socket'],
    ["a named pipe", UNIX, unixMode(0o010644), 'member "link" is a device, pipe or socket'],
  ])("refuses %s", (_kind, host, external, message) => {
    const result = readZipDirectory(setAttributes(zip, "link", host, external), LIMITS);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems).toEqual([`${message}, which a project file never holds`]);
  });

  it("accepts regular files and folders as Unix and Windows zip tools mark them", () => {
    for (const [host, external] of [
      [UNIX, unixMode(0o100644)],
      [UNIX, unixMode(0o040755) | 0x10],
      [NTFS, 0x20],
      [0, 0],
    ] as const) {
      const result = readZipDirectory(setAttributes(zip, "link", host, external), LIMITS);
      expect(result.ok, `host ${host}, attributes ${external.toString(8)}`).toBe(true);
    }
  });

  it("refuses a project file with a symbolic link member, naming the file", async () => {
    const valid = await validRawFile();
    expect((await decodeProjectFile(valid, "shared.spanwise")).ok).toBe(true);
    const result = await decodeProjectFile(setAttributes(valid, "spans.jsonl", UNIX, unixMode(0o120777)), "shared.spanwise");
    expect(result).toEqual({ ok: false, problems: ['shared.spanwise: member "spans.jsonl" is a symbolic link, which a project file never holds'] });
  });
});
