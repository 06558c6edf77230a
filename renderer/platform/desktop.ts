import { concatBytes } from "../../shared/bytes";
import type { DesktopBridge } from "../../shared/bridge";
import type { DesktopHost, Platform } from "./platform";

/** One string when every part is text, else the parts as one byte array (text as UTF-8). */
export async function joinParts(parts: readonly (string | Uint8Array | Blob)[]): Promise<string | Uint8Array> {
  if (parts.every((p) => typeof p === "string")) return parts.join("");
  const encoder = new TextEncoder();
  const chunks = await Promise.all(parts.map(async (p) => (typeof p === "string" ? encoder.encode(p) : p instanceof Uint8Array ? p : new Uint8Array(await p.arrayBuffer()))));
  return concatBytes(chunks);
}

/** The desktop host: the preload bridge's native dialogs and atomic writes. */
export function desktopPlatform(bridge: DesktopBridge): Platform {
  return {
    kind: "desktop",
    pickFiles: (filters) => bridge.openFiles(filters),
    backups: {
      where: "in the backups folder of Spanwise's data folder",
      write: (fileName, bytes) => bridge.writeBackup(fileName, bytes),
      list: () => bridge.listBackups(),
      read: (fileName) => bridge.readBackup(fileName),
      remove: (fileName) => bridge.removeBackup(fileName),
    },
    saveFile: async ({ suggestedName, filters, parts }) => bridge.saveFile({ suggestedName, filters, data: await joinParts(parts) }),
    desktop: desktopHost(bridge),
  };
}

/**
 * Electron prefixes an error thrown in the main process with
 * "Error invoking remote method '<channel>': Error: "; the user needs only
 * what main said.
 */
export function withoutIpcPrefix(error: unknown): Error {
  const message = error instanceof Error ? error.message : String(error);
  return new Error(message.replace(/^Error invoking remote method '[^']*': (?:[A-Za-z]*Error: )?/, ""));
}

function desktopHost(bridge: DesktopBridge): DesktopHost {
  return {
    onOpenProjectFile: (listener) => bridge.onOpenProjectFile(listener),
    recentProjects: () => bridge.recentProjects(),
    openRecent: (id) =>
      bridge.openRecent(id).catch((error: unknown) => {
        throw withoutIpcPrefix(error);
      }),
    setMenuCommands: (commands) => {
      // A refused list is a bug in the command registry: say so where developers look.
      bridge.setMenuCommands(commands).catch((error: unknown) => console.error(`The native menu refused the commands: ${withoutIpcPrefix(error).message}`));
    },
    onMenuCommand: (listener) => bridge.onMenuCommand(listener),
  };
}
