import { opfsBackups } from "./opfsBackups";
import type { Platform } from "./platform";

/** The browser host: files come in through an <input type=file>, and go out as downloads. */
export const browserPlatform: Platform = {
  kind: "browser",
  pickFiles: null,
  // Open Recent, file association and native menus are the desktop app's.
  desktop: null,
  backups: opfsBackups(),
  async saveFile({ suggestedName, mime, parts }) {
    // A Blob built from parts avoids joining a big export into one string.
    const url = URL.createObjectURL(new Blob(parts as BlobPart[], { type: mime }));
    try {
      const a = document.createElement("a");
      a.href = url;
      a.download = suggestedName;
      a.rel = "noopener";
      document.body.append(a);
      a.click();
      a.remove();
    } finally {
      // Revoke after the download has started; revoking at once can cancel it in some browsers.
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    }
    return { saved: true, fileName: suggestedName };
  },
};
