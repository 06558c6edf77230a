import { useRef } from "react";
import type { IncomingFile } from "../store/documents";
import { platform } from "../platform";

interface ImportControlProps {
  onFiles(files: IncomingFile[]): void;
}

export const TEXT_FILE_FILTERS = [{ name: "Text files", extensions: ["txt"] }];

/** Reads browser File objects into the bytes the importer checks. */
export async function readFiles(files: Iterable<File>): Promise<IncomingFile[]> {
  return Promise.all([...files].map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
}

/**
 * "Import documents": the native open dialog in the desktop app, a file input
 * in the browser (so it works in every browser).
 */
export function ImportControl({ onFiles }: ImportControlProps) {
  const input = useRef<HTMLInputElement>(null);
  const pickFiles = platform.pickFiles;
  if (pickFiles) {
    return (
      <button type="button" className="sw-button" onClick={() => void pickFiles(TEXT_FILE_FILTERS).then((files) => files.length && onFiles(files))}>
        Import documents
      </button>
    );
  }
  return (
    <label className="sw-button">
      Import documents
      <input
        ref={input}
        type="file"
        multiple
        accept=".txt,text/plain"
        className="sw-visually-hidden"
        onChange={(e) => {
          const files = e.target.files ? [...e.target.files] : [];
          e.target.value = "";
          if (files.length) void readFiles(files).then(onFiles);
        }}
      />
    </label>
  );
}
