import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { backupFileName, backupsToDelete, parseBackupFileName, type BackupName } from "../../shared/backups";

const DAY = 86_400_000;
const T = Date.UTC(2026, 10, 25, 16, 0, 0);

describe("backup file names", () => {
  it("parse back to the project and time, for any project id (property)", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 40 }), fc.integer({ min: 0, max: 2 ** 45 }), (id, at) => {
        const name = backupFileName(id, at);
        expect(name).toMatch(/^backup--[A-Za-z0-9_~-]+--\d+\.spanwise$/);
        expect(parseBackupFileName(name)).toEqual({ projectId: id, takenAt: at, fileName: name });
      }),
    );
  });

  it("ignores files that are not backups", () => {
    for (const name of ["notes.spanwise", "backup--x.spanwise", "backup--p--12a.spanwise", "backup--p--1.zip", "backup--~ZZ--1.spanwise", "../backup--p--1.spanwise"]) {
      expect(parseBackupFileName(name)).toBeNull();
    }
  });
});

describe("rotation", () => {
  const backup = (takenAt: number): BackupName => ({ projectId: "p", takenAt, fileName: backupFileName("p", takenAt) });

  it("keeps the recent ones and the newest of each day", () => {
    // Today every 3 minutes for an hour (20), and one a day at noon and one at 9:00 for the 40 days before.
    const today = Array.from({ length: 20 }, (_, i) => backup(T - i * 180_000));
    const older = Array.from({ length: 40 }, (_, d) => [backup(T - (d + 1) * DAY - 4 * 3_600_000), backup(T - (d + 1) * DAY - 7 * 3_600_000)]).flat();
    const all = [...older, ...today];
    const deleted = new Set(backupsToDelete(all, { recent: 10, daily: 30 }).map((b) => b.takenAt));
    const kept = all.filter((b) => !deleted.has(b.takenAt)).sort((a, b) => b.takenAt - a.takenAt);
    expect(kept.slice(0, 10)).toEqual(today.slice(0, 10));
    // Then one per day: today's counted among the 30 days, so 29 earlier days, each its newest (the noon one).
    expect(kept.slice(10).map((b) => (T - b.takenAt) / DAY)).toEqual(Array.from({ length: 29 }, (_, d) => d + 1 + 4 / 24));
  });

  it("never deletes the newest, and deletes nothing when there are few (property)", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 60 * DAY }), { maxLength: 60 }), (times) => {
        const all = times.map((t) => backup(T - t));
        const deleted = backupsToDelete(all, { recent: 5, daily: 7 });
        if (all.length) expect(deleted.map((b) => b.takenAt)).not.toContain(Math.max(...all.map((b) => b.takenAt)));
        if (all.length <= 5) expect(deleted).toEqual([]);
        expect(all.length - deleted.length).toBeLessThanOrEqual(5 + 7);
      }),
    );
  });
});
