import { Suspense } from "react";
import type { Project } from "../../shared/model";
import type { Command } from "../commands/command";
import type { WorkspaceDialog } from "../commands/context";
import { AnnotatorDialog } from "../components/AnnotatorDialog";
import { ProjectDialog } from "../components/ProjectControls";
import { platform } from "../platform";
import { ANNOTATOR_KEY, writeSetting } from "../store/settings";
import { ActorRegistry, Backups, LabelEditor } from "./lazyViews";
import { ShortcutSheet } from "./ShortcutSheet";

interface WorkspaceDialogsProps<C> {
  dialog: WorkspaceDialog | null;
  onClose(): void;
  project: Project | undefined;
  annotator: string;
  /** The open document, for the actor registry's "tag all mentions". */
  openDoc: { id: string; text: string } | null;
  commands: readonly Command<C>[];
  notify(text: string, kind?: "info" | "problem"): void;
}

/** The one dialog the workspace shows at a time, chosen by a command. */
export function WorkspaceDialogs<C>({ dialog, onClose, project, annotator, openDoc, commands, notify }: WorkspaceDialogsProps<C>) {
  const problem = (m: string) => notify(m, "problem");
  const body = (() => {
    switch (dialog) {
      case null:
        return null;
      case "shortcuts":
        return <ShortcutSheet commands={commands} onClose={onClose} />;
      case "annotator":
        return (
          <AnnotatorDialog
            current={annotator}
            onCancel={onClose}
            onSave={(name) => {
              onClose();
              void writeSetting(ANNOTATOR_KEY, name);
            }}
          />
        );
    }
    if (!project) return null;
    switch (dialog) {
      case "newProject":
        return <ProjectDialog kind="new" project={project} onClose={onClose} onError={problem} />;
      case "renameProject":
        return <ProjectDialog kind="rename" project={project} onClose={onClose} onError={problem} />;
      case "deleteProject":
        return <ProjectDialog kind="delete" project={project} onClose={onClose} onError={problem} />;
      case "actors":
        return <ActorRegistry project={project} annotator={annotator} openDoc={openDoc} notify={notify} onClose={onClose} />;
      case "labels":
        return <LabelEditor project={project} notify={notify} onClose={onClose} />;
      case "backups":
        return platform.backups ? <Backups store={platform.backups} project={project} notify={notify} onClose={onClose} /> : null;
    }
  })();
  return <Suspense fallback={<p className="sw-loading-view" role="status">Loading…</p>}>{body}</Suspense>;
}
