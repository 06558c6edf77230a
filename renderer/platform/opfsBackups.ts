import type { BackupStore, StoredBackup } from "./platform";

const DIRECTORY = "spanwise-backups";

/**
 * Backups in the Origin Private File System: files of this origin that live
 * outside IndexedDB (a corrupted IndexedDB leaves them readable). A
 * writable stream writes to a swap file and replaces the file only on
 * close, so a backup is written whole or not at all.
 */
export function opfsBackups(): BackupStore | null {
  const storage = typeof navigator === "undefined" ? undefined : navigator.storage;
  if (!storage || typeof storage.getDirectory !== "function") return null;
  const directory = async () => (await storage.getDirectory()).getDirectoryHandle(DIRECTORY, { create: true });
  return {
    where: "in this browser's private file storage for Spanwise (outside its database)",
    async write(fileName, bytes) {
      const file = await (await directory()).getFileHandle(fileName, { create: true });
      const writable = await file.createWritable();
      try {
        await writable.write(bytes as Uint8Array<ArrayBuffer>);
        await writable.close();
      } catch (err) {
        await writable.abort().catch(() => undefined);
        throw err;
      }
    },
    async list() {
      const out: StoredBackup[] = [];
      const dir = await directory();
      for await (const [name, handle] of dir as unknown as AsyncIterable<[string, FileSystemHandle]>) {
        if (handle.kind !== "file") continue;
        out.push({ fileName: name, bytes: (await (handle as FileSystemFileHandle).getFile()).size });
      }
      return out;
    },
    async read(fileName) {
      const file = await (await directory()).getFileHandle(fileName);
      return new Uint8Array(await (await file.getFile()).arrayBuffer());
    },
    async remove(fileName) {
      await (await directory()).removeEntry(fileName);
    },
  };
}
