/**
 * The codebook's definitions: what a label's attributes hold and which typed
 * links join spans. Types and one constant only, with no imports, because
 * both the records (shared/model.ts) and event coding (shared/coding/model.ts,
 * plover.ts) are described in these terms.
 */

/** The kinds of value a label attribute holds. */
export type AttributeType = "choice" | "text" | "number" | "date" | "boolean" | "actor";

export const ATTRIBUTE_TYPES: readonly AttributeType[] = ["choice", "text", "number", "date", "boolean", "actor"];

/**
 * A stored attribute value. `choice`, `text` and `date` hold strings (a date
 * as ISO 8601: "2022-05-06", "2022-06", "2022" or a range
 * "2022-05-04/2022-05-06"), `number` a finite number, `boolean` true or false.
 * An `actor` attribute's value is the span's `actorId`, not an entry here.
 */
export type AttrValue = string | number | boolean;

/** One entry of a choice attribute's code list. */
export interface ChoiceOption {
  /** What is stored and exported ("ASSAULT"). */
  value: string;
  /** What the list shows, when it is not the value itself. */
  label?: string;
  /**
   * With {@link AttributeDef.dependsOn}: the values of that attribute under
   * which this option is allowed (PLOVER's modes belong to event types).
   * Absent: always allowed.
   */
  when?: string[];
}

export interface AttributeDef {
  /** The key in `SpanRecord.attrs` (shared/model.ts); unique within its label. */
  id: string;
  name: string;
  type: AttributeType;
  /** The code list of a `choice` attribute. */
  options?: ChoiceOption[];
  /** The id of another attribute of the same label whose value decides which options apply (see {@link ChoiceOption.when}). */
  dependsOn?: string;
  /** `normalizedDate`: the app fills the value from the span's text and the document's publication date (shared/coding/dates.ts). */
  autoFill?: "normalizedDate";
}

/** What a link's type means for event records (shared/coding/events.ts). */
export type LinkRole = "source" | "target" | "date" | "speaker";

/** A kind of directed link between two spans, and which labels it may join. */
export interface LinkTypeDef {
  id: string;
  name: string;
  /** Labels a link of this type may start from (e.g. ["event"]). */
  from: string[];
  /** Labels it may point to (e.g. ["actor"]). */
  to: string[];
  /** What the link means in an event record; absent: nothing (it is only exported with the dataset). */
  role?: LinkRole;
  /** At most one live link of this type from a span (an event has one date). */
  single?: boolean;
  /** Keyboard shortcut that starts a link of this type from the selected span. */
  key?: string;
}
