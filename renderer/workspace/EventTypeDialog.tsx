import type { LabelDef, SpanRecord } from "../../shared/model";
import { eventTypeAttribute, setAttribute } from "../coding";
import { EventTypePicker } from "../components/EventTypePicker";
import { rememberEventType, useRecentEventTypes } from "../store/recentCodes";

interface EventTypeDialogProps {
  /** The selected event span, as the store has it now (its revision is the one the write names). */
  span: SpanRecord;
  text: string;
  labels: readonly LabelDef[];
  onClose(): void;
  report(write: Promise<unknown>): void;
}

/**
 * "Set event type…": the type-ahead over the event label's type list, with
 * the project's recent types first. Choosing writes the type the way the
 * details panel's list does (one undoable compare-and-set step), then
 * remembers it as recent.
 */
export function EventTypeDialog({ span, text, labels, onClose, report }: EventTypeDialogProps) {
  const recent = useRecentEventTypes(span.projectId);
  const def = eventTypeAttribute(labels.find((l) => l.id === span.label));
  if (!def) return null;
  return (
    <EventTypePicker
      span={span}
      spanText={text.slice(span.start, span.end)}
      def={def}
      recent={recent}
      onClose={onClose}
      onChoose={(option) => {
        onClose();
        const write = span.attrs?.[def.id] === option.value ? Promise.resolve() : setAttribute(span, def, option.value);
        report(write.then(() => rememberEventType(span.projectId, option.value)));
      }}
    />
  );
}
