import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { backupFileName, backupSummaryFileName } from "../../shared/backups";
import { backupFolder, parseBackupName } from "../../electron/backupFiles";

describe("the backup folder behind the bridge", () => {
  it("writes, lists, reads and removes backups by name", async () => {
    const root = mkdtempSync(path.join(tmpdir(), "spanwise-backups-"));
    const folder = path.join(root, "backups");
    const backups = backupFolder(folder);
    expect(await backups.list()).toEqual([]);
    const name = backupFileName("project-1", 1_764_000_000_000);
    await backups.write(name, new Uint8Array([80, 75, 3, 4]));
    // Files that are not backups are not listed.
    writeFileSync(path.join(folder, "notes.txt"), "x");
    expect(await backups.list()).toEqual([{ fileName: name, bytes: 4 }]);
    expect([...(await backups.read(name))]).toEqual([80, 75, 3, 4]);
    // The atomic write leaves no temporary file behind.
    expect(readdirSync(folder).sort()).toEqual([name, "notes.txt"].sort());
    await backups.remove(name);
    expect(await backups.list()).toEqual([]);
  });

  it("keeps the summary written beside a backup like the backup itself", async () => {
    const folder = mkdtempSync(path.join(tmpdir(), "spanwise-backups-"));
    const backups = backupFolder(folder);
    const name = backupFileName("project-1", 1_764_000_000_000);
    const summary = backupSummaryFileName(name);
    await backups.write(name, new Uint8Array([80, 75, 3, 4]));
    await backups.write(summary, new TextEncoder().encode("{}"));
    expect((await backups.list()).sort((a, b) => a.fileName.localeCompare(b.fileName))).toEqual([
      { fileName: name, bytes: 4 },
      { fileName: summary, bytes: 2 },
    ].sort((a, b) => a.fileName.localeCompare(b.fileName)));
    expect(new TextDecoder().decode(await backups.read(summary))).toBe("{}");
    await backups.remove(summary);
    expect(readdirSync(folder)).toEqual([name]);
  });

  it("refuses any name it did not make, so nothing outside the folder is reached", async () => {
    const backups = backupFolder(mkdtempSync(path.join(tmpdir(), "spanwise-backups-")));
    for (const bad of ["../backup--p--1.spanwise", "/etc/passwd", "backup--p--1.spanwise/../../x", "../backup--p--1.summary.json", "backup--p--1.json", "notes.txt", "", 42, null]) {
      expect(() => parseBackupName(bad)).toThrow(/backup name/);
      await expect(backups.read(bad)).rejects.toThrow(/backup name/);
      await expect(backups.remove(bad)).rejects.toThrow(/backup name/);
      await expect(backups.write(bad, new Uint8Array(1))).rejects.toThrow(/backup name/);
    }
    await expect(backups.write(backupFileName("p", 1), "not bytes")).rejects.toThrow(/Uint8Array/);
  });
});
