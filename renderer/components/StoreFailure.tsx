import { useEffect, useState } from "react";
import type { BackupStore } from "../platform/platform";
import { platform } from "../platform";
import { listBackups, type ProjectBackup } from "../store/backups";
import { deleteStore } from "../store/openStore";
import { openAsNewProject } from "../store/projectFiles";
import { switchProject } from "../store/projects";
import { describeBackupSummary } from "../../shared/backupSummary";
import { formatBytes } from "../../shared/units";
import { formatTime } from "./format";
import { readBackup } from "./Backups";
import { ConfirmDialog } from "./Dialog";


/** The newest backup of each project. */
function latestPerProject(backups: readonly ProjectBackup[]): ProjectBackup[] {
  const seen = new Set<string>();
  return backups.filter((b) => !seen.has(b.projectId) && seen.add(b.projectId));
}

/**
 * Shown when the store will not open: what happened, that nothing was
 * changed, the backups there are (each can be saved as a project file), and,
 * after a confirmation, rebuilding the store from the latest backups.
 */
export function StoreFailure({ message, store }: { message: string; store: BackupStore | null }) {
  const [latest, setLatest] = useState<ProjectBackup[] | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [working, setWorking] = useState(false);

  useEffect(() => {
    if (!store) return setLatest([]);
    listBackups(store).then(
      (all) => setLatest(latestPerProject(all)),
      (err: unknown) => setProblem(`The backups could not be read: ${String(err)}`),
    );
  }, [store]);

  const saveCopy = async (backup: ProjectBackup) => {
    if (!store) return;
    try {
      await platform.saveFile({ suggestedName: backup.fileName, filters: [{ name: "Spanwise project", extensions: ["spanwise"] }], mime: "application/zip", parts: [await store.read(backup.fileName)] });
    } catch (err) {
      setProblem(`The backup could not be saved: ${err instanceof Error ? err.message : String(err)}`);
    }
  };

  const rebuild = async () => {
    if (!store || !latest) return;
    setWorking(true);
    try {
      // Read and check every backup before deleting anything.
      const snapshots = await Promise.all(latest.map((b) => readBackup(store, b)));
      await deleteStore();
      let first: string | null = null;
      for (const snapshot of snapshots) {
        // Every project is restored; the first one opens.
        const { projectId } = await openAsNewProject(snapshot);
        first ??= projectId;
      }
      if (first) await switchProject(first);
      location.reload();
    } catch (err) {
      setProblem(`Rebuilding from the backups failed: ${err instanceof Error ? err.message : String(err)}`);
      setWorking(false);
      setConfirming(false);
    }
  };

  return (
    <main className="sw-fatal">
      <h1>Spanwise could not open its store</h1>
      <p role="alert">{message}</p>
      {problem && <p role="alert">{problem}</p>}
      {latest === null ? (
        <p>Looking for backups…</p>
      ) : latest.length === 0 ? (
        <p>There are no backups {store ? store.where : "in this browser"}.</p>
      ) : (
        <>
          <p>These are the latest backups, {store?.where}. Save a copy of each to keep it safe whatever you do next.</p>
          <ul className="sw-backups" aria-label="Latest backups">
            {latest.map((b) => (
              <li key={b.fileName}>
                <span dir="auto">
                  {b.summary ? `${b.summary.projectName}: ${describeBackupSummary(b.summary)}, ` : ""}
                  {formatTime(b.takenAt)} · {formatBytes(b.bytes)}
                </span>
                <button type="button" className="sw-button" onClick={() => void saveCopy(b)}>
                  Save a copy
                </button>
              </li>
            ))}
          </ul>
          <p>
            <button type="button" className="sw-button sw-primary" onClick={() => setConfirming(true)}>
              Rebuild from backups
            </button>
          </p>
        </>
      )}
      {confirming && (
        <ConfirmDialog
          title="Rebuild the store from the backups?"
          keepLabel="Cancel"
          confirmLabel="Delete the store and rebuild"
          busy={working}
          onKeep={() => setConfirming(false)}
          onConfirm={() => void rebuild()}
        >
          <p>
            This deletes the database that will not open and rebuilds it from the latest backup of each project. Changes made after those backups are lost.
          </p>
        </ConfirmDialog>
      )}
    </main>
  );
}
