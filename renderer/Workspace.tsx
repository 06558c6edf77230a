import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useLiveQuery } from "dexie-react-hooks";
import { labelAttributes, projectLinkTypes } from "../shared/coding/model";
import { suggestActors } from "../shared/coding/names";
import type { CommandContext } from "./commands";
import { DocumentList } from "./components/DocumentList";
import { EventsView } from "./components/EventsView";
import { Notices } from "./components/Notices";
import { ProjectFileOpener } from "./components/OpenProject";
import type { ReaderHandle } from "./reader/Reader";
import { db } from "./store/db";
import { useSetting } from "./store/settings";
import { useProjectDocuments } from "./store/useProjectDocuments";
import { Header, type WorkspaceView } from "./workspace/Header";
import { fileStem } from "./workspace/projectFileActions";
import { ReadingView, Welcome } from "./workspace/ReadingView";
import { SidePanel } from "./workspace/SidePanel";
import { useImport } from "./workspace/useImport";
import { useLinking } from "./workspace/useLinking";
import { useNotices } from "./workspace/useNotices";
import { useOpenDocument } from "./workspace/useOpenDocument";
import { usePendingSpans } from "./workspace/usePendingSpans";
import { useWorkspaceKeys } from "./workspace/useWorkspaceKeys";
import { useSpanSelection } from "./reader/useSpanSelection";

/** The main window: header, documents, the reading view (or another view) and the side panel, wired together. */
export function Workspace({ projectId, annotator }: { projectId: string; annotator: string }) {
  const project = useLiveQuery(() => db.projects.get(projectId), [projectId]);
  // The first page of the list comes at once; the whole list (for filtering and counts) follows.
  const { documents, total: documentCount, complete: listComplete } = useProjectDocuments(projectId);
  const open = useOpenDocument(projectId);
  const { doc, text, spans } = open;
  const snapping = useSetting("snapToWords", true);
  const { notices, notify, dismiss, report } = useNotices();
  const [busy, setBusy] = useState<string | null>(null);
  const [view, setView] = useState<WorkspaceView>("reader");
  const { selectedSpanId, selectedSpan, selectSpan: setSelectedSpanId, selectedAt: spanSelectedAt } = useSpanSelection(spans);
  const reader = useRef<ReaderHandle>(null);
  const { shownSpans, shownChanges, showPending, dropPending } = usePendingSpans({ ...open, reader });

  const labels = useMemo(() => project?.labels ?? [], [project]);
  const linkTypes = useMemo(() => (project ? projectLinkTypes(project) : []), [project]);
  const linking = useLinking({ selectedSpan, spans, links: open.links, annotator, reader, selectSpan: setSelectedSpanId, notify, report });

  // Registry matches for the selected actor span that is not linked yet.
  const suggestions = useMemo(() => {
    if (!selectedSpan || text === null || selectedSpan.actorId) return [];
    const label = labels.find((l) => l.id === selectedSpan.label);
    if (!label || !labelAttributes(label).some((d) => d.type === "actor")) return [];
    return suggestActors(open.actors, text.slice(selectedSpan.start, selectedSpan.end));
  }, [selectedSpan, text, labels, open.actors]);

  const { openDocument: showDocument } = open;
  const openDocument = useCallback(
    (id: string) => {
      setSelectedSpanId(null);
      showDocument(id);
    },
    [showDocument],
  );

  const context = (): CommandContext => ({
    doc,
    text,
    labels,
    annotator,
    snapping,
    reader: reader.current,
    selectedSpan,
    spanSelectedAt: spanSelectedAt.current,
    spans,
    links: open.links,
    selectSpan: setSelectedSpanId,
    openDocument,
    showPending,
    dropPending,
    notify: (message) => notify(message),
  });
  const latestContext = useRef(context);
  latestContext.current = context;
  const run = useCallback((command: (ctx: CommandContext) => Promise<void>) => report(command(latestContext.current())), [report]);
  useWorkspaceKeys({ context: () => latestContext.current(), linking, linkTypes, spans, suggestions, run, notify, report });

  const { importFiles, readingProgress } = useImport({ projectId, hasOpenDocument: doc !== null, openDocument, notify, setBusy });

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

  return (
    <div className="sw-app">
      <Header
        project={project}
        annotator={annotator}
        documentCount={documentCount}
        busy={busy}
        view={view}
        onView={setView}
        openDoc={doc && text !== null ? { id: doc.id, text } : null}
        onImport={(files) => void importFiles(files)}
        onReadingProgress={readingProgress}
        notify={notify}
        setBusy={setBusy}
      />
      <Notices notices={notices} onDismiss={dismiss} />
      {/* Project files from every source (Open project, Open recent, the desktop app's double-click) open here, one at a time, once the first-start question is answered. */}
      {project && annotator && <ProjectFileOpener currentProject={project} notify={notify} setBusy={setBusy} />}
      <div className="sw-body">
        <DocumentList documents={documents} total={documentCount} complete={listComplete} currentId={open.docId} onOpen={openDocument} />
        <main className="sw-main">
          {view === "events" && project ? (
            <EventsView project={project} fileStem={fileStem(project.name)} onOpen={openEvent} notify={notify} />
          ) : doc && text !== null ? (
            <ReadingView
              doc={doc}
              text={text}
              labels={labels}
              linkTypes={linkTypes}
              links={open.links}
              shownSpans={shownSpans}
              shownChanges={shownChanges}
              selectedSpan={selectedSpan}
              selectedSpanId={selectedSpanId}
              snapping={snapping}
              layers={open.layers}
              hidden={open.hidden}
              onHidden={open.setHidden}
              linking={linking.linking}
              candidate={linking.candidate}
              onSpanClick={linking.onSpanClick}
              onTextSelected={linking.onTextSelected}
              reader={reader}
              run={run}
              notify={notify}
            />
          ) : (
            <Welcome documentCount={documentCount} />
          )}
        </main>
        {doc && text !== null && (
          <SidePanel
            doc={doc}
            text={text}
            labels={labels}
            linkTypes={linkTypes}
            allSpans={open.allSpans}
            spans={spans}
            links={open.links}
            actors={open.actorMap}
            suggestions={suggestions}
            selectedSpan={selectedSpan}
            onStartLink={linking.start}
            onPick={pickSpan}
            report={report}
          />
        )}
      </div>
    </div>
  );
}
