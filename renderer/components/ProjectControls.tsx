import { useEffect, useState } from "react";
import { useLiveQuery } from "dexie-react-hooks";
import type { Project } from "../../shared/model";
import { db } from "../store/db";
import { createProject, deleteProject, projectContents, renameProject, switchProject } from "../store/projects";
import { ConfirmDialog, Dialog } from "./Dialog";

const failure = (err: unknown) => `The project change was not saved: ${err instanceof Error ? err.message : String(err)}`;

/** The open project, and switching to another. */
export function ProjectSwitcher({ project, onError }: { project: Project; onError(message: string): void }) {
  const projects = useLiveQuery(() => db.projects.toArray(), []) ?? [project];
  const sorted = [...projects].sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  return (
    <select className="sw-project-select" aria-label="Project" value={project.id} onChange={(e) => void switchProject(e.target.value).catch((err: unknown) => onError(failure(err)))}>
      {sorted.map((p) => (
        <option key={p.id} value={p.id}>
          {p.name}
        </option>
      ))}
    </select>
  );
}

interface ProjectDialogProps {
  kind: "new" | "rename" | "delete";
  project: Project;
  onClose(): void;
  onError(message: string): void;
}

/** Creating, renaming or deleting a project; deleting says what goes and asks first. */
export function ProjectDialog({ kind, project, onClose, onError }: ProjectDialogProps) {
  const [name, setName] = useState(kind === "rename" ? project.name : "");
  const [contents, setContents] = useState<{ documents: number; spans: number } | null>(null);
  useEffect(() => {
    if (kind === "delete") void projectContents(project.id).then(setContents, (err: unknown) => (onClose(), onError(failure(err))));
    // Counted once, when the question is asked.
  }, []);
  const fail = (err: unknown) => onError(failure(err));

  if (kind === "delete") {
    if (!contents) return null;
    return (
      <ConfirmDialog
        title={`Delete “${project.name}”?`}
        keepLabel="Keep project"
        confirmLabel="Delete project"
        onKeep={onClose}
        onConfirm={() => {
          onClose();
          void deleteProject(project.id).catch(fail);
        }}
      >
        <p>
          This removes the project with its {contents.documents} document{contents.documents === 1 ? "" : "s"} and {contents.spans} span
          {contents.spans === 1 ? "" : "s"} from this computer. It cannot be undone; save a project file first if you may need it.
        </p>
      </ConfirmDialog>
    );
  }
  return (
    <Dialog
      title={kind === "new" ? "New project" : "Rename project"}
      onCancel={onClose}
      onSubmit={() => {
        const trimmed = name.trim();
        if (!trimmed) return;
        onClose();
        void (kind === "new" ? createProject(trimmed) : renameProject(project.id, trimmed)).catch(fail);
      }}
      actions={
        <>
          <button type="button" className="sw-button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="sw-button sw-primary" disabled={!name.trim()}>
            {kind === "new" ? "Create project" : "Rename"}
          </button>
        </>
      }
    >
      <label className="sw-field">
        Project name
        <input autoFocus value={name} maxLength={200} onChange={(e) => setName(e.target.value)} />
      </label>
    </Dialog>
  );
}
