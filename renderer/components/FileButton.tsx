import type { FileFilter } from "../../shared/bridge";
import { platform } from "../platform";
import type { IncomingFile } from "../store/documents";

/** What "Import documents" asks for. */
export const TEXT_FILE_FILTERS: FileFilter[] = [{ name: "Text files", extensions: ["txt"] }];

/** How many files are read at once: starting thousands of reads together freezes the page. */
const READ_BATCH = 64;

/** Reads browser File objects into bytes, a batch at a time so the page stays responsive. */
export async function readFiles(files: Iterable<File>, onProgress?: (done: number, total: number) => void): Promise<IncomingFile[]> {
  const all = [...files];
  const out: IncomingFile[] = [];
  for (let i = 0; i < all.length; i += READ_BATCH) {
    const batch = all.slice(i, i + READ_BATCH);
    out.push(...(await Promise.all(batch.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })))));
    onProgress?.(out.length, all.length);
  }
  return out;
}

interface FileButtonProps {
  /** The control's name, e.g. "Import documents". */
  label: string;
  filters: FileFilter[];
  multiple?: boolean;
  disabled?: boolean;
  onFiles(files: IncomingFile[]): void;
  /** Reading many files takes a moment: how far it got. */
  onProgress?: (done: number, total: number) => void;
}

/**
 * A control that asks for files: the native open dialog in the desktop app,
 * a file input in the browser (so it works in every browser).
 */
export function FileButton({ label, filters, multiple = false, disabled = false, onFiles, onProgress }: FileButtonProps) {
  const pickFiles = platform.pickFiles;
  if (pickFiles) {
    return (
      <button type="button" className="sw-button" disabled={disabled} onClick={() => void pickFiles(filters).then((files) => files.length && onFiles(multiple ? files : files.slice(0, 1)))}>
        {label}
      </button>
    );
  }
  const accept = filters.flatMap((f) => f.extensions.map((e) => `.${e}`)).join(",");
  return (
    <label className={disabled ? "sw-button sw-disabled" : "sw-button"}>
      {label}
      <input
        type="file"
        multiple={multiple}
        accept={accept}
        disabled={disabled}
        className="sw-visually-hidden"
        onChange={(e) => {
          const files = e.target.files ? [...e.target.files] : [];
          e.target.value = "";
          if (files.length) void readFiles(files, onProgress).then(onFiles);
        }}
      />
    </label>
  );
}
