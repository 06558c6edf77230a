import type { DesktopBridge } from "../../shared/bridge";
import type { Platform } from "./platform";

/** The desktop host: the preload bridge's native dialogs and atomic writes. */
export function desktopPlatform(bridge: DesktopBridge): Platform {
  return {
    kind: "desktop",
    pickFiles: (filters) => bridge.openFiles(filters),
    saveFile: ({ suggestedName, filters, parts }) => bridge.saveFile({ suggestedName, filters, data: parts.join("") }),
  };
}
