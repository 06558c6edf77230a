import type { ActorRecord, LinkRecord, LinkTypeDef } from "../../shared/coding/model";
import type { ActorSuggestion } from "../../shared/coding/names";
import type { DocumentRecord, LabelDef, SpanRecord } from "../../shared/model";
import { addActorFromSpan, eventTypeAttribute, removeLink, setAttribute, setSpanActor } from "../coding";
import { SpanDetails } from "../components/SpanDetails";
import { SpanList } from "../components/SpanList";
import { rememberEventType } from "../store/recentCodes";

interface SidePanelProps {
  doc: DocumentRecord;
  text: string;
  labels: readonly LabelDef[];
  linkTypes: readonly LinkTypeDef[];
  /** Every live span of the document, hidden layers included (links may point at them). */
  allSpans: readonly SpanRecord[];
  /** The spans of the shown layers: the list. */
  spans: readonly SpanRecord[];
  links: readonly LinkRecord[];
  actors: ReadonlyMap<string, ActorRecord>;
  suggestions: readonly ActorSuggestion[];
  selectedSpan: SpanRecord | null;
  onStartLink(type: LinkTypeDef): void;
  onPick(id: string | null): void;
  report(write: Promise<unknown>): void;
}

/** Beside the text: the selected span's details (attributes, actor, links) and the document's span list. */
export function SidePanel(props: SidePanelProps) {
  const { selectedSpan, report } = props;
  return (
    <div className="sw-side">
      {selectedSpan && (
        <SpanDetails
          key={selectedSpan.id}
          span={selectedSpan}
          doc={props.doc}
          text={props.text}
          labels={props.labels}
          linkTypes={props.linkTypes}
          spans={props.allSpans}
          links={props.links}
          actors={props.actors}
          suggestions={props.suggestions}
          onAttribute={(def, value) => {
            // A type chosen from the list counts as recent for the type-ahead too.
            const isType = typeof value === "string" && eventTypeAttribute(props.labels.find((l) => l.id === selectedSpan.label))?.id === def.id;
            report(setAttribute(selectedSpan, def, value).then(() => (isType ? rememberEventType(selectedSpan.projectId, value) : undefined)));
          }}
          onActor={(actorId) => report(setSpanActor(selectedSpan, actorId))}
          onNewActor={(name) => report(addActorFromSpan(selectedSpan, name))}
          onStartLink={props.onStartLink}
          onRemoveLink={(link) => report(removeLink(link))}
          onPick={props.onPick}
        />
      )}
      <SpanList
        spans={props.spans}
        text={props.text}
        labels={props.labels}
        linkTypes={props.linkTypes}
        allSpans={props.allSpans}
        links={props.links}
        actors={props.actors}
        selectedId={selectedSpan?.id ?? null}
        onPick={props.onPick}
      />
    </div>
  );
}
