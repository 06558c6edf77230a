import type { FileFilter } from "../../shared/bridge";
import { platform } from "../platform";
import type { IncomingFile } from "../store/documents";

/** Reads browser File objects into bytes. */
export async function readFiles(files: Iterable<File>): Promise<IncomingFile[]> {
  return Promise.all([...files].map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
}

interface FileButtonProps {
  /** The control's name, e.g. "Import documents". */
  label: string;
  filters: FileFilter[];
  multiple?: boolean;
  disabled?: boolean;
  onFiles(files: IncomingFile[]): void;
}

/**
 * A control that asks for files: the native open dialog in the desktop app,
 * a file input in the browser (so it works in every browser).
 */
export function FileButton({ label, filters, multiple = false, disabled = false, onFiles }: FileButtonProps) {
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
          if (files.length) void readFiles(files).then(onFiles);
        }}
      />
    </label>
  );
}
