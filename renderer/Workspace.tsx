import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useLiveQuery } from "dexie-react-hooks";
import { actorsById } from "../shared/coding/actors";
import { linkTypesFrom } from "../shared/coding/links";
import { labelAttributes, projectLinkTypes, type LinkTypeDef } from "../shared/coding/model";
import { suggestActors } from "../shared/coding/names";
import { liveSpans, type SpanRecord } from "../shared/model";
import { addActorFromSpan, addLink, linkCandidates, removeLink, setAttribute, setSpanActor } from "./coding";
import { afterNextPaint } from "./nextPaint";
import { applyLabel, commandForKey, redo, removeSelectedSpan, undo, type CommandContext } from "./commands";
import { LinkConnectors, type Connector } from "./components/LinkConnectors";
import { SpanDetails } from "./components/SpanDetails";
import { PublicationDate } from "./components/PublicationDate";
import { EventsView } from "./components/EventsView";
import { ActorRegistry } from "./components/ActorRegistry";
import { LabelEditor } from "./components/LabelEditor";
import { DocumentList } from "./components/DocumentList";
import { FileButton, readFiles } from "./components/FileButton";
import { AnnotatorDialog } from "./components/AnnotatorDialog";
import { Backups } from "./components/Backups";
import { Layers, layersOf, layerTag } from "./components/Layers";
import { OpenProject, PROJECT_FILE_FILTERS } from "./components/OpenProject";
import { ProjectControls } from "./components/ProjectControls";
import { Notices, type Notice } from "./components/Notices";
import { SaveIndicator } from "./components/SaveIndicator";
import { SpanList } from "./components/SpanList";
import { LabelBar } from "./components/LabelBar";
import { platform } from "./platform";
import { Reader, type ReaderHandle } from "./reader/Reader";
import type { ReaderSpan } from "./reader/spanDecorations";
import { db } from "./store/db";
import { documentSpans } from "./store/spans";
import { useProjectDocuments } from "./store/useProjectDocuments";
import { importTextFiles, type IncomingFile } from "./store/documents";
import { describeStoreError } from "./store/saveStatus";
import { exportJsonlInBackground, projectFileInBackground } from "./workers/client";
import { ANNOTATOR_KEY, useSetting, writeSetting } from "./store/settings";
import { hiddenLayersKey, openDocumentKey, type FirstScreen } from "./startup";

const TEXT_FILE_FILTERS = [{ name: "Text files", extensions: ["txt"] }];

let nextNoticeId = 1;
const NO_ANNOTATORS: string[] = [];


