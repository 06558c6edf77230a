import { useEffect, useState } from "react";
import { formatTime } from "./format";
import { attrValue, attrValueProblem } from "../../shared/coding/attributes";
import { resolveActor } from "../../shared/coding/actors";
import { isMonthDay, normalizeDate } from "../../shared/coding/dates";
import { linkProblem, linkTypesFrom } from "../../shared/coding/links";
import { allowedOptions, labelAttributes, type ActorRecord, type AttrValue, type AttributeDef, type LinkRecord, type LinkTypeDef } from "../../shared/coding/model";
import type { ActorSuggestion } from "../../shared/coding/names";
import type { DocumentRecord, LabelDef, SpanRecord } from "../../shared/model";
import { SpanNesting } from "./SpanNesting";
import { focusPublicationDate } from "./PublicationDate";

/** Some full publication date: a date span readable against it waits only for the document's own. */
const ANY_DAY = "2001-06-15";

interface SpanDetailsProps {
  span: SpanRecord;
  doc: DocumentRecord;
  text: string;
  labels: readonly LabelDef[];
  linkTypes: readonly LinkTypeDef[];
  /** The document's live spans, to name link ends. */
  spans: readonly SpanRecord[];
  /** The document's links, tombstones included. */
  links: readonly LinkRecord[];
  actors: ReadonlyMap<string, ActorRecord>;
  /** Registry matches for an actor span's text, best first. */
  suggestions: readonly ActorSuggestion[];
  onAttribute(def: AttributeDef, value: AttrValue | undefined): void;
  onActor(actorId: string | undefined): void;
  onNewActor(name: string): void;
  onStartLink(type: LinkTypeDef): void;
  onRemoveLink(link: LinkRecord): void;
  onPick(spanId: string): void;
}

const PREVIEW = 60;
const clip = (s: string) => (s.length > PREVIEW ? `${s.slice(0, PREVIEW)}…` : s);

/**
 * The selected span's coding: its label's attributes (a date's calendar
 * value, an event's type and mode, an actor's registry entry), and its links
 * to and from other spans. Everything here is also reachable from the
 * keyboard: link keys start a link, Enter accepts the first registry match.
 */
