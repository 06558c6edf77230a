import { useEffect, useRef, useState } from "react";
import { useLiveQuery } from "dexie-react-hooks";
import { AnnotatorDialog } from "./components/AnnotatorDialog";
import { StoreFailure } from "./components/StoreFailure";
import { platform } from "./platform";
import { startAutomaticBackups } from "./store/backups";
import { openStore } from "./store/openStore";
import { requestPersistentStorage } from "./store/storage";
import { db } from "./store/db";
import { openStartProject } from "./store/projects";
import { useWindowProject, windowProject } from "./store/openProject";
import { describeStoreError } from "./store/saveStatus";
import { ANNOTATOR_KEY, writeSetting } from "./store/settings";
import { history } from "./store/history";
import { Workspace } from "./Workspace";

/** Opens the store and the last project, asks for the annotator's name on first start, then shows the workspace. */
export function App() {
  const [ready, setReady] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    openStore()
      .then(openStartProject)
      .then(
        () => setReady(true),
        (err: unknown) => setFailure(err instanceof Error && err.name === "StoreOpenError" ? err.message : describeStoreError(err)),
      );
    void requestPersistentStorage();
  }, []);

  if (failure) return <StoreFailure message={failure} store={platform.backups} />;
  if (!ready) return <main className="sw-loading">Opening Spanwise…</main>;
  return <OpenApp />;
}

/** The app once the store is open: nothing reads the store before that. */
function OpenApp() {
  // Each window has its own open project (store/openProject.ts).
  const openId = useWindowProject();
  const project = useLiveQuery(async () => (openId ? ((await db.projects.get(openId)) ?? null) : null), [openId]);
  // undefined while loading (or while the query still answers for the previous project), null when it is gone.
  // A write that found this window's project gone closes it too (before the live query hears).
  const [goneId, setGoneId] = useState<string | null>(null);
  useEffect(() => windowProject.onProjectGone(setGoneId), []);
  const projectId = openId !== null && goneId === openId ? null : project === undefined || (project && project.id !== openId) ? undefined : project ? openId : null;
  const projectName = useRef<string | null>(null);
  // undefined while loading, null when no name has been given yet.
  const annotator = useLiveQuery(async () => ((await db.settings.get(ANNOTATOR_KEY))?.value as string | undefined) ?? null, []);
  const [problem, setProblem] = useState<string | null>(null);

  if (project) projectName.current = project.name;
  // This window's project was deleted in another window: say so, and open another.
  useEffect(() => {
    if (projectId !== null) return;
    if (openId && !windowProject.wasDeletedHere(openId) && projectName.current !== null) {
      // Found by a refused write (goneId): that change is lost with the project, and the window must say so.
      const lost = goneId === openId ? " Your last change was not saved." : "";
      setProblem(`The project “${projectName.current}” was deleted in another window, so it was closed here.${lost}`);
    }
    projectName.current = null;
    openStartProject().catch((err: unknown) => setProblem(describeStoreError(err)));
  }, [projectId, openId, goneId]);
  // Undo belongs to the project it was done in.
  useEffect(() => history.clear(), [projectId]);
  // Backups outside the store, every few minutes of work.
  useEffect(() => (platform.backups ? startAutomaticBackups(platform.backups, setProblem) : undefined), []);

  if (!projectId || annotator === undefined) return <main className="sw-loading">Opening Spanwise…</main>;
  return (
    <>
      <Workspace key={projectId} projectId={projectId} annotator={annotator ?? ""} />
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
