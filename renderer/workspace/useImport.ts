import { useCallback, useEffect } from "react";
import { readFiles } from "../components/FileButton";
import { importTextFiles, type IncomingFile } from "../store/documents";
import { describeStoreError } from "../store/saveStatus";

interface ImportInput {
  projectId: string;
  /** Whether a document is open: the first imported one opens when none is. */
  hasOpenDocument: boolean;
  openDocument(id: string): void;
  notify(text: string, kind?: "info" | "problem"): void;
  setBusy(message: string | null): void;
}

/** Imports text files picked with the import button or dropped anywhere on the window. */
export function useImport({ projectId, hasOpenDocument, openDocument, notify, setBusy }: ImportInput) {
  const readingProgress = useCallback((done: number, total: number) => setBusy(done < total ? `Reading files… ${done} of ${total}` : null), [setBusy]);

  const importFiles = useCallback(
    async (files: IncomingFile[]) => {
      setBusy(`Importing ${files.length} file${files.length === 1 ? "" : "s"}…`);
      try {
        const outcome = await importTextFiles(projectId, files, (done, total) => setBusy(`Importing… ${done} of ${total}`));
        for (const problem of outcome.problems) notify(problem, "problem");
        if (outcome.added.length) {
          notify(`Imported ${outcome.added.length} document${outcome.added.length === 1 ? "" : "s"}.`);
          if (!hasOpenDocument) openDocument(outcome.added[0]!.id);
        }
      } catch (err) {
        notify(describeStoreError(err), "problem");
      } finally {
        setBusy(null);
      }
    },
    [projectId, notify, hasOpenDocument, openDocument, setBusy],
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

  return { importFiles, readingProgress };
}
