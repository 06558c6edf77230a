import { useSyncExternalStore } from "react";
import type { OfflineApp } from "./updates";

/**
 * A small notice in the corner when a new version of the browser build is
 * waiting, or when the app cannot be kept for offline use at this address.
 * It never takes the focus: the user finishes what they are doing first.
 */
export function UpdateNotice({ offlineApp }: { offlineApp: OfflineApp }) {
  const state = useSyncExternalStore(offlineApp.subscribe, offlineApp.state);
  switch (state.kind) {
    case "current":
      return null;
    case "update-waiting":
    case "reloading":
      return (
        <div className="sw-notice sw-info sw-update" role="status">
          <span>A new version is ready:</span>
          <button type="button" className="sw-button" disabled={state.kind === "reloading"} onClick={() => offlineApp.reloadToUpdate()}>
            {state.kind === "reloading" ? "Reloading…" : "Reload"}
          </button>
        </div>
      );
    case "unavailable":
      return (
        <div className="sw-notice sw-info sw-update" role="status">
          <span>Spanwise will not start without its server here: {state.reason}.</span>
          <button type="button" aria-label="Dismiss offline notice" onClick={() => offlineApp.dismiss()}>
            ×
          </button>
        </div>
      );
  }
}
