/**
 * Backups with their summaries: written beside each backup, read by the list
 * without opening the backups, removed with them by the rotation; backups
 * from before summaries still listed.
 */
import "fake-indexeddb/auto";
import { beforeEach, describe, expect, it } from "vitest";
import { backupFileName, backupSummaryFileName } from "../../shared/backups";
import type { BackupStore } from "../../renderer/platform/platform";
import { readBackup } from "../../renderer/components/Backups";
import { backUpProject, listBackups, writeMissingSummary } from "../../renderer/store/backups";
import { openAsNewProject } from "../../renderer/store/projectFiles";
import { buildSnapshot } from "../shared/projectFileBuilders";
import { freshStore } from "./storeHelpers";

beforeEach(freshStore);

/** A backup store in memory that records which files were read. */
function memoryStore(): BackupStore & { files: Map<string, Uint8Array>; reads: string[] } {
  const files = new Map<string, Uint8Array>();
  const reads: string[] = [];
  return {
    files,
    reads,
    where: "in memory",
    write: async (name, bytes) => void files.set(name, bytes),
    list: async () => [...files].map(([fileName, bytes]) => ({ fileName, bytes: bytes.length })),
    read: async (name) => {
      reads.push(name);
      const bytes = files.get(name);
      if (!bytes) throw new Error(`${name} is not there`);
      return bytes;
    },
    remove: async (name) => void files.delete(name),
  };
}

async function project() {
  await openAsNewProject(
    await buildSnapshot({
      projectId: "p1",
      name: "Moscow visits",
      documents: [
        { id: "d1", text: "Lavrov met Haniyeh in Moscow." },
        { id: "d2", text: "Nothing tagged." },
      ],
      spans: [
        { id: "s1", docId: "d1", at: "Lavrov", annotator: "Bea" },
        { id: "s2", docId: "d1", at: "Haniyeh", annotator: "Ana" },
        { id: "s3", docId: "d1", at: "Moscow", annotator: "Cem", deleted: true },
      ],
    }),
  );
}

describe("backups with summaries", () => {
  it("list what each backup holds from the summary beside it, without reading the backups", async () => {
    await project();
    const store = memoryStore();
    const T = Date.UTC(2026, 0, 5, 12);
    const made = await backUpProject(store, "p1", T);
    expect(store.files.has(backupSummaryFileName(made.fileName))).toBe(true);
    // A backup from an earlier version: no summary beside it.
    const old = backupFileName("p1", T - 3_600_000);
    store.files.set(old, store.files.get(made.fileName)!);

    store.reads.length = 0;
    const listed = await listBackups(store, "p1");
    expect(listed.map((b) => [b.fileName, b.summary])).toEqual([
      [made.fileName, { projectName: "Moscow visits", documents: 2, spans: 2, annotators: ["Ana", "Bea"] }],
      [old, undefined],
    ]);
    expect(store.reads).toEqual([backupSummaryFileName(made.fileName)]);
  });

  it("still list a backup whose summary is damaged", async () => {
    await project();
    const store = memoryStore();
    const made = await backUpProject(store, "p1", 1_000_000);
    store.files.set(backupSummaryFileName(made.fileName), new TextEncoder().encode("{not json"));
    expect((await listBackups(store, "p1")).map((b) => [b.fileName, b.summary])).toEqual([[made.fileName, undefined]]);
  });

  it("remove a summary with its backup when the rotation drops it, and summaries left without a backup", async () => {
    await project();
    const store = memoryStore();
    const orphan = backupSummaryFileName(backupFileName("p1", 5));
    store.files.set(orphan, new Uint8Array([123, 125]));
    // Twelve backups a minute apart on one day: the rotation keeps the 10 newest.
    for (let i = 0; i < 12; i++) await backUpProject(store, "p1", Date.UTC(2026, 0, 5, 12, i));
    const names = [...store.files.keys()];
    expect(names.filter((n) => n.endsWith(".spanwise"))).toHaveLength(10);
    expect(names.filter((n) => n.endsWith(".summary.json")).sort()).toEqual(names.filter((n) => n.endsWith(".spanwise")).map(backupSummaryFileName).sort());
    expect(store.files.has(orphan)).toBe(false);
  });
});

describe("backups from before summaries", () => {
  it("get a summary read from the backup itself, kept for the next listing", async () => {
    await project();
    const store = memoryStore();
    const made = await backUpProject(store, "p1", 1_000_000);
    store.files.delete(backupSummaryFileName(made.fileName));
    const [old] = await listBackups(store, "p1");
    expect(old!.summary).toBeUndefined();
    const snapshot = await readBackup(store, old!);
    expect((await writeMissingSummary(store, old!, snapshot)).summary).toEqual({ projectName: "Moscow visits", documents: 2, spans: 2, annotators: ["Ana", "Bea"] });
    expect((await listBackups(store, "p1"))[0]!.summary?.spans).toBe(2);
  });
});
