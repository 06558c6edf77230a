import { useSyncExternalStore } from "react";
import { saveStatus } from "../store/saveStatus";

/** "Saved" only when every change has committed to the store. */
export function SaveIndicator() {
  const state = useSyncExternalStore(saveStatus.subscribe, saveStatus.get);
  const text = state.kind === "saved" ? "All changes saved" : state.kind === "saving" ? "Saving…" : "Not saved";
  return (
    <span className={`sw-save sw-save-${state.kind}`} role="status" aria-live="polite" title={state.kind === "failed" ? state.message : undefined}>
      {text}
    </span>
  );
}
