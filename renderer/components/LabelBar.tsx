import { useSyncExternalStore } from "react";
import type { LabelDef, SpanRecord } from "../../shared/model";
import { chordLabel, shortcutOf } from "../commands/keys";
import { history } from "../store/history";

interface LabelBarProps {
  labels: readonly LabelDef[];
  selectedSpan: SpanRecord | null;
  snapping: boolean;
  /** The key chords of a command of the registry, to show beside its button. */
  keysOf(commandId: string): readonly string[];
  run(commandId: string): void;
  onSnapping(on: boolean): void;
  /** A short status shown at the end of the row (link mode), so it never covers or pushes the text. */
  status?: React.ReactNode;
}

// Buttons keep the text selection: a mousedown on them would otherwise move focus and clear it.
const keepSelection = (e: React.MouseEvent) => e.preventDefault();

/** The label buttons (the same commands as the keys), remove, undo/redo and the snapping setting. */
export function LabelBar({ labels, selectedSpan, snapping, keysOf, run, onSnapping, status }: LabelBarProps) {
  const canUndo = useSyncExternalStore(history.subscribe.bind(history), () => history.canUndo);
  const canRedo = useSyncExternalStore(history.subscribe.bind(history), () => history.canRedo);
  const aria = (id: string) => shortcutOf(keysOf(id)).ariaShortcut;
  const hint = (id: string) => {
    const { shortcut } = shortcutOf(keysOf(id));
    return shortcut ? ` (${shortcut})` : "";
  };
  const tool = (id: string, title: string, disabled: boolean) => (
    <button type="button" className="sw-button" onMouseDown={keepSelection} onClick={() => run(id)} disabled={disabled} aria-keyshortcuts={aria(id)} title={`${title}${hint(id)}`}>
      {title}
    </button>
  );
  return (
    <div className="sw-labelbar" role="toolbar" aria-label="Labels">
      {labels.map((label) => {
        const id = `label:${label.id}`;
        const key = keysOf(id)[0];
        return (
          <button
            key={label.id}
            type="button"
            className={selectedSpan?.label === label.id ? "sw-label sw-current" : "sw-label"}
            style={{ "--sw-color": label.color } as React.CSSProperties}
            onMouseDown={keepSelection}
            onClick={() => run(id)}
            title={`${selectedSpan ? "Change the selected span to" : "Tag the selection as"} ${label.name}${key ? ` (key ${chordLabel(key)})` : ""}`}
            aria-keyshortcuts={aria(id)}
          >
            {key && <kbd aria-hidden="true">{chordLabel(key)}</kbd>} {label.name}
          </button>
        );
      })}
      <span className="sw-sep" />
      {tool("span.remove", "Remove span", !selectedSpan)}
      {tool("edit.undo", "Undo", !canUndo)}
      {tool("edit.redo", "Redo", !canRedo)}
      <label className="sw-toggle">
        <input type="checkbox" checked={snapping} onChange={(e) => onSnapping(e.target.checked)} /> Snap to words
      </label>
      {status}
    </div>
  );
}
