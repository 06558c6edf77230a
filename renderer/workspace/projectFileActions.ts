import { fileStem, projectFileName } from "../../shared/fileNames";
import type { Project } from "../../shared/model";
import { PROJECT_FILE_FILTERS } from "../components/OpenProject";
import { platform } from "../platform";

export { fileStem };

/** What a long file action reports while it runs and when it ends. */
export interface ActionFeedback {
  notify(text: string, kind?: "info" | "problem"): void;
  setBusy(message: string | null): void;
}

async function withBusy(feedback: ActionFeedback, busy: string, failure: string, work: () => Promise<string | null>): Promise<void> {
  feedback.setBusy(busy);
  try {
    const done = await work();
    if (done) feedback.notify(done);
  } catch (err) {
    feedback.notify(`${failure}: ${err instanceof Error ? err.message : String(err)}`, "problem");
  } finally {
    feedback.setBusy(null);
  }
}

/** Exports the project's documents and spans as JSON Lines, built off the UI thread. */
export function exportJsonl(project: Project, feedback: ActionFeedback): Promise<void> {
  return withBusy(feedback, "Exporting…", "The export failed", async () => {
    const { exportJsonlInBackground } = await import("../workers/client");
    const { parts, documents: count } = await exportJsonlInBackground(project.id);
    const result = await platform.saveFile({
      suggestedName: `${fileStem(project.name)}.jsonl`,
      filters: [{ name: "JSON Lines", extensions: ["jsonl"] }],
      mime: "application/x-ndjson",
      parts,
    });
    return result.saved ? `Exported ${count} document${count === 1 ? "" : "s"} to ${result.fileName}.` : null;
  });
}

/** Saves the whole project as a .spanwise file named for the project, the annotator and the day. */
export function saveProjectFile(project: Project, annotator: string, feedback: ActionFeedback): Promise<void> {
  return withBusy(feedback, "Saving the project file…", "The project file was not saved", async () => {
    const { projectFileInBackground } = await import("../workers/client");
    const bytes = await projectFileInBackground(project.id);
    const result = await platform.saveFile({
      suggestedName: projectFileName(project.name, annotator, new Date()),
      filters: PROJECT_FILE_FILTERS,
      mime: "application/zip",
      parts: [bytes],
    });
    return result.saved ? `Saved the project to ${result.fileName}.` : null;
  });
}
