import { lazy, Suspense, useEffect, useRef, useState } from "react";
import { useLiveQuery } from "dexie-react-hooks";
import { AnnotatorDialog } from "./components/AnnotatorDialog";
import { platform } from "./platform";
import { requestPersistentStorage } from "./store/storage";
import { db } from "./store/db";
import { openStartProject } from "./store/projects";
import { useWindowProject, windowProject } from "./store/openProject";
import { describeStoreError } from "./store/saveStatus";
import { ANNOTATOR_KEY, writeSetting } from "./store/settings";
import { history } from "./store/history";
import { afterFirstPaint, readFirstScreen, type FirstScreen } from "./startup";
import { Workspace } from "./Workspace";
import { endFirstPaint } from "./firstPaint/handover";

// Only when the store cannot be opened: its backups list and project-file reading are not needed to start.
const StoreFailure = lazy(() => import("./components/StoreFailure").then((m) => ({ default: m.StoreFailure })));

/** Opens the store and the last project, asks for the annotator's name on first start, then shows the workspace. */
export function App() {
  const [first, setFirst] = useState<FirstScreen | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    // Started by main.tsx before React mounted: this only waits for it.
    readFirstScreen().then(setFirst, (err: unknown) => setFailure(err instanceof Error && err.name === "StoreOpenError" ? err.message : describeStoreError(err)));
  }, []);

  useEffect(() => {
    if (failure) endFirstPaint();
  }, [failure]);

  if (failure)
    return (
      <Suspense fallback={<main className="sw-loading">{failure}</main>}>
        <StoreFailure message={failure} store={platform.backups} />
      </Suspense>
    );
  if (!first) return <main className="sw-loading">Opening Spanwise…</main>;
  return <OpenApp first={first} />;
}

/**
 * The app once the store is open: nothing reads the store before that. What
 * the first screen read stands in for the live queries until they answer.
 */
function OpenApp({ first }: { first: FirstScreen }) {
  // Each window has its own open project (store/openProject.ts).
  const openId = useWindowProject();
  const project = useLiveQuery(async () => (openId ? ((await db.projects.get(openId)) ?? null) : null), [openId], openId === first.project.id ? first.project : undefined);
  // undefined while loading (or while the query still answers for the previous project), null when it is gone.
  // A write that found this window's project gone closes it too (before the live query hears).
  const [goneId, setGoneId] = useState<string | null>(null);
  useEffect(() => windowProject.onProjectGone(setGoneId), []);
  const projectId = openId !== null && goneId === openId ? null : project === undefined || (project && project.id !== openId) ? undefined : project ? openId : null;
  const projectName = useRef<string | null>(null);
  // null when no name has been given yet.
  const annotator = useLiveQuery(async () => ((await db.settings.get(ANNOTATOR_KEY))?.value as string | undefined) ?? null, [], first.annotator);
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
  // A question before the workspace: the first paint's picture must not hide it.
  useEffect(() => {
    if (annotator === null) endFirstPaint();
  }, [annotator]);
  // Backups outside the store, every few minutes of work, and the request that the browser keep
  // the store (not evict it under storage pressure): neither is needed to show the first screen.
  // The backups' code (project files, zip, schemas) is loaded then too, not at start.
  useEffect(() => {
    let stopBackups: (() => void) | undefined;
    let stopped = false;
    const cancel = afterFirstPaint(() => {
      void requestPersistentStorage();
      const store = platform.backups;
      if (!store) return;
      import("./store/backups").then(
        ({ startAutomaticBackups }) => {
          if (!stopped) stopBackups = startAutomaticBackups(store, setProblem);
        },
        (err: unknown) => setProblem(`Automatic backups could not start: ${err instanceof Error ? err.message : String(err)}`),
      );
    });
    return () => {
      stopped = true;
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
