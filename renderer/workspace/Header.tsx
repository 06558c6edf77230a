import { useState } from "react";
import type { Project } from "../../shared/model";
import { ActorRegistry } from "../components/ActorRegistry";
import { AnnotatorDialog } from "../components/AnnotatorDialog";
import { Backups } from "../components/Backups";
import { FileButton, TEXT_FILE_FILTERS } from "../components/FileButton";
import { LabelEditor } from "../components/LabelEditor";
import { OpenProject } from "../components/OpenProject";
import { RecentProjects } from "../components/RecentProjects";
import { ProjectControls } from "../components/ProjectControls";
import { SaveIndicator } from "../components/SaveIndicator";
import type { IncomingFile } from "../store/documents";
import { platform } from "../platform";
import { ANNOTATOR_KEY, writeSetting } from "../store/settings";
import { DesktopMenu } from "./DesktopMenu";
import { exportJsonl, saveProjectFile, type ActionFeedback } from "./projectFileActions";

export type WorkspaceView = "reader" | "events";

interface HeaderProps extends ActionFeedback {
  project: Project | undefined;
  annotator: string;
  documentCount: number;
  busy: string | null;
  view: WorkspaceView;
  onView(view: WorkspaceView): void;
  /** The open document, for the actor registry's "tag all mentions". */
  openDoc: { id: string; text: string } | null;
  onImport(files: IncomingFile[]): void;
  onReadingProgress(done: number, total: number): void;
}

type Showing = "actors" | "labels" | "backups" | "annotator" | null;

/** The header: project controls, import, export, views, the annotator and the save status; and the dialogs it opens. */
export function Header(props: HeaderProps) {
  const { project, annotator, documentCount, busy, view, notify, setBusy } = props;
  const [showing, setShowing] = useState<Showing>(null);
  const close = () => setShowing(null);
  const feedback = { notify, setBusy };
  return (
    <>
      <header className="sw-header">
        <h1 className="sw-brand">Spanwise</h1>
        {project && <ProjectControls project={project} onError={(m) => notify(m, "problem")} />}
        <FileButton label="Import documents" filters={TEXT_FILE_FILTERS} multiple onProgress={props.onReadingProgress} onFiles={props.onImport} />
        <button type="button" className="sw-button" onClick={() => project && void exportJsonl(project, feedback)} disabled={documentCount === 0}>
          Export JSONL
        </button>
        <button type="button" className="sw-button" onClick={() => project && void saveProjectFile(project, feedback)} disabled={!project}>
          Save project
        </button>
        {/* Both hand the file to the workspace's one ProjectFileOpener. */}
        <OpenProject />
        <RecentProjects notify={notify} />
        {platform.backups && (
          <button type="button" className="sw-button" onClick={() => setShowing("backups")}>
            Backups
          </button>
        )}
        <button type="button" className="sw-button" onClick={() => setShowing("actors")} disabled={!project}>
          Actors
        </button>
        <button type="button" className="sw-button" onClick={() => setShowing("labels")} disabled={!project}>
          Labels
        </button>
        <button type="button" className="sw-button" aria-pressed={view === "events"} onClick={() => props.onView(view === "events" ? "reader" : "events")}>
          {view === "events" ? "Back to reading" : "Events"}
        </button>
        <span className="sw-spacer" />
        {busy && (
          <span className="sw-busy" role="status">
            {busy}
          </span>
        )}
        <button type="button" className="sw-button sw-annotator" title="Change the annotator name" onClick={() => setShowing("annotator")}>
          Annotator: {annotator || "—"}
        </button>
        <SaveIndicator />
      </header>
      <DesktopMenu project={project} documentCount={documentCount} showingEvents={view === "events"} onView={props.onView} onImport={props.onImport} notify={notify} setBusy={setBusy} />
      {showing === "actors" && project && <ActorRegistry project={project} annotator={annotator} openDoc={props.openDoc} notify={notify} onClose={close} />}
      {showing === "labels" && project && <LabelEditor project={project} notify={notify} onClose={close} />}
      {showing === "backups" && platform.backups && project && <Backups store={platform.backups} project={project} notify={notify} onClose={close} />}
      {showing === "annotator" && (
        <AnnotatorDialog
          current={annotator}
          onCancel={close}
          onSave={(name) => {
            close();
            void writeSetting(ANNOTATOR_KEY, name);
          }}
        />
      )}
    </>
  );
}
