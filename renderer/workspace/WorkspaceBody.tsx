import type { ReactNode } from "react";
import type { WorkspaceView } from "../commands/context";
import type { Panel } from "./useLayout";

interface WorkspaceBodyProps {
  view: WorkspaceView;
  narrow: boolean;
  isOpen(panel: Panel): boolean;
  onToggle(panel: Panel): void;
  onCloseDrawer(): void;
  documents: ReactNode;
  /** The span panel; null when no document is open. */
  side: ReactNode;
  children: ReactNode;
}

const PANEL_NAMES: Record<Panel, string> = { documents: "Documents list", side: "Span panel" };

/**
 * The columns under the header. The reading view has the documents list at
 * its left and the span panel at its right (drawers over the text in a narrow
 * window, each with a toggle button); other views, such as the events table,
 * take the whole width.
 */
export function WorkspaceBody({ view, narrow, isOpen, onToggle, onCloseDrawer, documents, side, children }: WorkspaceBodyProps) {
  const reading = view === "reader";
  const toggle = (panel: Panel) => (
    <button type="button" className="sw-button sw-quiet sw-panel-toggle" aria-expanded={isOpen(panel)} aria-controls={`sw-panel-${panel}`} onClick={() => onToggle(panel)}>
      {PANEL_NAMES[panel]}
    </button>
  );
  const drawerOpen = narrow && (isOpen("documents") || (side !== null && isOpen("side")));
  return (
    <div className={`sw-body${reading ? "" : " sw-full"}${narrow ? " sw-narrow" : ""}${!reading || !isOpen("documents") || narrow ? " sw-no-documents" : ""}${!reading || !side || !isOpen("side") || narrow ? " sw-no-side" : ""}`}>
      {reading && isOpen("documents") && (
        <div className="sw-panel sw-panel-documents" id="sw-panel-documents">
          {documents}
        </div>
      )}
      <main className="sw-main" id="sw-view" role="tabpanel" aria-labelledby={`sw-tab-${view}`}>
        {reading && (
          <div className="sw-panel-toggles">
            {toggle("documents")}
            <span className="sw-spacer" />
            {side !== null && toggle("side")}
          </div>
        )}
        {children}
      </main>
      {reading && side !== null && isOpen("side") && (
        <div className="sw-panel sw-panel-side" id="sw-panel-side">
          {side}
        </div>
      )}
      {reading && drawerOpen && <div className="sw-scrim" aria-hidden="true" onClick={onCloseDrawer} />}
    </div>
  );
}
