/** Tagging the mentions of one registry actor in the open document, after review. */
import { useEffect, useMemo, useState } from "react";
import { projectLinkTypes, type ActorRecord } from "../../shared/coding/model";
import { quoteLabelIds, type NestingContext } from "../../shared/coding/nestedMentions";
import type { Project } from "../../shared/model";
import { actorLabel, findActorMentions, type MentionItem } from "../store/registry";
import { Dialog } from "./Dialog";
import { plural } from "./actorRegistryCommon";

export interface TagMentionsProps {
  actor: ActorRecord;
  project: Project;
  openDoc: { id: string; text: string } | null;
  onCancel(): void;
  onTag(items: MentionItem[]): void;
}

/**
 * Finds the actor's names and aliases in this document or the whole project;
 * the user unticks what is not the actor. Mentions inside a span of the
 * label they would get, or inside a quote, start unticked with the reason.
 */
export function TagMentions({ actor, project, openDoc, onCancel, onTag }: TagMentionsProps) {
  const [wholeProject, setWholeProject] = useState(openDoc === null);
  const [items, setItems] = useState<MentionItem[] | null>(null);
  const [unchecked, setUnchecked] = useState<ReadonlySet<string>>(new Set());
  const [problem, setProblem] = useState<string | null>(null);
  const label = actorLabel(project.labels);
  const docId = openDoc?.id;
  const docText = openDoc?.text;
  const quoteLabels = [...quoteLabelIds(projectLinkTypes(project))].sort().join("\n");
  const nesting = useMemo<NestingContext | undefined>(
    () => (label ? { label: { id: label.id, name: label.name }, quoteLabels: new Set(quoteLabels.split("\n")) } : undefined),
    [label?.id, label?.name, quoteLabels],
  );

  useEffect(() => {
    let current = true;
    setItems(null);
    setUnchecked(new Set());
    const scope = wholeProject || docId === undefined ? null : { docId, text: docText };
    findActorMentions(actor, scope, nesting).then(
      (found) => {
        if (!current) return;
        setItems(found);
        setUnchecked(new Set(found.filter((m) => m.nested).map((m) => m.key)));
      },
      (err: unknown) => current && setProblem(`The documents could not be searched: ${err instanceof Error ? err.message : String(err)}`),
    );
    return () => {
      current = false;
    };
    // Searched again when the actor's names change, not on every new copy of its record.
  }, [actor.id, actor.updatedAt, wholeProject, docId, docText, nesting]);

  const chosen = (items ?? []).filter((m) => !unchecked.has(m.key));
  const toggle = (key: string, on: boolean) =>
    setUnchecked((prev) => {
      const next = new Set(prev);
      if (on) next.delete(key);
      else next.add(key);
      return next;
    });

  return (
    <Dialog
      key="mentions"
      title={`Tag all mentions of “${actor.name}”`}
      onCancel={onCancel}
      actions={
        <>
          <button type="button" className="sw-button" onClick={onCancel}>
            Cancel
          </button>
          <button type="button" className="sw-button sw-primary" disabled={!label || chosen.length === 0} onClick={() => onTag(chosen)}>
            Tag {plural(chosen.length, "mention")}
          </button>
        </>
      }
    >
      <div className="sw-wide sw-form">
        <fieldset className="sw-choices">
          <legend>Look in</legend>
          <label>
            <input type="radio" name="scope" checked={!wholeProject} disabled={openDoc === null} onChange={() => setWholeProject(false)} /> This document
          </label>
          <label>
            <input type="radio" name="scope" checked={wholeProject} onChange={() => setWholeProject(true)} /> Whole project
          </label>
        </fieldset>
        <p className="sw-note">Names searched: {[actor.name, ...actor.aliases].join(", ")}. Mentions already tagged as this actor are left out; those inside another {label ? `${label.name.toLocaleLowerCase()} ` : ""}span or inside a quote start unticked.</p>
        {!label && <p className="sw-actor-problem">No label of this project links spans to the registry, so mentions cannot be tagged. Give a label an “actor” attribute in Labels.</p>}
        {problem && <p className="sw-actor-problem">{problem}</p>}
        {items === null ? (
          !problem && <p className="sw-note">Searching…</p>
        ) : items.length === 0 ? (
          <p className="sw-empty">No untagged mention of these names{wholeProject ? " in the project" : " in this document"}.</p>
        ) : (
          <>
            <div className="sw-registry-bar">
              <span className="sw-count">
                {chosen.length} of {plural(items.length, "mention")} chosen
              </span>
              <button type="button" className="sw-button" onClick={() => setUnchecked(new Set())}>
                Choose all
              </button>
              <button type="button" className="sw-button" onClick={() => setUnchecked(new Set(items.map((m) => m.key)))}>
                Choose none
              </button>
            </div>
            <ul className="sw-mentions" aria-label="Mentions found">
              {items.map((m) => (
                <li key={m.key} className={m.nested ? "sw-nested" : undefined}>
                  <label>
                    <input type="checkbox" checked={!unchecked.has(m.key)} onChange={(e) => toggle(m.key, e.target.checked)} />
                    <span className="sw-mention-doc" dir="auto">{m.title}</span>
                    <span className="sw-mention-text" dir="auto">
                      {m.before}
                      <mark>{m.text}</mark>
                      {m.after}
                    </span>
                    {m.nested && <span className="sw-mention-nested">{m.nested.charAt(0).toUpperCase() + m.nested.slice(1)}</span>}
                  </label>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </Dialog>
  );
}
