import { useEffect, useState } from "react";
import { useLiveQuery } from "dexie-react-hooks";
import { AnnotatorDialog } from "./components/AnnotatorDialog";
import { StoreFailure } from "./components/StoreFailure";
import { platform } from "./platform";
import { startAutomaticBackups } from "./store/backups";
import { requestPersistentStorage } from "./store/storage";
import { db } from "./store/db";
import { CURRENT_PROJECT_KEY, openStartProject } from "./store/projects";
import { describeStoreError } from "./store/saveStatus";
import { ANNOTATOR_KEY, writeSetting } from "./store/settings";
import { history } from "./store/history";
import { afterFirstPaint, readFirstScreen, type FirstScreen } from "./startup";
import { Workspace } from "./Workspace";

/** Opens the store and the last project, asks for the annotator's name on first start, then shows the workspace. */
export function App() {
  const [first, setFirst] = useState<FirstScreen | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    // Started by main.tsx before React mounted: this only waits for it.
    readFirstScreen().then(setFirst, (err: unknown) => setFailure(err instanceof Error && err.name === "StoreOpenError" ? err.message : describeStoreError(err)));
  }, []);

  if (failure) return <StoreFailure message={failure} store={platform.backups} />;
  if (!first) return <main className="sw-loading">Opening Spanwise…</main>;
  return <OpenApp first={first} />;
}

/** The app once the store is open: nothing reads the store before that. */
function OpenApp({ first }: { first: FirstScreen }) {
  const projectId = useLiveQuery(
    async () => {
      const id = (await db.settings.get(CURRENT_PROJECT_KEY))?.value;
      return typeof id === "string" && (await db.projects.get(id)) ? id : null;
    },
    [],
    first.project.id,
  );
  // null when no name has been given yet.
  const annotator = useLiveQuery(async () => ((await db.settings.get(ANNOTATOR_KEY))?.value as string | undefined) ?? null, [], first.annotator);
  const [problem, setProblem] = useState<string | null>(null);

  // The remembered project was deleted (in another window, say): open another.
  useEffect(() => {
    if (projectId === null) openStartProject().catch((err: unknown) => setProblem(describeStoreError(err)));
  }, [projectId]);
  // Undo belongs to the project it was done in.
  useEffect(() => history.clear(), [projectId]);
  // Backups outside the store, every few minutes of work, and the request that the browser keep
  // the store (not evict it under storage pressure): neither is needed to show the first screen.
  useEffect(() => {
    let stopBackups: (() => void) | undefined;
    const cancel = afterFirstPaint(() => {
      void requestPersistentStorage();
      if (platform.backups) stopBackups = startAutomaticBackups(platform.backups, setProblem);
    });
    return () => {
      cancel();
      stopBackups?.();
    };
  }, []);

  if (!projectId) return <main className="sw-loading">Opening Spanwise…</main>;
  return (
    <>
      <Workspace key={projectId} projectId={projectId} annotator={annotator ?? ""} first={first.project.id === projectId ? first : null} />
      {annotator === null && <AnnotatorDialog current={null} onSave={(name) => void writeSetting(ANNOTATOR_KEY, name)} />}
      {problem && (
        <div className="sw-notice sw-problem sw-floating" role="alert">
          <span>{problem}</span>
          <button type="button" aria-label="Dismiss" onClick={() => setProblem(null)}>
            ×
          </button>
        </div>
      )}
    </>
  );
}
