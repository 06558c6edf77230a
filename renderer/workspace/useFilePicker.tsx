import { useCallback, useRef, type ReactNode } from "react";
import type { FileFilter } from "../../shared/bridge";
import { readFiles } from "../components/FileButton";
import { platform } from "../platform";
import type { IncomingFile } from "../store/documents";

interface PickerOptions {
  /** The file input's accessible name, e.g. "Import documents". */
  label: string;
  filters: FileFilter[];
  multiple?: boolean;
  onFiles(files: IncomingFile[]): void;
  onProgress?: (done: number, total: number) => void;
}

/**
 * Asks for files from anywhere (a menu item, a key): the native open dialog
 * in the desktop app, a hidden file input in the browser. `input` must be
 * rendered for the browser's picker to exist.
 */
export function useFilePicker({ label, filters, multiple = false, onFiles, onProgress }: PickerOptions): { pick(): void; input: ReactNode } {
  const ref = useRef<HTMLInputElement>(null);
  const latest = useRef({ onFiles, onProgress, filters, multiple });
  latest.current = { onFiles, onProgress, filters, multiple };
  const pick = useCallback(() => {
    const pickFiles = platform.pickFiles;
    if (!pickFiles) return ref.current?.click();
    const now = latest.current;
    void pickFiles(now.filters).then((files) => files.length && now.onFiles(now.multiple ? files : files.slice(0, 1)));
  }, []);
  const accept = filters.flatMap((f) => f.extensions.map((e) => `.${e}`)).join(",");
  const input = platform.pickFiles ? null : (
    <input
      ref={ref}
      type="file"
      aria-label={label}
      multiple={multiple}
      accept={accept}
      tabIndex={-1}
      className="sw-visually-hidden"
      onChange={(e) => {
        const files = e.target.files ? [...e.target.files] : [];
        e.target.value = "";
        if (files.length) void readFiles(files, latest.current.onProgress).then(latest.current.onFiles);
      }}
    />
  );
  return { pick, input };
}
