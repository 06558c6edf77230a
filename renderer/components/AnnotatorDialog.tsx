import { useState } from "react";
import { Dialog } from "./Dialog";

interface AnnotatorDialogProps {
  current: string | null;
  onSave(name: string): void;
  /** Absent on first start: the name must be given before tagging. */
  onCancel?: () => void;
}

/** Asks who is annotating; every span records this name. */
export function AnnotatorDialog({ current, onSave, onCancel }: AnnotatorDialogProps) {
  const [name, setName] = useState(current ?? "");
  const trimmed = name.trim();
  const save = () => {
    if (trimmed) onSave(trimmed);
  };
  return (
    <Dialog
      title={current ? "Change annotator name" : "Who is annotating?"}
      onCancel={onCancel}
      onSubmit={save}
      actions={
        <>
          {onCancel && (
            <button type="button" className="sw-button" onClick={onCancel}>
              Cancel
            </button>
          )}
          <button type="submit" className="sw-button sw-primary" disabled={!trimmed}>
            Save name
          </button>
        </>
      }
    >
      <p>Every span you tag records your name, so colleagues' work stays apart when projects are merged.</p>
      <label className="sw-field">
        Annotator name
        <input autoFocus value={name} maxLength={100} onChange={(e) => setName(e.target.value)} />
      </label>
    </Dialog>
  );
}
