import { useEffect, useState } from "react";
import { useLiveQuery } from "dexie-react-hooks";
import { AnnotatorDialog } from "./components/AnnotatorDialog";
import { db } from "./store/db";
import { CURRENT_PROJECT_KEY, openStartProject } from "./store/projects";
import { describeStoreError } from "./store/saveStatus";
import { ANNOTATOR_KEY, writeSetting } from "./store/settings";
import { history } from "./store/history";
import { Workspace } from "./Workspace";

/** Opens the store and the last project, asks for the annotator's name on first start, then shows the workspace. */
export function App() {
  const [ready, setReady] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const projectId = useLiveQuery(async () => {
    const id = (await db.settings.get(CURRENT_PROJECT_KEY))?.value;
    return typeof id === "string" && (await db.projects.get(id)) ? id : null;
  }, []);
  // undefined while loading, null when no name has been given yet.
  const annotator = useLiveQuery(async () => ((await db.settings.get(ANNOTATOR_KEY))?.value as string | undefined) ?? null, []);

  useEffect(() => {
    openStartProject().then(
      () => setReady(true),
      (err: unknown) => setFailure(describeStoreError(err)),
    );
  }, []);
  // The remembered project was deleted (in another window, say): open another.
  useEffect(() => {
    if (ready && projectId === null) openStartProject().catch((err: unknown) => setFailure(describeStoreError(err)));
  }, [ready, projectId]);
  // Undo belongs to the project it was done in.
  useEffect(() => history.clear(), [projectId]);

  if (failure) {
    return (
      <main className="sw-fatal" role="alert">
        <h1>Spanwise could not open its store</h1>
        <p>{failure}</p>
      </main>
    );
  }
  if (!ready || !projectId || annotator === undefined) return <main className="sw-loading">Opening Spanwise…</main>;
  return (
    <>
      <Workspace key={projectId} projectId={projectId} annotator={annotator ?? ""} />
      {annotator === null && <AnnotatorDialog current={null} onSave={(name) => void writeSetting(ANNOTATOR_KEY, name)} />}
    </>
  );
}
