import { useState } from "react";
import { useLiveQuery } from "dexie-react-hooks";
import type { Project } from "../../shared/model";
import { db } from "../store/db";
import { createProject, deleteProject, projectContents, renameProject, switchProject } from "../store/projects";
import { ConfirmDialog, Dialog } from "./Dialog";

interface ProjectControlsProps {
  project: Project;
  onError(message: string): void;
}

type Asking = { kind: "new" } | { kind: "rename" } | { kind: "delete"; documents: number; spans: number } | null;

/** Switch, create, rename and delete projects. Deleting asks first. */
export function ProjectControls({ project, onError }: ProjectControlsProps) {
  const projects = useLiveQuery(() => db.projects.toArray(), []) ?? [project];
  const sorted = [...projects].sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  const [asking, setAsking] = useState<Asking>(null);
  const [name, setName] = useState("");
  const fail = (err: unknown) => onError(`The project change was not saved: ${err instanceof Error ? err.message : String(err)}`);
  const close = () => setAsking(null);

  return (
    <div className="sw-projects" role="group" aria-label="Projects">
      <select aria-label="Project" value={project.id} onChange={(e) => void switchProject(e.target.value).catch(fail)}>
        {sorted.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="sw-button"
        onClick={() => {
          setName("");
          setAsking({ kind: "new" });
        }}
      >
        New project
      </button>
      <button
        type="button"
        className="sw-button"
        onClick={() => {
          setName(project.name);
          setAsking({ kind: "rename" });
        }}
      >
        Rename project
      </button>
      <button
        type="button"
        className="sw-button"
        onClick={() => void projectContents(project.id).then((c) => setAsking({ kind: "delete", ...c }), fail)}
      >
        Delete project
      </button>

      {(asking?.kind === "new" || asking?.kind === "rename") && (
        <Dialog
          title={asking.kind === "new" ? "New project" : "Rename project"}
          onCancel={close}
          onSubmit={() => {
            const trimmed = name.trim();
            if (!trimmed) return;
            close();
            void (asking.kind === "new" ? createProject(trimmed) : renameProject(project.id, trimmed)).catch(fail);
          }}
          actions={
            <>
              <button type="button" className="sw-button" onClick={close}>
                Cancel
              </button>
              <button type="submit" className="sw-button sw-primary" disabled={!name.trim()}>
                {asking.kind === "new" ? "Create project" : "Rename"}
              </button>
            </>
          }
        >
          <label className="sw-field">
            Project name
            <input autoFocus value={name} maxLength={200} onChange={(e) => setName(e.target.value)} />
          </label>
        </Dialog>
      )}

      {asking?.kind === "delete" && (
        <ConfirmDialog
          title={`Delete “${project.name}”?`}
          keepLabel="Keep project"
          confirmLabel="Delete project"
          onKeep={close}
          onConfirm={() => {
            close();
            void deleteProject(project.id).catch(fail);
          }}
        >
          <p>
            This removes the project with its {asking.documents} document{asking.documents === 1 ? "" : "s"} and {asking.spans} span
            {asking.spans === 1 ? "" : "s"} from this computer. It cannot be undone; save a project file first if you may need it.
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}
