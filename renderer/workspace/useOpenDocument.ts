import { useCallback, useMemo, useState } from "react";
import { useLiveQuery } from "dexie-react-hooks";
import { actorsById } from "../../shared/coding/actors";
import { liveSpans } from "../../shared/model";
import { layersOf } from "../components/Layers";
import { db } from "../store/db";
import { documentSpans } from "../store/spans";
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
export function useOpenDocument(projectId: string, first?: FirstScreen | null) {
  const firstOpen = first?.open ?? null;
  // This window's open document (store/openProject.ts): shown at once on a click, kept for the next start.
  const [docId, openDocument] = useWindowDocument(projectId, first?.rememberedDocId);
  const openDoc = useLiveQuery(() => (docId ? db.documents.get(docId) : undefined), [docId], firstOpen?.doc);
  const doc = openDoc && openDoc.id === docId && openDoc.projectId === projectId ? openDoc : null;
  const textRow = useLiveQuery(() => (docId ? db.texts.get(docId) : undefined), [docId], firstOpen && { docId: firstOpen.doc.id, text: firstOpen.text });
  const text = textRow && textRow.docId === docId ? textRow.text : null;
  const storedSpans = useLiveQuery(() => (docId ? documentSpans(docId) : []), [docId], firstOpen?.spans);
  const allSpans = useMemo(() => liveSpans((storedSpans ?? []).filter((s) => s.docId === docId)), [storedSpans, docId]);
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
  const layers = useMemo(() => layersOf(allSpans), [allSpans]);
  const spans = useMemo(() => (hidden.length ? allSpans.filter((s) => !hidden.includes(s.annotator)) : allSpans), [allSpans, hidden]);

  return { docId, doc, text, allSpans, spans, links, actors, actorMap, layers, hidden, setHidden, openDocument };
}

export type OpenDocument = ReturnType<typeof useOpenDocument>;
