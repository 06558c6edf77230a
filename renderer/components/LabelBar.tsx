import { useSyncExternalStore } from "react";
import type { LabelDef, SpanRecord } from "../../shared/model";
import { history } from "../store/history";

interface LabelBarProps {
  labels: readonly LabelDef[];
  selectedSpan: SpanRecord | null;
  snapping: boolean;
  onLabel(id: string): void;
  onRemove(): void;
  onUndo(): void;
  onRedo(): void;
  onSnapping(on: boolean): void;
  /** A short status shown at the end of the row (link mode), so it never covers or pushes the text. */
  status?: React.ReactNode;
}

// Buttons keep the text selection: a mousedown on them would otherwise move focus and clear it.
const keepSelection = (e: React.MouseEvent) => e.preventDefault();

/** The label buttons (same commands as the keys), remove, undo/redo and the snapping setting. */
export function LabelBar({ labels, selectedSpan, snapping, onLabel, onRemove, onUndo, onRedo, onSnapping, status }: LabelBarProps) {
  const canUndo = useSyncExternalStore(history.subscribe.bind(history), () => history.canUndo);
  const canRedo = useSyncExternalStore(history.subscribe.bind(history), () => history.canRedo);
  return (
    <div className="sw-labelbar" role="toolbar" aria-label="Labels">
      {labels.map((label) => (
        <button
          key={label.id}
          type="button"
          className={selectedSpan?.label === label.id ? "sw-label sw-current" : "sw-label"}
          style={{ "--sw-color": label.color } as React.CSSProperties}
          onMouseDown={keepSelection}
          onClick={() => onLabel(label.id)}
          title={`${selectedSpan ? "Change the selected span to" : "Tag the selection as"} ${label.name} (key ${label.key})`}
          aria-keyshortcuts={label.key}
        >
          <kbd aria-hidden="true">{label.key}</kbd> {label.name}
        </button>
      ))}
      <span className="sw-sep" />
      <button type="button" className="sw-button" onMouseDown={keepSelection} onClick={onRemove} disabled={!selectedSpan} aria-keyshortcuts="Delete">
        Remove span
      </button>
      <button type="button" className="sw-button" onMouseDown={keepSelection} onClick={onUndo} disabled={!canUndo} aria-keyshortcuts="Control+Z">
        Undo
      </button>
      <button type="button" className="sw-button" onMouseDown={keepSelection} onClick={onRedo} disabled={!canRedo} aria-keyshortcuts="Control+Shift+Z">
        Redo
      </button>
      <label className="sw-toggle">
        <input type="checkbox" checked={snapping} onChange={(e) => onSnapping(e.target.checked)} /> Snap to words
      </label>
      {status}
    </div>
  );
}