export function SpanDetails(props: SpanDetailsProps) {
  const { span, doc, text, labels, linkTypes, spans, links, actors, suggestions } = props;
  const label = labels.find((l) => l.id === span.label);
  const defs = label ? labelAttributes(label) : [];
  const byId = new Map(spans.map((s) => [s.id, s]));
  const typeById = new Map(linkTypes.map((t) => [t.id, t]));
  const live = links.filter((l) => !l.deleted);
  // In the order of the project's link types, then as they were made.
  const typeOrder = new Map(linkTypes.map((t, i) => [t.id, i]));
  const byType = (a: LinkRecord, b: LinkRecord) => (typeOrder.get(a.type) ?? linkTypes.length) - (typeOrder.get(b.type) ?? linkTypes.length) || a.createdAt - b.createdAt;
  const outgoing = live.filter((l) => l.from === span.id).sort(byType);
  const incoming = live.filter((l) => l.to === span.id).sort(byType);
  const spanText = text.slice(span.start, span.end);
  const describe = (id: string) => {
    const other = byId.get(id);
    if (!other) return "a span that is no longer there";
    return `${labels.find((l) => l.id === other.label)?.name ?? other.label} “${clip(text.slice(other.start, other.end))}”`;
  };

  return (
    <section className="sw-details" aria-label="Span details">
      <h2>
        {label?.name ?? span.label} <span className="sw-details-text" dir="auto">“{clip(spanText)}”</span>
      </h2>
      <p className="sw-details-meta">
        by {span.annotator} · {formatTime(span.createdAt)}
      </p>
      {/* Who last changed the span (store: updatedBy, absent when it was the annotator) and when. */}
      {span.updatedAt !== span.createdAt && (
        <p className="sw-details-meta">
          last changed by {span.updatedBy ?? span.annotator} at {formatTime(span.updatedAt)}
        </p>
      )}
      <SpanNesting span={span} spans={spans} labels={labels} />
      {defs.map((def) => (
        <AttributeField
          key={def.id}
          def={def}
          span={span}
          spanText={spanText}
          doc={doc}
          actors={actors}
          suggestions={suggestions}
          onChange={(value) => props.onAttribute(def, value)}
          onActor={props.onActor}
          onNewActor={props.onNewActor}
        />
      ))}
      {(linkTypesFrom(linkTypes, span.label).length > 0 || outgoing.length > 0 || incoming.length > 0) && (
        <div className="sw-links" role="group" aria-label="Links">
          <h3>Links</h3>
          <ul>
            {outgoing.map((link) => {
              const type = typeById.get(link.type);
              const to = byId.get(link.to);
              const problem = type && to ? linkProblem(type, span, to) : type ? "its target span is gone" : `its type "${link.type}" is not defined`;
              return (
                <li key={link.id}>
                  <span>
                    {type?.name ?? link.type} →{" "}
                    <button type="button" className="sw-linkto" dir="auto" onClick={() => props.onPick(link.to)}>
                      {describe(link.to)}
                    </button>
                    {problem && <span className="sw-problem-text"> ({problem})</span>}
                  </span>
                  <button type="button" className="sw-icon" aria-label={`Remove link ${type?.name ?? link.type} to ${describe(link.to)}`} onClick={() => props.onRemoveLink(link)}>
                    ×
                  </button>
                </li>
              );
            })}
            {incoming.map((link) => (
              <li key={link.id}>
                <span>
                  {typeById.get(link.type)?.name ?? link.type} of{" "}
                  <button type="button" className="sw-linkto" dir="auto" onClick={() => props.onPick(link.from)}>
                    {describe(link.from)}
                  </button>
                </span>
              </li>
            ))}
          </ul>
          <div className="sw-link-actions">
            {linkTypesFrom(linkTypes, span.label).map((type) => (
              <button key={type.id} type="button" className="sw-button" onClick={() => props.onStartLink(type)}>
                {type.key && <kbd aria-hidden="true">{type.key}</kbd>} Link {type.name.toLowerCase()}
              </button>
            ))}
          </div>
        </div>
      )}
    </section>
  );
}

interface AttributeFieldProps {
  def: AttributeDef;
  span: SpanRecord;
  spanText: string;
  doc: DocumentRecord;
  actors: ReadonlyMap<string, ActorRecord>;
  suggestions: readonly ActorSuggestion[];
  onChange(value: AttrValue | undefined): void;
  onActor(actorId: string | undefined): void;
  onNewActor(name: string): void;
}

