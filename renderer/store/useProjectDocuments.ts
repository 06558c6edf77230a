import { useEffect, useState } from "react";
import { useLiveQuery } from "dexie-react-hooks";
import type { DocumentRecord } from "../../shared/model";
import { db, projectDocuments } from "./db";

/** How many documents come first, at once; the rest follow in chunks of this many. */
export const FIRST_PAGE = 200;
const CHUNK = 5000;

/**
 * A project's documents for the list, in import order. The first page and
 * the count come at once from the index, so a 100,000-document list is
 * usable immediately; the whole list then loads in chunks between frames
 * (reading it in one go would hold the page for a second). `documents`
 * has what is loaded so far; `total` how many there are.
 */
export function useProjectDocuments(projectId: string): { documents: DocumentRecord[]; total: number; complete: boolean } {
  const first = useLiveQuery(() => projectDocuments(db, projectId).limit(FIRST_PAGE).toArray(), [projectId]);
  const total = useLiveQuery(() => projectDocuments(db, projectId).count(), [projectId]);
  const [all, setAll] = useState<{ projectId: string; docs: DocumentRecord[] } | null>(null);

  useEffect(() => {
    if (first === undefined || total === undefined) return;
    if (total <= first.length) {
      setAll({ projectId, docs: first });
      return;
    }
    let cancelled = false;
    const load = async () => {
      const docs: DocumentRecord[] = [];
      while (!cancelled && docs.length < total) {
        // Let the page paint and answer input between chunks.
        await new Promise((resolve) => setTimeout(resolve, 0));
        const chunk = await projectDocuments(db, projectId).offset(docs.length).limit(CHUNK).toArray();
        if (chunk.length === 0) break;
        docs.push(...chunk);
      }
      if (!cancelled) setAll({ projectId, docs });
    };
    void load();
    return () => {
      cancelled = true;
    };
  }, [projectId, first, total]);

  const loaded = all?.projectId === projectId ? all.docs : (first ?? []);
  return { documents: loaded, total: total ?? loaded.length, complete: all?.projectId === projectId };
}
