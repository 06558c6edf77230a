import { useEffect, useId, useMemo, useRef, useState } from "react";
import { allowedOptions, type AttributeDef, type ChoiceOption } from "../../shared/coding/model";
import { rankChoices } from "../../shared/coding/typeAhead";
import type { SpanRecord } from "../../shared/model";
import { Dialog } from "./Dialog";

interface EventTypePickerProps {
  span: SpanRecord;
  /** The text of the event span, for the title. */
  spanText: string;
  /** The event label's type attribute (a choice). */
  def: AttributeDef;
  /** Codes used lately in the project, most recent first. */
  recent: readonly string[];
  onChoose(option: ChoiceOption): void;
  onClose(): void;
}

const PREVIEW = 40;

/**
 * The event type from the keyboard: type part of a code or of its
 * description, ↑/↓ to move, Enter to choose, Escape to close. An ARIA
 * combobox over a listbox; the types used lately come first.
 */
export function EventTypePicker({ span, spanText, def, recent, onChoose, onClose }: EventTypePickerProps) {
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const listId = useId();
  const list = useRef<HTMLUListElement>(null);
  const current = span.attrs?.[def.id];
  const options = useMemo(() => allowedOptions(def, def.dependsOn ? span.attrs?.[def.dependsOn] : undefined), [def, span.attrs]);
  const ranked = useMemo(() => rankChoices(options, query, recent), [options, query, recent]);
  const recentSet = useMemo(() => new Set(recent), [recent]);
  const at = Math.min(active, ranked.length - 1);
  const optionId = (i: number) => `${listId}-${i}`;

  useEffect(() => {
    list.current?.querySelector(`[aria-selected="true"]`)?.scrollIntoView({ block: "nearest" });
  }, [at, ranked]);

  const choose = (option: ChoiceOption | undefined) => {
    if (option) onChoose(option);
  };
  const clipped = spanText.length > PREVIEW ? `${spanText.slice(0, PREVIEW)}…` : spanText;

  return (
    <Dialog
      title={`${def.name} of “${clipped}”`}
      onCancel={onClose}
      onSubmit={() => choose(ranked[at])}
      actions={
        <button type="button" className="sw-button" onClick={onClose}>
          Cancel
        </button>
      }
    >
      <div className="sw-typeahead">
        <input
          type="text"
          role="combobox"
          aria-label={`Find ${def.name.toLowerCase()} by code or description`}
          aria-expanded="true"
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={at >= 0 ? optionId(at) : undefined}
          autoFocus
          autoComplete="off"
          spellCheck={false}
          value={query}
          placeholder="Type a code or words of its description"
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
          }}
          onKeyDown={(e) => {
            if (e.key === "Enter") {
              e.preventDefault();
              choose(ranked[at]);
              return;
            }
            if (ranked.length === 0) return;
            const move = e.key === "ArrowDown" ? 1 : e.key === "ArrowUp" ? -1 : 0;
            if (move !== 0) {
              e.preventDefault();
              setActive((at + move + ranked.length) % ranked.length);
            } else if (e.key === "Home" && e.ctrlKey) {
              e.preventDefault();
              setActive(0);
            } else if (e.key === "End" && e.ctrlKey) {
              e.preventDefault();
              setActive(ranked.length - 1);
            }
          }}
        />
        <ul id={listId} ref={list} role="listbox" aria-label={def.name} className="sw-typeahead-list">
          {ranked.map((option, i) => (
            <li
              key={option.value}
              id={optionId(i)}
              role="option"
              aria-selected={i === at}
              className={i === at ? "sw-active" : undefined}
              // The input keeps the focus: a click chooses without taking it.
              onMouseDown={(e) => e.preventDefault()}
              onMouseMove={() => i !== at && setActive(i)}
              onClick={() => choose(option)}
            >
              <strong>{option.value}</strong>
              {option.label && <span className="sw-hint"> {option.label}</span>}
              {option.value === current ? <span className="sw-tag">current</span> : recentSet.has(option.value) && <span className="sw-tag">recent</span>}
            </li>
          ))}
        </ul>
        {ranked.length === 0 && <p className="sw-empty">No {def.name.toLowerCase()} matches “{query}”.</p>}
      </div>
    </Dialog>
  );
}
