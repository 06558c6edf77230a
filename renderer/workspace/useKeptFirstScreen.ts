import { useEffect } from "react";
import type { LabelDef } from "../../shared/model";
import type { StoredScreen } from "../firstPaint/screen";
import { keepFirstScreen } from "../store/firstScreenCache";
import type { OpenDocument } from "./useOpenDocument";

/** Quiet time after a change before the kept first screen is rewritten: a burst of tags writes it once. */
const KEEP_AFTER_MS = 500;

/**
 * Keeps this window's open document, as the reader shows it, as the first
 * screen of the next start (store/firstScreenCache.ts), a moment after it
 * last changed: opened, tagged, retitled, relabelled, a layer hidden.
 */
export function useKeptFirstScreen(projectId: string, open: OpenDocument, labels: readonly LabelDef[] | null): void {
  const { docId, doc, text, allSpans, layers, hidden } = open;
  const loaded = docId === null || (doc !== null && text !== null);
  useEffect(() => {
    if (!labels || !loaded) return;
    const screen: StoredScreen | null =
      doc && text !== null
        ? {
            projectId,
            docId: doc.id,
            labels,
            title: doc.title,
            publishedAt: doc.publishedAt ?? null,
            text,
            spans: allSpans,
            layers: layers.map((l) => [l.annotator, l.count]),
            hidden: [...hidden],
          }
        : null;
    const timer = setTimeout(() => void keepFirstScreen(projectId, screen).catch(() => undefined), KEEP_AFTER_MS);
    return () => clearTimeout(timer);
  }, [projectId, loaded, doc, text, allSpans, layers, hidden, labels]);
}