/** Safe file name from a project name: no path separators or control characters. */
function fileStem(name: string): string {
  return name.replace(/[\\/:*?"<>|\p{Cc}]+/gu, "_").trim() || "spanwise";
}

/**
 * The main window: documents, the reader with its label bar, and the span list.
 * `first`, read before React mounted, is what the live queries show until they answer,
 * so the reopened document is drawn in the first render (see startup.ts).
 */
export function Workspace({ projectId, annotator, first }: { projectId: string; annotator: string; first?: FirstScreen | null }) {
  const project = useLiveQuery(() => db.projects.get(projectId), [projectId], first?.project);
  // The first page of the list comes at once; the whole list (for filtering and counts) follows.
  const { documents, total: documentCount, complete: listComplete } = useProjectDocuments(projectId);
  // The open document: shown at once on a click (not after the durable write of the
  // setting, which waits for the disk), and kept in the store for the next start.
  const firstOpen = first?.open ?? null;
  const storedDocId = useSetting<string | null>(openDocumentKey(projectId), firstOpen?.doc.id ?? null);
  const [docIdNow, setDocIdNow] = useState<string | null>(null);
  const docId = docIdNow ?? storedDocId;
  const openDoc = useLiveQuery(() => (docId ? db.documents.get(docId) : undefined), [docId], firstOpen?.doc);
  const doc = openDoc && openDoc.id === docId && openDoc.projectId === projectId ? openDoc : null;
  const textRow = useLiveQuery(() => (docId ? db.texts.get(docId) : undefined), [docId], firstOpen && { docId: firstOpen.doc.id, text: firstOpen.text });
  const text = textRow && textRow.docId === docId ? textRow.text : null;
  const storedSpans = useLiveQuery(() => (docId ? documentSpans(docId) : []), [docId], firstOpen?.spans);
  const allSpans = useMemo(() => liveSpans((storedSpans ?? []).filter((s) => s.docId === docId)), [storedSpans, docId]);
  const storedLinks = useLiveQuery(() => (docId ? db.links.where("docId").equals(docId).toArray() : []), [docId]);
  const links = useMemo(() => (storedLinks ?? []).filter((l) => l.docId === docId), [storedLinks, docId]);
  const storedActors = useLiveQuery(() => db.actors.where("projectId").equals(projectId).toArray(), [projectId]);
  const actorMap = useMemo(() => actorsById(storedActors ?? []), [storedActors]);
  const snapping = useSetting("snapToWords", true);
  const hiddenKey = hiddenLayersKey(projectId);
  // Shown at once on a click, and kept in the store for the next start.
  const storedHidden = useSetting<string[]>(hiddenKey, first?.hidden ?? NO_ANNOTATORS);
  const [hiddenNow, setHiddenNow] = useState<string[] | null>(null);
  const hidden = hiddenNow ?? storedHidden;
  const setHidden = useCallback(
    (next: string[]) => {
      setHiddenNow(next);
      void writeSetting(hiddenKey, next);
    },
    [hiddenKey],
  );
  const layers = useMemo(() => layersOf(allSpans), [allSpans]);
  const spans = useMemo(() => (hidden.length ? allSpans.filter((s) => !hidden.includes(s.annotator)) : allSpans), [allSpans, hidden]);
  const [askingName, setAskingName] = useState(false);
  const [showingBackups, setShowingBackups] = useState(false);
  const [showingActors, setShowingActors] = useState(false);
  const [showingLabels, setShowingLabels] = useState(false);

  const [pending, setPending] = useState<ReaderSpan[]>([]);
  const [selectedSpanId, setSelectedSpanId] = useState<string | null>(null);
  const [notices, setNotices] = useState<Notice[]>([]);
  const [busy, setBusy] = useState<string | null>(null);
  const reader = useRef<ReaderHandle>(null);

  const labels = project?.labels ?? [];
  const linkTypes = project ? projectLinkTypes(project) : [];
  const selectedSpan = spans.find((s) => s.id === selectedSpanId) ?? null;
  const scroller = useRef<HTMLDivElement>(null);

  /** Choosing the target of a new link: the keyboard steps through the candidates, nearest first. */
  const [linking, setLinking] = useState<{ type: LinkTypeDef; from: SpanRecord; candidates: SpanRecord[]; index: number } | null>(null);
  const candidate = linking ? (linking.candidates[linking.index] ?? null) : null;
  useEffect(() => {
    if (candidate) reader.current?.scrollToSpan(candidate.id);
  }, [candidate]);

  // Registry matches for the selected actor span that is not linked yet.
  const suggestions = useMemo(() => {
    if (!selectedSpan || text === null || selectedSpan.actorId) return [];
    const label = labels.find((l) => l.id === selectedSpan.label);
    if (!label || !labelAttributes(label).some((d) => d.type === "actor")) return [];
    return suggestActors(storedActors ?? [], text.slice(selectedSpan.start, selectedSpan.end));
  }, [selectedSpan, text, labels, storedActors]);

  // The selected span's links, drawn over the reader.
  const connectors = useMemo<Connector[]>(() => {
    const focus = linking?.from ?? selectedSpan;
    if (!focus) return [];
    const names = new Map(linkTypes.map((t) => [t.id, t.name]));
    return links
      .filter((l) => !l.deleted && (l.from === focus.id || l.to === focus.id))
      .map((l) => ({ id: l.id, from: l.from, to: l.to, name: names.get(l.type) ?? l.type }));
  }, [links, selectedSpan, linking, linkTypes]);

  // A pending span is drawn until the store hands it back saved. With
  // several annotators shown, each layer gets its own underline style and tag.
  // Work over all spans happens when the store changes, not on every pending span: a key press
  // only appends to the array the reader already has.
  const savedIds = useMemo(() => new Set(allSpans.map((s) => s.id)), [allSpans]);
  const withLayer = useMemo(() => {
    const visible = layers.filter((l) => !hidden.includes(l.annotator));
    if (visible.length < 2) return null;
    const index = new Map(layers.map((l) => [l.annotator, l.index]));
    return (s: ReaderSpan): ReaderSpan => ({ ...s, layer: { index: index.get(s.annotator) ?? layers.length, tag: layerTag(s.annotator) } });
  }, [layers, hidden]);
  const layeredSpans = useMemo<ReaderSpan[]>(() => (withLayer ? spans.map(withLayer) : spans), [spans, withLayer]);
  const shownSpans = useMemo<ReaderSpan[]>(() => {
    const unsaved = pending.filter((p) => !savedIds.has(p.id));
    if (unsaved.length === 0) return layeredSpans;
    return [...layeredSpans, ...(withLayer ? unsaved.map(withLayer) : unsaved)];
  }, [layeredSpans, pending, savedIds, withLayer]);
  useEffect(() => {
    setPending((p) => (p.some((s) => savedIds.has(s.id)) ? p.filter((s) => !savedIds.has(s.id)) : p));
  }, [savedIds]);

  const notify = useCallback((text: string, kind: Notice["kind"] = "info") => {
    const notice = { id: nextNoticeId++, kind, text };
    setNotices((n) => [...n.slice(-7), notice]);
    if (kind === "info") setTimeout(() => setNotices((n) => n.filter((x) => x.id !== notice.id)), 6000);
  }, []);

  /** Runs a store write from a click; a failure is reported, never thrown. */
  const report = useCallback((write: Promise<unknown>) => void write.catch((err: unknown) => notify(describeStoreError(err), "problem")), [notify]);

  const openDocument = useCallback(
    (id: string) => {
      setSelectedSpanId(null);
      setDocIdNow(id);
      void writeSetting(openDocumentKey(projectId), id);
    },
    [projectId],
  );

  const context = (): CommandContext => ({
    doc,
    text,
    labels,
    annotator,
    snapping,
    reader: reader.current,
    selectedSpan,
    links,
    selectSpan: setSelectedSpanId,
    openDocument,
    showPending: (span) => {
      // Drawn in this key press; the app's own render follows after the frame
      // that shows the span, so the key press stays one short task.
      reader.current?.drawAhead(span);
      void afterNextPaint().then(() => setPending((p) => [...p, span]));
      // A new span must be seen: bring the tagger's layer back if it was hidden.
      if (hidden.includes(span.annotator)) setHidden(hidden.filter((a) => a !== span.annotator));
    },
    dropPending: (id) => {
      reader.current?.dropAhead(id);
      setPending((p) => p.filter((s) => s.id !== id));
    },
    notify: (message) => notify(message),
  });
  const latestContext = useRef(context);
  latestContext.current = context;

  const run = useCallback(
    (command: (ctx: CommandContext) => Promise<void>) => {
      report(command(latestContext.current()));
    },
    [report],
  );

  const coding = useRef({ linking, candidate, selectedSpan, suggestions, linkTypes, spans, links, annotator, text });
  coding.current = { linking, candidate, selectedSpan, suggestions, linkTypes, spans, links, annotator, text };

  const startLink = useCallback(
    (type: LinkTypeDef) => {
      const { selectedSpan: from, spans: docSpans } = coding.current;
      if (!from) return;
      const candidates = linkCandidates(type, from, docSpans);
      if (candidates.length === 0) {
        notify(`There is no ${type.to.join(" or ")} span in this document to link as ${type.name.toLowerCase()}. Tag one first.`);
        return;
      }
      setLinking({ type, from, candidates, index: 0 });
    },
    [notify],
  );

  const finishLink = useCallback(
    (to: SpanRecord) => {
      const { linking: current, links: docLinks, annotator: who } = coding.current;
      if (!current) return;
      setLinking(null);
      setSelectedSpanId(current.from.id);
      report(addLink(current.type, current.from, to, docLinks, who));
    },
    [report],
  );

  /** The reader was clicked: in link mode, on the target; else it selects the span. */
  const onSpanClick = useCallback(
    (id: string | null) => {
      const current = coding.current.linking;
      if (!current) return setSelectedSpanId(id);
      const target = id ? current.candidates.find((c) => c.id === id) : undefined;
      if (target) finishLink(target);
      else if (id) notify(`That span cannot be the ${current.type.name.toLowerCase()} of this ${current.from.label}.`);
    },
    [finishLink, notify],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target?.closest("input, textarea, select, [contenteditable=true]")) return;
      const current = coding.current.linking;
      if (current) {
        // Choosing a link's target: arrows or Tab step, Enter links, Escape cancels.
        const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1, Tab: event.shiftKey ? -1 : 1 }[event.key];
        if (step !== undefined) {
          event.preventDefault();
          const n = current.candidates.length;
          setLinking({ ...current, index: (current.index + step + n) % n });
        } else if (event.key === "Enter") {
          event.preventDefault();
          const to = current.candidates[current.index];
          if (to) finishLink(to);
        } else if (event.key === "Escape") {
          event.preventDefault();
          setLinking(null);
        }
        return;
      }
      // Enter on a focused button is the button's.
      if (event.key === "Enter" && target?.closest("button, a, summary, label")) return;
      const { selectedSpan: sel, linkTypes: types } = coding.current;
      const command = commandForKey(event, latestContext.current().labels, sel ? linkTypesFrom(types, sel.label) : []);
      if (!command) return;
      if (command.kind === "accept") {
        const { suggestions: matches, spans: docSpans } = coding.current;
        if (!sel) {
          // Enter with the caret in a span selects the innermost span there.
          const at = reader.current?.caret();
          if (at === null || at === undefined) return;
          const around = docSpans.filter((s) => s.start <= at && at <= s.end).sort((a, b) => a.end - a.start - (b.end - b.start));
          if (!around[0]) return;
          event.preventDefault();
          setSelectedSpanId(around[0].id);
          return;
        }
        if (!matches[0]) return;
        event.preventDefault();
        const chosen = matches[0].actor;
        setSpanActor(sel, chosen.id).then(
          () => notify(`Linked to ${chosen.name} in the registry.`),
          (err: unknown) => notify(describeStoreError(err), "problem"),
        );
        return;
      }
      event.preventDefault();
      switch (command.kind) {
        case "link": {
          const type = types.find((t) => t.id === command.typeId);
          if (type) startLink(type);
          return;
        }
        case "label":
          return run((ctx) => applyLabel(ctx, command.labelId));
        case "remove":
          return run(removeSelectedSpan);
        case "undo":
          return run(undo);
        case "redo":
          return run(redo);
        case "deselect":
          return setSelectedSpanId(null);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [run, startLink, finishLink, notify]);

  const readingProgress = useCallback((done: number, total: number) => setBusy(done < total ? `Reading files… ${done} of ${total}` : null), []);

  const importFiles = useCallback(
    async (files: IncomingFile[]) => {
      setBusy(`Importing ${files.length} file${files.length === 1 ? "" : "s"}…`);
      try {
        const outcome = await importTextFiles(projectId, files, (done, total) => setBusy(`Importing… ${done} of ${total}`));
        for (const problem of outcome.problems) notify(problem, "problem");
        if (outcome.added.length) {
          notify(`Imported ${outcome.added.length} document${outcome.added.length === 1 ? "" : "s"}.`);
          if (!doc) openDocument(outcome.added[0]!.id);
        }
      } catch (err) {
        notify(describeStoreError(err), "problem");
      } finally {
        setBusy(null);
      }
    },
    [projectId, notify, doc, openDocument],
  );

  // Files dropped anywhere on the window are imported.
  useEffect(() => {
    const over = (e: DragEvent) => {
      if (e.dataTransfer?.types.includes("Files")) e.preventDefault();
    };
    const drop = (e: DragEvent) => {
      if (!e.dataTransfer?.files.length) return;
      e.preventDefault();
      void readFiles(e.dataTransfer.files, readingProgress).then(importFiles);
    };
    window.addEventListener("dragover", over);
    window.addEventListener("drop", drop);
    return () => {
      window.removeEventListener("dragover", over);
      window.removeEventListener("drop", drop);
    };
  }, [importFiles, readingProgress]);

  const exportJsonl = async () => {
    if (!project) return;
    setBusy("Exporting…");
    try {
      const { parts, documents: count } = await exportJsonlInBackground(projectId);
      const result = await platform.saveFile({
        suggestedName: `${fileStem(project.name)}.jsonl`,
        filters: [{ name: "JSON Lines", extensions: ["jsonl"] }],
        mime: "application/x-ndjson",
        parts,
      });
      if (result.saved) notify(`Exported ${count} document${count === 1 ? "" : "s"} to ${result.fileName}.`);
    } catch (err) {
      notify(`The export failed: ${err instanceof Error ? err.message : String(err)}`, "problem");
    } finally {
      setBusy(null);
    }
  };

  const saveProject = async () => {
    if (!project) return;
    setBusy("Saving the project file…");
    try {
      const bytes = await projectFileInBackground(projectId);
      const result = await platform.saveFile({
        suggestedName: `${fileStem(project.name)}.spanwise`,
        filters: PROJECT_FILE_FILTERS,
        mime: "application/zip",
        parts: [bytes],
      });
      if (result.saved) notify(`Saved the project to ${result.fileName}.`);
    } catch (err) {
      notify(`The project file was not saved: ${err instanceof Error ? err.message : String(err)}`, "problem");
    } finally {
      setBusy(null);
    }
  };

  const pickSpan = useCallback((id: string | null) => {
    setSelectedSpanId(id);
    if (id) reader.current?.scrollToSpan(id);
  }, []);

  // An event row opens its document at the event: scroll once the span is drawn.
  const [view, setView] = useState<"reader" | "events">("reader");
  const [scrollTarget, setScrollTarget] = useState<string | null>(null);
  useEffect(() => {
    if (!scrollTarget || view !== "reader" || !shownSpans.some((s) => s.id === scrollTarget)) return;
    reader.current?.scrollToSpan(scrollTarget);
    setScrollTarget(null);
  }, [scrollTarget, shownSpans, view]);
  const openEvent = (eventDocId: string, spanId: string) => {
    setView("reader");
    if (eventDocId !== docId) openDocument(eventDocId);
    setSelectedSpanId(spanId);
    setScrollTarget(spanId);
  };

  return (
    <div className="sw-app">
      <header className="sw-header">
        <h1 className="sw-brand">Spanwise</h1>
        {project && <ProjectControls project={project} onError={(m) => notify(m, "problem")} />}
        <FileButton label="Import documents" filters={TEXT_FILE_FILTERS} multiple onProgress={readingProgress} onFiles={(files) => void importFiles(files)} />
        <button type="button" className="sw-button" onClick={() => void exportJsonl()} disabled={documentCount === 0}>
          Export JSONL
        </button>
        <button type="button" className="sw-button" onClick={() => void saveProject()} disabled={!project}>
          Save project
        </button>
        {project && <OpenProject currentProject={project} notify={notify} setBusy={setBusy} />}
        {platform.backups && (
          <button type="button" className="sw-button" onClick={() => setShowingBackups(true)}>
            Backups
          </button>
        )}
        <button type="button" className="sw-button" onClick={() => setShowingActors(true)} disabled={!project}>
          Actors
        </button>
        <button type="button" className="sw-button" onClick={() => setShowingLabels(true)} disabled={!project}>
          Labels
        </button>
        <button type="button" className="sw-button" aria-pressed={view === "events"} onClick={() => setView(view === "events" ? "reader" : "events")}>
          {view === "events" ? "Back to reading" : "Events"}
        </button>
        <span className="sw-spacer" />
        {busy && (
          <span className="sw-busy" role="status">
            {busy}
          </span>
        )}
        <button type="button" className="sw-button sw-annotator" title="Change the annotator name" onClick={() => setAskingName(true)}>
          Annotator: {annotator || "—"}
        </button>
        <SaveIndicator />
      </header>
      {showingActors && project && (
        <ActorRegistry project={project} annotator={annotator} openDoc={doc && text !== null ? { id: doc.id, text } : null} notify={notify} onClose={() => setShowingActors(false)} />
      )}
      {showingLabels && project && <LabelEditor project={project} notify={notify} onClose={() => setShowingLabels(false)} />}
      {showingBackups && platform.backups && project && (
        <Backups store={platform.backups} project={project} notify={notify} onClose={() => setShowingBackups(false)} />
      )}
      {askingName && (
        <AnnotatorDialog
          current={annotator}
          onCancel={() => setAskingName(false)}
          onSave={(name) => {
            setAskingName(false);
            void writeSetting(ANNOTATOR_KEY, name);
          }}
        />
      )}
      <Notices notices={notices} onDismiss={(id) => setNotices((n) => n.filter((x) => x.id !== id))} />
      <div className="sw-body">
        <DocumentList documents={documents} total={documentCount} complete={listComplete} currentId={docId} onOpen={openDocument} />
        <main className="sw-main">
          {view === "events" && project ? (
            <EventsView project={project} fileStem={fileStem(project.name)} onOpen={openEvent} notify={notify} />
          ) : doc && text !== null ? (
            <>
              <LabelBar
                labels={labels}
                selectedSpan={selectedSpan as SpanRecord | null}
                snapping={snapping}
                onLabel={(id) => run((ctx) => applyLabel(ctx, id))}
                onRemove={() => run(removeSelectedSpan)}
                onUndo={() => run(undo)}
                onRedo={() => run(redo)}
                onSnapping={(on) => void writeSetting("snapToWords", on)}
              />
              <h2 className="sw-doctitle">{doc.title}</h2>
              <PublicationDate doc={doc} onError={(m) => notify(m, "problem")} />
              <Layers layers={layers} hidden={hidden} onChange={setHidden} />
              {linking && (
                <div className="sw-linking" role="status">
                  Linking {linking.from.label} “{text.slice(linking.from.start, linking.from.end)}” → {linking.type.name.toLowerCase()}:{" "}
                  {candidate ? `“${text.slice(candidate.start, candidate.end)}”` : ""} ({linking.index + 1} of {linking.candidates.length}). Arrows or Tab to
                  choose, Enter or a click to link, Escape to cancel.
                </div>
              )}
              <div className="sw-reader-scroll" ref={scroller}>
                <Reader
                  key={doc.id}
                  text={text}
                  spans={shownSpans}
                  labels={labels}
                  selectedSpanId={candidate?.id ?? selectedSpanId}
                  onSpanClick={onSpanClick}
                  handle={reader}
                />
                <LinkConnectors container={scroller} connectors={connectors} layoutKey={shownSpans} />
              </div>
            </>
          ) : (
            <div className="sw-welcome">
              <h2>{documentCount ? "Open a document from the list" : "Import documents to begin"}</h2>
              <p>
                Select text and press <kbd>1</kbd> Actor, <kbd>2</kbd> Event, <kbd>3</kbd> Date, <kbd>4</kbd> Quote. Keyboard only: click
                into the text or Tab to it, move with the arrows (<kbd>Ctrl</kbd> for words), extend with <kbd>Shift</kbd>.
              </p>
            </div>
          )}
        </main>
        {doc && text !== null && (
          <div className="sw-side">
            {selectedSpan && (
              <SpanDetails
                key={selectedSpan.id}
                span={selectedSpan}
                doc={doc}
                text={text}
                labels={labels}
                linkTypes={linkTypes}
                spans={allSpans}
                links={links}
                actors={actorMap}
                suggestions={suggestions}
                onAttribute={(def, value) => report(setAttribute(selectedSpan, def, value))}
                onActor={(actorId) => report(setSpanActor(selectedSpan, actorId))}
                onNewActor={(name) => report(addActorFromSpan(selectedSpan, name))}
                onStartLink={startLink}
                onRemoveLink={(link) => report(removeLink(link))}
                onPick={pickSpan}
              />
            )}
            <SpanList spans={spans} text={text} labels={labels} selectedId={selectedSpanId} onPick={pickSpan} />
          </div>
        )}
      </div>
    </div>
  );
}
