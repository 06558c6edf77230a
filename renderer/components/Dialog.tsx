import { useEffect, useId, useRef, type ReactNode } from "react";

interface DialogProps {
  title: string;
  children: ReactNode;
  /** Buttons at the foot of the dialog. */
  actions: ReactNode;
  /** Escape or the close button; omitted for a question that must be answered. */
  onCancel?: () => void;
  /** Submitting the form (Enter in a field). */
  onSubmit?: () => void;
}

/**
 * A modal dialog on the native <dialog> element: focus stays inside, the
 * page behind is inert, Escape cancels when cancelling is allowed.
 */
export function Dialog({ title, children, actions, onCancel, onSubmit }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className="sw-dialog"
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onCancel?.();
      }}
      // Keys typed in a dialog are the dialog's: never label keys for the reader behind it.
      onKeyDown={(e) => e.stopPropagation()}
    >
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit?.();
        }}
      >
        <h2 id={titleId}>{title}</h2>
        <div className="sw-dialog-body">{children}</div>
        <div className="sw-dialog-actions">{actions}</div>
      </form>
    </dialog>
  );
}

interface ConfirmDialogProps {
  title: string;
  children: ReactNode;
  /** The safe choice, focused first ("Keep project"). */
  keepLabel: string;
  /** The destructive choice ("Delete project"). */
  confirmLabel: string;
  onKeep(): void;
  onConfirm(): void;
  /** While the confirmed action runs, its button is disabled. */
  busy?: boolean;
}

/** A question before something that cannot be taken back: the safe answer is the default. */
export function ConfirmDialog({ title, children, keepLabel, confirmLabel, onKeep, onConfirm, busy = false }: ConfirmDialogProps) {
  return (
    <Dialog
      title={title}
      onCancel={onKeep}
      actions={
        <>
          <button type="button" className="sw-button" autoFocus onClick={onKeep}>
            {keepLabel}
          </button>
          <button type="button" className="sw-button sw-danger" disabled={busy} onClick={onConfirm}>
            {confirmLabel}
          </button>
        </>
      }
    >
      {children}
    </Dialog>
  );
}

/** A dialog that only informs: its one button, Close (also Enter and Escape), closes it. */
export function InfoDialog({ title, children, onClose }: { title: string; children: ReactNode; onClose(): void }) {
  return (
    <Dialog
      title={title}
      onCancel={onClose}
      onSubmit={onClose}
      actions={
        <button type="submit" className="sw-button sw-primary" autoFocus>
          Close
        </button>
      }
    >
      {children}
    </Dialog>
  );
}
