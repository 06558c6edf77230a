import { useEffect, useRef, useState } from "react";
import type { MergeReport } from "../../shared/merge";
import type { ProjectSnapshot } from "../../shared/projectFile";
import { describeMergeReport, describeSpanVersion } from "../../shared/mergeReportText";
import { platform } from "../platform";
import type { IncomingProjectFile } from "../platform/platform";
import { describeStoreError } from "../store/saveStatus";
import { switchProject } from "../store/projects";
import { Dialog, InfoDialog } from "./Dialog";
import { openProjectFile, takeProjectFiles } from "./projectFileInbox";

export const PROJECT_FILE_FILTERS = [{ name: "Spanwise project", extensions: ["spanwise"] }];

interface ProjectFileOpenerProps {
  currentProject: { id: string; name: string };
  notify(text: string, kind: "info" | "problem"): void;
  setBusy(text: string | null): void;
}

type Step =
  | { kind: "choose"; fileName: string; snapshot: ProjectSnapshot }
  | { kind: "report"; fileName: string; into: string; report: MergeReport }
  | null;

/**
 * Opens project files from every source (Open project, Open Recent, a file
 * the desktop app was asked to open): reads and checks the whole file first
 * (nothing is written for a bad one), then asks whether to open it as a
 * project of its own or merge it into the open one, and ends a merge with
 * its report. Files that come while one is open wait their turn. Mounted
 * once per workspace.
 */
export function ProjectFileOpener({ currentProject, notify, setBusy }: ProjectFileOpenerProps) {
  const [step, setStep] = useState<Step>(null);
  // Files wait here while one is being read, chosen for, opened or merged.
  const waiting = useRef<IncomingProjectFile[]>([]);
  const handling = useRef(false);

  const read = async (file: IncomingProjectFile) => {
    setBusy(`Reading ${file.name}…`);
    try {
      // Reading and writing project files (zip, schemas, merge) is loaded the first time a file comes, not at start.
      const { decodeProjectFile } = await import("../../shared/projectFile");
      const result = await decodeProjectFile(file.bytes, file.name, {
        onProgress: (p) => setBusy(`Reading ${file.name}: ${p.stage} ${p.done} of ${p.total}`),
      });
      if (!result.ok) {
        notify(`${file.name} was not opened; nothing was changed.\n${result.problems.join("\n")}`, "problem");
        finish();
        return;
      }
      setStep({ kind: "choose", fileName: file.name, snapshot: result.snapshot });
    } catch (err) {
      notify(`${file.name} was not opened: ${err instanceof Error ? err.message : String(err)}`, "problem");
      finish();
    } finally {
      setBusy(null);
    }
  };
  const latestRead = useRef(read);
  latestRead.current = read;

  const startNext = () => {
    if (handling.current) return;
    const file = waiting.current.shift();
    if (!file) return;
    handling.current = true;
    void latestRead.current(file);
  };
  /** The current file is done with (opened, merged, cancelled or refused): on to the next. */
  const finish = () => {
    setStep(null);
    handling.current = false;
    startNext();
  };

  useEffect(() => {
    const stop = takeProjectFiles((file) => {
      waiting.current.push(file);
      startNext();
    });
    return () => {
      stop();
      // Opening a file as a new project remounts the workspace: files still waiting go back to the inbox for the next opener.
      for (const file of waiting.current.splice(0)) openProjectFile(file);
    };
  }, []);
  useEffect(() => platform.desktop?.onOpenProjectFile(openProjectFile), []);

  const asNew = async (fileName: string, snapshot: ProjectSnapshot) => {
    setStep(null);
    setBusy(`Opening ${fileName}…`);
    try {
      const { openAsNewProject } = await import("../store/projectFiles");
      const opened = await openAsNewProject(snapshot);
      await switchProject(opened.projectId);
      notify(
        `Opened ${fileName} as the project “${opened.name}”.` +
          (opened.renamed ? ` ${opened.renamed} record id${opened.renamed === 1 ? " was" : "s were"} already used by another project here and got new ones.` : ""),
        "info",
      );
    } catch (err) {
      notify(`${fileName} was not opened; nothing was changed. ${describeStoreError(err)}`, "problem");
    } finally {
      setBusy(null);
      finish();
    }
  };

  const merge = async (fileName: string, snapshot: ProjectSnapshot) => {
    setStep(null);
    setBusy(`Merging ${fileName}…`);
    try {
      const { mergeIntoProject } = await import("../store/projectFiles");
      const report = await mergeIntoProject(currentProject.id, snapshot);
      setStep({ kind: "report", fileName, into: currentProject.name, report });
    } catch (err) {
      notify(`${fileName} was not merged; nothing was changed. ${describeStoreError(err)}`, "problem");
      finish();
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      {step?.kind === "choose" && (
        <Dialog
          title={`Open ${step.fileName}`}
          onCancel={finish}
          actions={
            <>
              <button type="button" className="sw-button" onClick={finish}>
                Cancel
              </button>
              <button type="button" className="sw-button" onClick={() => void asNew(step.fileName, step.snapshot)}>
                Open as new project
              </button>
              <button type="button" className="sw-button sw-primary" autoFocus onClick={() => void merge(step.fileName, step.snapshot)}>
                Merge into “{currentProject.name}”
              </button>
            </>
          }
        >
          <FileSummary snapshot={step.snapshot} />
        </Dialog>
      )}
      {step?.kind === "report" && <MergeReportDialog fileName={step.fileName} into={step.into} report={step.report} onClose={finish} />}
    </>
  );
}

function FileSummary({ snapshot }: { snapshot: ProjectSnapshot }) {
  const live = snapshot.spans.filter((s) => !s.deleted);
  const annotators = [...new Set(live.map((s) => s.annotator))].sort();
  return (
    <p>
      The project “{snapshot.project.name}” with {snapshot.documents.length} document{snapshot.documents.length === 1 ? "" : "s"} and {live.length} span
      {live.length === 1 ? "" : "s"}
      {annotators.length ? ` by ${annotators.join(", ")}` : ""}. Merging keeps every annotator's work as a layer; where both sides changed the same
      span, the later change wins.
    </p>
  );
}

const SHOWN_CONFLICTS = 50;

function MergeReportDialog({ fileName, into, report, onClose }: { fileName: string; into: string; report: MergeReport; onClose(): void }) {
  return (
    <InfoDialog title={`Merged ${fileName} into “${into}”`} onClose={onClose}>
      <ul className="sw-report" aria-label="Merge report">
        {describeMergeReport(report).map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      {report.conflicts.length > 0 && (
        <details>
          <summary>Conflicts and the version kept</summary>
          <ul className="sw-conflicts">
            {report.conflicts.slice(0, SHOWN_CONFLICTS).map((c) => {
              const kept = c.kept === "base" ? c.base : c.incoming;
              const other = c.kept === "base" ? c.incoming : c.base;
              return (
                <li key={c.spanId}>
                  {c.docTitle}: kept {describeSpanVersion(kept)} over {describeSpanVersion(other)} ({c.reason === "later" ? "later change" : "same time"})
                </li>
              );
            })}
            {report.conflicts.length > SHOWN_CONFLICTS && <li>…and {report.conflicts.length - SHOWN_CONFLICTS} more</li>}
          </ul>
        </details>
      )}
    </InfoDialog>
  );
}
