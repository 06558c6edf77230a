import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useLiveQuery } from "dexie-react-hooks";
import { liveSpans, type SpanRecord } from "../shared/model";
import { jsonlChunks } from "../shared/formats/jsonl";
import { applyLabel, commandForKey, redo, removeSelectedSpan, undo, type CommandContext } from "./commands";
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
import { importTextFiles, readProjectDocuments, type IncomingFile } from "./store/documents";
import { describeStoreError } from "./store/saveStatus";
import { projectFileBytes } from "./store/projectFiles";
import { ANNOTATOR_KEY, useSetting, writeSetting } from "./store/settings";

const TEXT_FILE_FILTERS = [{ name: "Text files", extensions: ["txt"] }];

let nextNoticeId = 1;

/** Safe file name from a project name: no path separators or control characters. */
function fileStem(name: string): string {
  return name.replace(/[\\/:*?"<>|\p{Cc}]+/gu, "_").trim() || "spanwise";
}

/** The main window: documents, the reader with its label bar, and the span list. */
export function Workspace({ projectId, annotator }: { projectId: string; annotator: string }) {
  const project = useLiveQuery(() => db.projects.get(projectId), [projectId]);
  const documents = useLiveQuery(() => db.documents.where("projectId").equals(projectId).sortBy("createdAt"), [projectId]) ?? [];
  const docId = useSetting<string | null>(`currentDocId:${projectId}`, null);
  const doc = documents.find((d) => d.id === docId) ?? null;
  const textRow = useLiveQuery(() => (docId ? db.texts.get(docId) : undefined), [docId]);
  const text = textRow && textRow.docId === docId ? textRow.text : null;
  const storedSpans = useLiveQuery(() => (docId ? db.spans.where("docId").equals(docId).toArray() : []), [docId]);
  const allSpans = useMemo(() => liveSpans((storedSpans ?? []).filter((s) => s.docId === docId)), [storedSpans, docId]);
  const snapping = useSetting("snapToWords", true);
  const hiddenKey = `hiddenAnnotators:${projectId}`;
  // Shown at once on a click, and kept in the store for the next start.
  const storedHidden = useSetting<string[]>(hiddenKey, []);
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

  const [pending, setPending] = useState<ReaderSpan[]>([]);
  const [selectedSpanId, setSelectedSpanId] = useState<string | null>(null);
  const [notices, setNotices] = useState<Notice[]>([]);
  const [busy, setBusy] = useState<string | null>(null);
  const reader = useRef<ReaderHandle>(null);

  const labels = project?.labels ?? [];
  const selectedSpan = spans.find((s) => s.id === selectedSpanId) ?? null;

  // A pending span is drawn until the store hands it back saved. With
  // several annotators shown, each layer gets its own underline style and tag.
  const shownSpans = useMemo<ReaderSpan[]>(() => {
    const saved = new Set(allSpans.map((s) => s.id));
    const drawn: ReaderSpan[] = [...spans, ...pending.filter((p) => !saved.has(p.id))];
    const visible = layers.filter((l) => !hidden.includes(l.annotator));
    if (visible.length < 2) return drawn;
    const index = new Map(layers.map((l) => [l.annotator, l.index]));
    return drawn.map((s) => ({ ...s, layer: { index: index.get(s.annotator) ?? layers.length, tag: layerTag(s.annotator) } }));
  }, [allSpans, spans, pending, layers, hidden]);
  useEffect(() => {
    const saved = new Set(allSpans.map((s) => s.id));
    setPending((p) => (p.some((s) => saved.has(s.id)) ? p.filter((s) => !saved.has(s.id)) : p));
  }, [allSpans]);

  const notify = useCallback((text: string, kind: Notice["kind"] = "info") => {
    const notice = { id: nextNoticeId++, kind, text };
    setNotices((n) => [...n.slice(-7), notice]);
    if (kind === "info") setTimeout(() => setNotices((n) => n.filter((x) => x.id !== notice.id)), 6000);
  }, []);

  const openDocument = useCallback(
    (id: string) => {
      setSelectedSpanId(null);
      void writeSetting(`currentDocId:${projectId}`, id);
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
    selectSpan: setSelectedSpanId,
    openDocument,
    showPending: (span) => {
      setPending((p) => [...p, span]);
      // A new span must be seen: bring the tagger's layer back if it was hidden.
      if (hidden.includes(span.annotator)) setHidden(hidden.filter((a) => a !== span.annotator));
    },
    dropPending: (id) => setPending((p) => p.filter((s) => s.id !== id)),
    notify: (message) => notify(message),
  });
  const latestContext = useRef(context);
  latestContext.current = context;

  const run = useCallback(
    (command: (ctx: CommandContext) => Promise<void>) => {
      command(latestContext.current()).catch((err: unknown) => notify(describeStoreError(err), "problem"));
    },
    [notify],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target?.closest("input, textarea, select, [contenteditable=true]")) return;
      const command = commandForKey(event, latestContext.current().labels);
      if (!command) return;
      event.preventDefault();
      switch (command.kind) {
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
  }, [run]);

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
      void readFiles(e.dataTransfer.files).then(importFiles);
    };
    window.addEventListener("dragover", over);
    window.addEventListener("drop", drop);
    return () => {
      window.removeEventListener("dragover", over);
      window.removeEventListener("drop", drop);
    };
  }, [importFiles]);

  const exportJsonl = async () => {
    if (!project) return;
    setBusy("Exporting…");
    try {
      const parts: string[] = [];
      for await (const line of jsonlChunks(readProjectDocuments(projectId))) parts.push(line);
      const result = await platform.saveFile({
        suggestedName: `${fileStem(project.name)}.jsonl`,
        filters: [{ name: "JSON Lines", extensions: ["jsonl"] }],
        mime: "application/x-ndjson",
        parts,
      });
      if (result.saved) notify(`Exported ${parts.length} document${parts.length === 1 ? "" : "s"} to ${result.fileName}.`);
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
      const bytes = await projectFileBytes(projectId);
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

  const pickSpan = (id: string | null) => {
    setSelectedSpanId(id);
    if (id) reader.current?.scrollToSpan(id);
  };

  return (
    <div className="sw-app">
      <header className="sw-header">
        <h1 className="sw-brand">Spanwise</h1>
        {project && <ProjectControls project={project} onError={(m) => notify(m, "problem")} />}
        <FileButton label="Import documents" filters={TEXT_FILE_FILTERS} multiple onFiles={(files) => void importFiles(files)} />
        <button type="button" className="sw-button" onClick={() => void exportJsonl()} disabled={documents.length === 0}>
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
        <DocumentList documents={documents} currentId={docId} onOpen={openDocument} />
        <main className="sw-main">
          {doc && text !== null ? (
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
              <Layers layers={layers} hidden={hidden} onChange={setHidden} />
              <div className="sw-reader-scroll">
                <Reader
                  key={doc.id}
                  text={text}
                  spans={shownSpans}
                  labels={labels}
                  selectedSpanId={selectedSpanId}
                  onSpanClick={setSelectedSpanId}
                  handle={reader}
                />
              </div>
            </>
          ) : (
            <div className="sw-welcome">
              <h2>{documents.length ? "Open a document from the list" : "Import documents to begin"}</h2>
              <p>
                Select text and press <kbd>1</kbd> Actor, <kbd>2</kbd> Event, <kbd>3</kbd> Date, <kbd>4</kbd> Quote. Keyboard only: click
                into the text or Tab to it, move with the arrows (<kbd>Ctrl</kbd> for words), extend with <kbd>Shift</kbd>.
              </p>
            </div>
          )}
        </main>
        {doc && text !== null && <SpanList spans={spans} text={text} labels={labels} selectedId={selectedSpanId} onPick={pickSpan} />}
      </div>
    </div>
  );
}
