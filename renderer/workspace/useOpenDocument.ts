import { useCallback, useMemo, useState } from "react";
import { useLiveQuery } from "dexie-react-hooks";
import { actorsById } from "../../shared/coding/actors";
import type { SpanRecord } from "../../shared/model";
import { layersOfCounts } from "../components/Layers";
import { db } from "../store/db";
import { useDocumentSpans } from "../store/useDocumentSpans";
import { useWindowDocument } from "../store/openProject";
import { useSetting, writeSetting } from "../store/settings";
import { hiddenLayersKey, type FirstScreen } from "../startup";

const NO_ANNOTATORS: string[] = [];

/**
 * The open document of a project as the store holds it: its record, text,
 * live spans, links, the project's actors, and which annotators' layers are
 * hidden. Everything is read from the store; the only local state is what a
 * click changed before its setting reached the disk. Until the store answers,
 * `first` (read before React mounted) stands in for it.
 */
const NO_SPANS: SpanRecord[] = [];

export function useOpenDocument(projectId: string, first?: FirstScreen | null) {
  const firstOpen = first?.open ?? null;
  // This window's open document (store/openProject.ts): shown at once on a click, kept for the next start.
  const [docId, openDocument] = useWindowDocument(projectId, first?.rememberedDocId);
  const openDoc = useLiveQuery(() => (docId ? db.documents.get(docId) : undefined), [docId], firstOpen?.doc);
  const doc = openDoc && openDoc.id === docId && openDoc.projectId === projectId ? openDoc : null;
  const textRow = useLiveQuery(() => (docId ? db.texts.get(docId) : undefined), [docId], firstOpen && { docId: firstOpen.doc.id, text: firstOpen.text });
  const text = textRow && textRow.docId === docId ? textRow.text : null;
  // Read once, then fed by the records that change (store/useDocumentSpans.ts).
  const firstSpans = useMemo(() => firstOpen && { docId: firstOpen.doc.id, spans: firstOpen.spans }, [firstOpen]);
  const feed = useDocumentSpans(docId, firstSpans);
  const allSpans = feed.spans ?? NO_SPANS;
  const storedLinks = useLiveQuery(() => (docId ? db.links.where("docId").equals(docId).toArray() : []), [docId]);
  const links = useMemo(() => (storedLinks ?? []).filter((l) => l.docId === docId), [storedLinks, docId]);
  const storedActors = useLiveQuery(() => db.actors.where("projectId").equals(projectId).toArray(), [projectId]);
  const actors = useMemo(() => storedActors ?? [], [storedActors]);
  const actorMap = useMemo(() => actorsById(actors), [actors]);

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
  const layers = useMemo(() => layersOfCounts(feed.annotators), [feed.annotators]);
  const spans = useMemo(() => (hidden.length ? allSpans.filter((s) => !hidden.includes(s.annotator)) : allSpans), [allSpans, hidden]);

  // How allSpans differs from the list before it (for the reader's per-record updates); null after a full read.
  const spanChanges = feed.spans ? feed.changes : null;
  return { docId, doc, text, allSpans, spanChanges, spans, links, actors, actorMap, layers, hidden, setHidden, openDocument };
}

export type OpenDocument = ReturnType<typeof useOpenDocument>;
