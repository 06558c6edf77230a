import type { SpanRecord } from "../../shared/model";
import type { Linking } from "./useLinking";

const PREVIEW = 40;
const clip = (s: string) => (s.length > PREVIEW ? `${s.slice(0, PREVIEW)}…` : s);

/**
 * Link mode, said in one line at the end of the label bar: what is linked
 * to what, which candidate is proposed, and the keys. It takes the room
 * the row has left and never wraps, so the text below never moves; the
 * whole sentence is in its tooltip.
 */
export function LinkingStatus({ text, linking, candidate }: { text: string; linking: Linking; candidate: SpanRecord | null }) {
  const from = clip(text.slice(linking.from.start, linking.from.end));
  const to = candidate ? clip(text.slice(candidate.start, candidate.end)) : "";
  const role = linking.type.name.toLowerCase();
  const whole = `Linking ${linking.from.label} “${from}” → ${role}: “${to}” (${linking.index + 1} of ${linking.candidates.length}). Arrows or Tab to choose, Enter or a click to link, a label key to tag the selected text and link it, Escape to cancel.`;
  return (
    <div className="sw-linking" role="status" title={whole}>
      Linking {linking.from.label} <span dir="auto">“{from}”</span> → {role}: <strong dir="auto">“{to}”</strong> ({linking.index + 1}/{linking.candidates.length}) ·{" "}
      <kbd>Tab</kbd> next · <kbd>Enter</kbd> link · <kbd>Esc</kbd> cancel
    </div>
  );
}
