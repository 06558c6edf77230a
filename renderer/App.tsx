import { useEffect, useState } from "react";
import type { Project } from "../shared/model";
import { openStartProject } from "./store/projects";
import { describeStoreError } from "./store/saveStatus";
import { Workspace } from "./Workspace";

/** Opens the store and the last project, then shows the workspace. */
export function App() {
  const [project, setProject] = useState<Project | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    openStartProject().then(setProject, (err: unknown) => setFailure(describeStoreError(err)));
  }, []);

  if (failure) {
    return (
      <main className="sw-fatal" role="alert">
        <h1>Spanwise could not open its store</h1>
        <p>{failure}</p>
      </main>
    );
  }
  if (!project) return <main className="sw-loading">Opening Spanwise…</main>;
  return <Workspace projectId={project.id} />;
}
