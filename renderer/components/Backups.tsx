import { useCallback, useEffect, useState } from "react";
import { describeBackupSummary } from "../../shared/backupSummary";
import { decodeProjectFile } from "../../shared/projectFile";
import type { BackupStore } from "../platform/platform";
import { backUpProject, listBackups, writeMissingSummary, type ProjectBackup } from "../store/backups";
import { openAsNewProject, replaceProject } from "../store/projectFiles";
import { projectContents, switchProject } from "../store/projects";
import { formatBytes } from "../../shared/units";
import { storageState, type StorageState } from "../store/storage";
import { formatTime } from "./format";
import { ConfirmDialog, Dialog } from "./Dialog";

interface BackupsProps {
  store: BackupStore;
  project: { id: string; name: string };
  notify(text: string, kind: "info" | "problem"): void;
  onClose(): void;
}

/** What a backup holds, in words; for a backup taken before summaries were written, that it is not known. */
export function backupContents(backup: ProjectBackup): string {
  return backup.summary ? describeBackupSummary(backup.summary) : "contents not recorded (taken by an earlier version)";
}

const counted = (n: number, what: string) => `${n.toLocaleString("en")} ${what}${n === 1 ? "" : "s"}`;

/** Reads and checks a backup file; throws with the file's problems. */
export async function readBackup(store: BackupStore, backup: { fileName: string }) {
  const decoded = await decodeProjectFile(await store.read(backup.fileName), backup.fileName);
  if (!decoded.ok) throw new Error(decoded.problems.join(" "));
  return decoded.snapshot;
}

/**
 * The current project's automatic backups: when, how big, where they are
 * kept, and the storage this browser gives Spanwise. A backup is restored
 * as a new project, or in place of the current one after a confirmation.
 */
export function Backups({ store, project, notify, onClose }: BackupsProps) {
  const [backups, setBackups] = useState<ProjectBackup[] | null>(null);
  const [storage, setStorage] = useState<StorageState | null>(null);
  const [replacing, setReplacing] = useState<ProjectBackup | null>(null);
  const [current, setCurrent] = useState<{ documents: number; spans: number } | null>(null);
  const [working, setWorking] = useState(false);

  const refresh = useCallback(() => {
    listBackups(store, project.id).then(setBackups, (err: unknown) => notify(`The backups could not be listed: ${String(err)}`, "problem"));
    void storageState().then(setStorage);
  }, [store, project.id, notify]);
  useEffect(refresh, [refresh]);
  // What the project holds now, for the question before replacing it.
  useEffect(() => {
    if (!replacing) return setCurrent(null);
    let live = true;
    projectContents(project.id).then(
      (contents) => live && setCurrent(contents),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [replacing, project.id]);

  const act = async (what: () => Promise<void>) => {
    setWorking(true);
    try {
      await what();
    } catch (err) {
      notify(`${err instanceof Error ? err.message : String(err)} Nothing was changed.`, "problem");
    } finally {
      setWorking(false);
    }
  };

  const backUpNow = () =>
    act(async () => {
      await backUpProject(store, project.id);
      refresh();
    });
  const readContents = (backup: ProjectBackup) =>
    act(async () => {
      await writeMissingSummary(store, backup, await readBackup(store, backup));
      refresh();
    });
  const restoreAsNew = (backup: ProjectBackup) =>
    act(async () => {
      const snapshot = await readBackup(store, backup);
      const opened = await openAsNewProject(snapshot, `${snapshot.project.name} (backup of ${formatTime(backup.takenAt)})`);
      await switchProject(opened.projectId);
      notify(`Restored the backup of ${formatTime(backup.takenAt)} as the project “${opened.name}”.`, "info");
      onClose();
    });
  const replace = (backup: ProjectBackup) =>
    act(async () => {
      const snapshot = await readBackup(store, backup);
      await replaceProject(project.id, snapshot);
      notify(`“${project.name}” is now as it was at ${formatTime(backup.takenAt)}.`, "info");
      onClose();
    });

  if (replacing) {
    return (
      <ConfirmDialog
        title={`Replace “${project.name}” with its backup?`}
        keepLabel="Cancel"
        confirmLabel="Replace project"
        busy={working}
        onKeep={() => setReplacing(null)}
        onConfirm={() => void replace(replacing)}
      >
        <p>
          The project will be exactly as it was at {formatTime(replacing.takenAt)}
          {replacing.summary ? `: ${describeBackupSummary(replacing.summary)}` : ""}.
        </p>
        <p aria-label="What will be lost">
          {current ? `It now has ${counted(current.documents, "document")} and ${counted(current.spans, "span")}. ` : ""}
          Everything done since {formatTime(replacing.takenAt)} (documents imported, spans, links and actors added, every change and deletion) is lost, unless you
          first back it up or save a project file.
        </p>
      </ConfirmDialog>
    );
  }

  return (
    <Dialog
      title={`Backups of “${project.name}”`}
      onCancel={onClose}
      actions={
        <>
          <button type="button" className="sw-button" disabled={working} onClick={() => void backUpNow()}>
            Back up now
          </button>
          <button type="button" className="sw-button sw-primary" autoFocus onClick={onClose}>
            Close
          </button>
        </>
      }
    >
      <p>
        Spanwise backs up each changed project every few minutes, {store.where}, keeping the 10 most recent and one a day for 30 days.
      </p>
      {storage && (
        <p className="sw-storage" aria-label="Storage">
          Storage: {storage.usage !== null ? formatBytes(storage.usage) : "unknown"} used
          {storage.quota !== null ? ` of ${formatBytes(storage.quota)} available` : ""}.{" "}
          {storage.persisted === true
            ? "The browser keeps it persistent: it will not be cleared to free space."
            : storage.persisted === false
              ? "The browser has not made it persistent: under storage pressure it could be cleared, so keep project files of important work."
              : ""}
        </p>
      )}
      {backups === null ? (
        <p>Reading backups…</p>
      ) : backups.length === 0 ? (
        <p>No backups of this project yet.</p>
      ) : (
        <ul className="sw-backups" aria-label="Backups">
          {backups.map((b) => (
            <li key={b.fileName}>
              <span className="sw-backup-info">
                <span>
                  {formatTime(b.takenAt)} · {formatBytes(b.bytes)}
                </span>
                <span className={b.summary ? "sw-backup-contents" : "sw-backup-contents sw-muted"} dir="auto">
                  {backupContents(b)}
                  {!b.summary && (
                    <>
                      {" "}
                      <button type="button" className="sw-inline-button" disabled={working} onClick={() => void readContents(b)}>
                        Read its contents
                      </button>
                    </>
                  )}
                </span>
              </span>
              <span className="sw-backup-actions">
                <button type="button" className="sw-button" disabled={working} onClick={() => void restoreAsNew(b)}>
                  Restore as new project
                </button>
                <button type="button" className="sw-button sw-danger-quiet" disabled={working} onClick={() => setReplacing(b)}>
                  Replace this project…
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
    </Dialog>
  );
}
