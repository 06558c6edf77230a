import { useCallback, useMemo, useState } from "react";
import { useLiveQuery } from "dexie-react-hooks";
import { actorsById } from "../../shared/coding/actors";
import type { SpanRecord } from "../../shared/model";
import { layersOfCounts } from "../components/Layers";
import { db } from "../store/db";
import { useDocumentSpans } from "../store/useDocumentSpans";
import { useWindowDocument } from "../store/openProject";
import { useSetting, writeSetting } from "../store/settings";

/**
 * The open document of a project as the store holds it: its record, text,
 * live spans, links, the project's actors, and which annotators' layers are
 * hidden. Everything is read from the store; the only local state is what a
 * click changed before its setting reached the disk.
 */
const NO_SPANS: SpanRecord[] = [];

export function useOpenDocument(projectId: string) {
  // This window's open document (store/openProject.ts): shown at once on a click, kept for the next start.
  const [docId, openDocument] = useWindowDocument(projectId);
  const openDoc = useLiveQuery(() => (docId ? db.documents.get(docId) : undefined), [docId]);
  const doc = openDoc && openDoc.id === docId && openDoc.projectId === projectId ? openDoc : null;
  const textRow = useLiveQuery(() => (docId ? db.texts.get(docId) : undefined), [docId]);
  const text = textRow && textRow.docId === docId ? textRow.text : null;
  // Read once, then fed by the records that change (store/useDocumentSpans.ts).
  const feed = useDocumentSpans(docId);
  const allSpans = feed.spans ?? NO_SPANS;
  const storedLinks = useLiveQuery(() => (docId ? db.links.where("docId").equals(docId).toArray() : []), [docId]);
  const links = useMemo(() => (storedLinks ?? []).filter((l) => l.docId === docId), [storedLinks, docId]);
  const storedActors = useLiveQuery(() => db.actors.where("projectId").equals(projectId).toArray(), [projectId]);
  const actors = useMemo(() => storedActors ?? [], [storedActors]);
  const actorMap = useMemo(() => actorsById(actors), [actors]);

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
  const layers = useMemo(() => layersOfCounts(feed.annotators), [feed.annotators]);
  const spans = useMemo(() => (hidden.length ? allSpans.filter((s) => !hidden.includes(s.annotator)) : allSpans), [allSpans, hidden]);

  // How allSpans differs from the list before it (for the reader's per-record updates); null after a full read.
  const spanChanges = feed.spans ? feed.changes : null;
  return { docId, doc, text, allSpans, spanChanges, spans, links, actors, actorMap, layers, hidden, setHidden, openDocument };
}

export type OpenDocument = ReturnType<typeof useOpenDocument>;
