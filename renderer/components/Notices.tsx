export interface Notice {
  id: number;
  kind: "info" | "problem";
  text: string;
}

interface NoticesProps {
  notices: readonly Notice[];
  onDismiss(id: number): void;
}

/** Messages for the user: problems stay until dismissed; they are plain text, never HTML. */
export function Notices({ notices, onDismiss }: NoticesProps) {
  if (notices.length === 0) return null;
  return (
    <div className="sw-notices">
      {notices.map((n) => (
        <div key={n.id} className={`sw-notice sw-${n.kind}`} role={n.kind === "problem" ? "alert" : "status"}>
          <span>{n.text}</span>
          <button type="button" aria-label="Dismiss" onClick={() => onDismiss(n.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