function AttributeField({ def, span, spanText, doc, actors, suggestions, onChange, onActor, onNewActor }: AttributeFieldProps) {
  const value = attrValue(span, def);
  const problem = value === undefined ? undefined : attrValueProblem(def, value, span.attrs, actors);
  const id = `attr-${span.id}-${def.id}`;
  let field;
  switch (def.type) {
    case "choice": {
      const options = allowedOptions(def, def.dependsOn ? span.attrs?.[def.dependsOn] : undefined);
      field = (
        <select id={id} value={typeof value === "string" ? value : ""} onChange={(e) => onChange(e.target.value === "" ? undefined : e.target.value)}>
          <option value="">—</option>
          {typeof value === "string" && !options.some((o) => o.value === value) && <option value={value}>{value} (not in the list)</option>}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label ? `${o.value}: ${o.label}` : o.value}
            </option>
          ))}
        </select>
      );
      break;
    }
    case "boolean":
      field = <input id={id} type="checkbox" checked={value === true} onChange={(e) => onChange(e.target.checked)} />;
      break;
    case "number":
      field = <TextField id={id} value={typeof value === "number" ? String(value) : ""} inputMode="decimal" onCommit={(v) => onChange(v.trim() === "" ? undefined : Number.isFinite(Number(v)) ? Number(v) : v)} />;
      break;
    case "date": {
      const read = normalizeDate(spanText, doc.publishedAt);
      field = (
        <>
          <TextField id={id} value={typeof value === "string" ? value : ""} placeholder="YYYY-MM-DD" onCommit={(v) => onChange(v.trim() === "" ? undefined : v.trim())} />
          <span className="sw-hint">
            {read.ok ? (
              read.value === value ? (
                `read from the text${doc.publishedAt ? ` and the publication date ${doc.publishedAt}` : ""}`
              ) : (
                <button type="button" className="sw-linkto" onClick={() => onChange(read.value)}>
                  Use {read.value}, read from the text
                </button>
              )
            ) : (
              <>
                {read.problem}
                {/* A relative date waits for the publication date (or its year): take the user to that field. */}
                {(doc.publishedAt === undefined || isMonthDay(doc.publishedAt)) && normalizeDate(spanText, ANY_DAY).ok && (
                  <>
                    {" "}
                    <button type="button" className="sw-linkto" onClick={() => focusPublicationDate(doc.id)}>
                      {doc.publishedAt === undefined ? "Set the publication date" : "Set the year of publication"}
                    </button>
                  </>
                )}
              </>
            )}
          </span>
        </>
      );
      break;
    }
    case "actor": {
      const actor = span.actorId ? resolveActor(actors, span.actorId) : undefined;
      field = (
        <div className="sw-actor-field">
          {actor ? (
            <span>
              <strong>{actor.name}</strong>
              {actor.identifier ? ` (${actor.identifier})` : ""}{" "}
              <button type="button" className="sw-icon" aria-label="Unlink the registry actor" onClick={() => onActor(undefined)}>
                ×
              </button>
            </span>
          ) : span.actorId ? (
            <span className="sw-problem-text">The registry actor this span named was deleted.</span>
          ) : (
            <span className="sw-hint">Not linked to the registry.</span>
          )}
          {!actor && suggestions.length > 0 && (
            <ul className="sw-suggestions" aria-label="Registry matches">
              {suggestions.slice(0, 4).map((s, i) => (
                <li key={s.actor.id}>
                  <button type="button" className="sw-button" onClick={() => onActor(s.actor.id)}>
                    {i === 0 && <kbd aria-hidden="true">Enter</kbd>} {s.actor.name}
                    {s.alias !== s.actor.name ? ` (as “${s.alias}”)` : ""} · {Math.round(s.score * 100)}%
                  </button>
                </li>
              ))}
            </ul>
          )}
          {!actor && (
            <button type="button" className="sw-button" onClick={() => onNewActor(spanText.trim())}>
              Add “{clip(spanText.trim())}” to the registry
            </button>
          )}
        </div>
      );
      break;
    }
    default:
      field = <TextField id={id} value={typeof value === "string" ? value : value === undefined ? "" : String(value)} onCommit={(v) => onChange(v === "" ? undefined : v)} />;
  }
  return (
    <div className="sw-attr">
      <label htmlFor={id}>{def.name}</label>
      {field}
      {problem && <span className="sw-problem-text">This value {problem}; it is kept but left out of exports.</span>}
    </div>
  );
}

/** A text input that commits on Enter or when it loses focus. */
function TextField({ id, value, placeholder, inputMode, onCommit }: { id: string; value: string; placeholder?: string; inputMode?: "decimal"; onCommit(value: string): void }) {
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  const commit = () => {
    if (draft !== value) onCommit(draft);
  };
  return (
    <input
      id={id}
      value={draft}
      placeholder={placeholder}
      inputMode={inputMode}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === "Enter") commit();
        if (e.key === "Escape") setDraft(value);
      }}
    />
  );
}
