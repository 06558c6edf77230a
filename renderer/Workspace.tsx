import { Suspense, useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { useLiveQuery } from "dexie-react-hooks";
import { labelAttributes, projectLinkTypes } from "../shared/coding/model";
import { suggestActors } from "../shared/coding/names";
import type { AppContext, WorkspaceDialog, WorkspaceView } from "./commands/context";
import { DocumentList } from "./components/DocumentList";
import { Notices } from "./components/Notices";
import { PROJECT_FILE_FILTERS, ProjectFileOpener } from "./components/OpenProject";
import { openProjectFile } from "./components/projectFileInbox";
import { platform } from "./platform";
import type { ReaderHandle } from "./reader/Reader";
import { useSpanSelection } from "./reader/useSpanSelection";
import { db } from "./store/db";
import { history } from "./store/history";
import { useSetting } from "./store/settings";
import { useProjectDocuments } from "./store/useProjectDocuments";
import { Header } from "./workspace/Header";
import { EventTypeDialog } from "./workspace/EventTypeDialog";
import { EventsView, preloadLazyViews } from "./workspace/lazyViews";
import { exportJsonl, fileStem, saveProjectFile } from "./workspace/projectFileActions";
import { ReadingView, Welcome } from "./workspace/ReadingView";
import { SidePanel } from "./workspace/SidePanel";
import { useCommands } from "./workspace/useCommands";
import { useFilePicker } from "./workspace/useFilePicker";
import { useImport } from "./workspace/useImport";
import { useLayout } from "./workspace/useLayout";
import { useLinking } from "./workspace/useLinking";
import { useNotices } from "./workspace/useNotices";
import { useKeptFirstScreen } from "./workspace/useKeptFirstScreen";
import { useOpenDocument } from "./workspace/useOpenDocument";
import { usePendingSpans } from "./workspace/usePendingSpans";
import { WorkspaceBody } from "./workspace/WorkspaceBody";
import { WorkspaceDialogs } from "./workspace/WorkspaceDialogs";
import type { FirstScreen } from "./startup";

const TEXT_FILE_FILTERS = [{ name: "Text files", extensions: ["txt"] }];
const subscribeHistory = history.subscribe.bind(history);

/**
 * The main window: the header, the documents, the open view and the span panel, wired to one registry of commands.
 * `first`, read before React mounted, is what the live queries show until they answer, so the
 * reopened document is drawn in the first render (see startup.ts).
 */
export function Workspace({ projectId, annotator, first }: { projectId: string; annotator: string; first?: FirstScreen | null }) {
  const project = useLiveQuery(() => db.projects.get(projectId), [projectId], first?.project);
  // The first page of the list comes at once; the whole list (for filtering and counts) follows.
  const { documents, total: documentCount, complete: listComplete } = useProjectDocuments(projectId);
  const open = useOpenDocument(projectId, first);
  const { doc, text, spans } = open;
  const snapping = useSetting("snapToWords", true);
  const { notices, notify, dismiss, report } = useNotices();
  const [busy, setBusy] = useState<string | null>(null);
  const [view, setViewNow] = useState<WorkspaceView>("reader");
  const [dialog, setDialog] = useState<WorkspaceDialog | null>(null);
  const [renamingId, setRenamingId] = useState<string | null>(null);
  const [listedIds, setListedIds] = useState<readonly string[] | null>(null);
  const { selectedSpanId, selectedSpan, selectSpan: setSelectedSpanId, selectedAt: spanSelectedAt } = useSpanSelection(spans);
  const reader = useRef<ReaderHandle>(null);
  const layout = useLayout();
  const { shownSpans, shownChanges, showPending, dropPending } = usePendingSpans({ ...open, reader });
  const canUndo = useSyncExternalStore(subscribeHistory, () => history.canUndo);
  const canRedo = useSyncExternalStore(subscribeHistory, () => history.canRedo);
  useEffect(preloadLazyViews, []);

  const labels = useMemo(() => project?.labels ?? [], [project]);
  useKeptFirstScreen(projectId, open, project ? labels : null);
  const linkTypes = useMemo(() => (project ? projectLinkTypes(project) : []), [project]);
  const linking = useLinking({ selectedSpan, text, linkTypes, spans, links: open.links, annotator, reader, selectSpan: setSelectedSpanId, notify, report });
  const setView = useCallback((next: WorkspaceView) => setViewNow(next), []);
  useEffect(() => {
    if (view !== "reader") linking.cancel();
  }, [view, linking.cancel]);

  // Registry matches for the selected actor span that is not linked yet.
  const suggestions = useMemo(() => {
    if (!selectedSpan || text === null || selectedSpan.actorId) return [];
    const label = labels.find((l) => l.id === selectedSpan.label);
    if (!label || !labelAttributes(label).some((d) => d.type === "actor")) return [];
    return suggestActors(open.actors, text.slice(selectedSpan.start, selectedSpan.end));
  }, [selectedSpan, text, labels, open.actors]);

  const { openDocument: showDocument } = open;
  const { closeDrawer } = layout;
  const openDocument = useCallback(
    (id: string) => {
      setSelectedSpanId(null);
      showDocument(id);
      closeDrawer();
    },
    [showDocument, closeDrawer],
  );

  const { importFiles, readingProgress } = useImport({ projectId, hasOpenDocument: doc !== null, openDocument, notify, setBusy });
  const importPicker = useFilePicker({ label: "Import documents", filters: TEXT_FILE_FILTERS, multiple: true, onFiles: (f) => void importFiles(f), onProgress: readingProgress });
  const projectPicker = useFilePicker({ label: "Open project", filters: PROJECT_FILE_FILTERS, onFiles: (f) => f[0] && openProjectFile(f[0]) });
  const feedback = { notify, setBusy };

  const context = (): AppContext => ({
    doc, text, labels, annotator, snapping, selectedSpan, links: open.links, linkTypes, spans, suggestions, view, canUndo, canRedo, report,
    project: project ?? null,
    reader: reader.current,
    spanSelectedAt: spanSelectedAt.current,
    link: { active: linking.linking !== null, current: linking.linking, start: linking.start, step: linking.step, accept: linking.accept, cancel: linking.cancel },
    documentIds: documents.map((d) => d.id),
    listedIds,
    hasBackups: platform.backups !== null && platform.backups !== undefined,
    selectSpan: setSelectedSpanId,
    openDocument, showPending, dropPending, setView,
    notify: (message) => notify(message),
    open: setDialog,
    renameDocument: (id) => {
      if (!layout.isOpen("documents")) layout.toggle("documents");
      setRenamingId(id);
    },
    pickTextFiles: importPicker.pick,
    pickProjectFile: projectPicker.pick,
    exportJsonl: () => (project ? exportJsonl(project, feedback) : Promise.resolve()),
    saveProject: () => (project ? saveProjectFile(project, annotator, feedback) : Promise.resolve()),
    // Loaded when first used: event building, date parsing and CSV are not needed to start.
    exportEvents: (format) => (project ? import("./workspace/eventFiles").then(({ exportProjectEvents }) => exportProjectEvents(project, format, feedback)) : Promise.resolve()),
  });
  const { commands, runById } = useCommands(labels, linkTypes, context);
  const keysOf = useCallback((id: string) => commands.find((c) => c.id === id)?.keys ?? [], [commands]);

  const pickSpan = useCallback((id: string | null) => {
    setSelectedSpanId(id);
    if (id) reader.current?.scrollToSpan(id);
  }, []);

  // An event row opens its document at the event: scroll once the span is drawn.
  const [scrollTarget, setScrollTarget] = useState<string | null>(null);
  useEffect(() => {
    if (!scrollTarget || view !== "reader" || !shownSpans.some((s) => s.id === scrollTarget)) return;
    reader.current?.scrollToSpan(scrollTarget);
    setScrollTarget(null);
  }, [scrollTarget, shownSpans, view]);
  const openEvent = (eventDocId: string, spanId: string) => {
    setView("reader");
    if (eventDocId !== open.docId) openDocument(eventDocId);
    setSelectedSpanId(spanId);
    setScrollTarget(spanId);
  };
  const reading = doc !== null && text !== null;

  return (
    <div className="sw-app">
      <Header project={project} annotator={annotator} busy={busy} commands={commands} ctx={context()} run={runById} notify={notify} />
      {importPicker.input}
      {projectPicker.input}
      {/* Project files from every source (Open project, Open recent, the desktop app's double-click) open here, one at a time, once the first-start question is answered. */}
      {project && annotator && <ProjectFileOpener currentProject={project} notify={notify} setBusy={setBusy} />}
      <WorkspaceDialogs dialog={dialog} onClose={() => setDialog(null)} project={project} annotator={annotator} openDoc={reading ? { id: doc.id, text } : null} commands={commands} notify={notify} />
      {dialog === "eventType" && selectedSpan && reading && (
        <EventTypeDialog span={selectedSpan} text={text} labels={labels} onClose={() => setDialog(null)} report={report} />
      )}
      <Notices notices={notices} onDismiss={dismiss} />
      <WorkspaceBody
        view={view}
        narrow={layout.narrow}
        isOpen={layout.isOpen}
        onToggle={layout.toggle}
        onCloseDrawer={layout.closeDrawer}
        documents={
          <DocumentList documents={documents} total={documentCount} complete={listComplete} currentId={open.docId} current={doc} onOpen={openDocument}
            renamingId={renamingId} onRenaming={setRenamingId} onListed={setListedIds} report={report} />
        }
        side={
          reading ? (
            <SidePanel doc={doc} text={text} labels={labels} linkTypes={linkTypes} allSpans={open.allSpans} spans={spans} links={open.links} actors={open.actorMap}
              suggestions={suggestions} selectedSpan={selectedSpan} onStartLink={linking.start} onPick={pickSpan} report={report} />
          ) : null
        }
      >
        {view === "events" && project ? (
          <Suspense fallback={<p className="sw-loading-view" role="status">Loading the events…</p>}>
            <EventsView project={project} fileStem={fileStem(project.name)} onOpen={openEvent} notify={notify} />
          </Suspense>
        ) : reading ? (
          <ReadingView doc={doc} text={text} labels={labels} linkTypes={linkTypes} links={open.links} shownSpans={shownSpans} shownChanges={shownChanges} selectedSpan={selectedSpan}
            selectedSpanId={selectedSpanId} snapping={snapping} layers={open.layers} hidden={open.hidden} onHidden={open.setHidden} linking={linking.linking}
            candidate={linking.candidate} onSpanClick={linking.onSpanClick} onTextSelected={linking.onTextSelected} reader={reader} keysOf={keysOf} run={runById} notify={notify} />
        ) : (
          <Welcome documentCount={documentCount} labels={labels} />
        )}
      </WorkspaceBody>
    </div>
  );
}
