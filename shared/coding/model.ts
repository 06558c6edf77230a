/**
 * Event coding: what turns spans into event data. Label attributes (a value
 * per span: an event's type, a date's calendar value), typed links between
 * spans (an event's source and target actors, its date; a quote's speaker),
 * and a registry of actors that actor spans point to.
 *
 * Like every record in shared/model.ts, links and actors carry an annotator
 * or times and a tombstone, so that they merge like spans (shared/merge.ts).
 * Offsets stay UTF-16 inside the app.
 */
import type { DocumentRecord, LabelDef, SpanRecord } from "../model";
import type { AttrValue, AttributeDef, ChoiceOption, LinkTypeDef } from "./codebook";
import { ploverEventOptions, ploverModeOptions } from "./plover";

// The codebook's definitions live in codebook.ts (which imports nothing, so
// shared/model.ts can use them without a circle); they are re-exported here so
// that event coding keeps one entry point.
export { ATTRIBUTE_TYPES } from "./codebook";
export type { AttrValue, AttributeDef, AttributeType, ChoiceOption, LinkRole, LinkTypeDef } from "./codebook";

/**
 * A typed, directed link from one span to another of the same document:
 * quote → speaker, event → source actor, event → target actor, event → date.
 * Deleting sets `deleted` and keeps the record as a tombstone, as for spans.
 */
export interface LinkRecord {
  id: string;
  projectId: string;
  docId: string;
  /** A {@link LinkTypeDef} id. */
  type: string;
  /** The span the link starts from (e.g. the event). */
  from: string;
  /** The span it points to (e.g. the actor). */
  to: string;
  annotator: string;
  createdAt: number;
  updatedAt: number;
  deleted: boolean;
  /** Who made the last change, when not the annotator; see SpanRecord.updatedBy. */
  updatedBy?: string;
  /** The local store's revision; see SpanRecord.rev. */
  rev?: number;
}

/** The kinds of actor the default `kind` attribute offers. */
export const ACTOR_KINDS = ["person", "organization", "state", "armed-group", "media", "other"] as const;

/**
 * An entry of a project's actor registry. Actor spans point to it by
 * `actorId`, so renaming an actor renames it for every span.
 */
export interface ActorRecord {
  id: string;
  projectId: string;
  /** The canonical name, exported as the actor's name. */
  name: string;
  /** Other names the actor goes by in texts ("Haniya", "Isma'il Haniyeh"). */
  aliases: string[];
  /** One of {@link ACTOR_KINDS} or a project's own. */
  kind?: string;
  /** An identifier in another registry, e.g. a Wikidata id ("Q2429253"). */
  identifier?: string;
  notes?: string;
  createdAt: number;
  updatedAt: number;
  deleted: boolean;
  /**
   * Set when this actor was merged into another: spans that point here
   * (perhaps in a colleague's copy) resolve to that actor (see resolveActor).
   */
  mergedInto?: string;
  /** Who made the last change; see SpanRecord.updatedBy (an actor has no annotator: absent means unknown). */
  updatedBy?: string;
  /** The local store's revision; see SpanRecord.rev. */
  rev?: number;
}

/** Everything event coding reads: a project's labels and link types, its documents, spans, links and actors. */
export interface CodingSource {
  labels: readonly LabelDef[];
  /** Absent: {@link DEFAULT_LINK_TYPES}. */
  linkTypes?: readonly LinkTypeDef[];
  documents: readonly { doc: DocumentRecord; text: string }[];
  /** Tombstones may be included; they are skipped. */
  spans: readonly SpanRecord[];
  links: readonly LinkRecord[];
  actors: readonly ActorRecord[];
}

/** The attributes the four default labels start with. */
export const DEFAULT_ATTRIBUTES: Readonly<Record<string, readonly AttributeDef[]>> = {
  actor: [
    { id: "kind", name: "Kind", type: "choice", options: ACTOR_KINDS.map((value) => ({ value })) },
    { id: "actor", name: "Registry actor", type: "actor" },
  ],
  event: [
    { id: "type", name: "Event type", type: "choice", options: ploverEventOptions() },
    { id: "mode", name: "Mode", type: "choice", dependsOn: "type", options: ploverModeOptions() },
  ],
  date: [{ id: "value", name: "Calendar date", type: "date", autoFill: "normalizedDate" }],
  quote: [
    {
      id: "form",
      name: "Direct or reported",
      type: "choice",
      options: [
        { value: "direct", label: "Direct quote" },
        { value: "reported", label: "Reported speech" },
      ],
    },
  ],
};

/** The link types every project starts with. */
export const DEFAULT_LINK_TYPES: readonly LinkTypeDef[] = [
  { id: "speaker", name: "Speaker", from: ["quote"], to: ["actor"], role: "speaker", key: "s" },
  { id: "source", name: "Source actor", from: ["event"], to: ["actor"], role: "source", key: "a" },
  { id: "target", name: "Target actor", from: ["event"], to: ["actor"], role: "target", key: "t" },
  { id: "date", name: "Date", from: ["event"], to: ["date"], role: "date", single: true, key: "d" },
];

/**
 * A label's attributes: its own list when it has one (an empty list means
 * none), else the defaults for the four default label ids. A project keeps
 * the defaults implicitly until someone edits them; the editor then stores
 * the whole list on the label.
 */
export function labelAttributes(label: Pick<LabelDef, "id" | "attributes">): readonly AttributeDef[] {
  return label.attributes ?? DEFAULT_ATTRIBUTES[label.id] ?? [];
}

/** A project's link types: its own list when it has one, else {@link DEFAULT_LINK_TYPES}. */
export function projectLinkTypes(project: { linkTypes?: readonly LinkTypeDef[] }): readonly LinkTypeDef[] {
  return project.linkTypes ?? DEFAULT_LINK_TYPES;
}

/** The options of a choice attribute allowed when the attribute it depends on has `parentValue`. */
export function allowedOptions(def: AttributeDef, parentValue: AttrValue | undefined): ChoiceOption[] {
  const options = def.options ?? [];
  if (def.dependsOn === undefined) return options;
  return options.filter((option) => option.when === undefined || (typeof parentValue === "string" && option.when.includes(parentValue)));
}
