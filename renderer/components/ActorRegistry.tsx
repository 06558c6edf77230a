import { useEffect, useMemo, useState } from "react";
import { useLiveQuery } from "dexie-react-hooks";
import { sharedAliases } from "../../shared/coding/actors";
import { ACTOR_KINDS, type ActorRecord } from "../../shared/coding/model";
import { normalizeName } from "../../shared/coding/names";
import type { Project } from "../../shared/model";
import { db } from "../store/db";
import { projectSpans } from "../store/spans";
import {
  actorDraftProblems,
  actorLabel,
  checkIdentifier,
  createActor,
  deleteActor,
  findActorMentions,
  mergeActorInto,
  parseAliases,
  spanCounts,
  tagMentions,
  updateActor,
  type MentionItem,
} from "../store/registry";
import { describeStoreError } from "../store/saveStatus";
import { ConfirmDialog, Dialog } from "./Dialog";

interface ActorRegistryProps {
  project: Project;
  annotator: string;
  /** The document open in the reader, for "tag all mentions" in this document. */
  openDoc: { id: string; text: string } | null;
  notify(text: string, kind: "info" | "problem"): void;
  onClose(): void;
}

/** What the dialog shows: the list, or one action on an actor (by id, so it always reads the stored record). */
type Mode =
  | { kind: "list" }
  | { kind: "edit"; actorId: string | null }
  | { kind: "merge"; actorId: string }
  | { kind: "delete"; actorId: string }
  | { kind: "mentions"; actorId: string };

type Counts = Map<string, { total: number; merged: number }>;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
const isLive = (a: ActorRecord) => !a.deleted && a.mergedInto === undefined;

/**
 * The project's actor registry: list and filter actors, add, edit (rename),
 * merge, delete, and tag all mentions of one. Each change is one undoable
 * step (Ctrl+Z after closing).
 */
export function ActorRegistry({ project, annotator, openDoc, notify, onClose }: ActorRegistryProps) {
  const actors = useLiveQuery(() => db.actors.where("projectId").equals(project.id).toArray(), [project.id]);
  const linked = useLiveQuery(
    () =>
      projectSpans(project.id).then((spans) => spans.filter((s) => !s.deleted && s.actorId !== undefined)),
    [project.id],
  );
  const [mode, setMode] = useState<Mode>({ kind: "list" });
  const counts = useMemo<Counts>(() => spanCounts(actors ?? [], linked ?? []), [actors, linked]);
  const back = () => setMode({ kind: "list" });
  const fail = (err: unknown) => notify(describeStoreError(err), "problem");

  const all = actors ?? [];
  const actor = mode.kind === "list" || mode.actorId === null ? null : (all.find((a) => a.id === mode.actorId) ?? null);
  // The actor was deleted or merged away meanwhile (an undo, another window): back to the list.
  const missing = mode.kind !== "list" && !(mode.kind === "edit" && mode.actorId === null) && actors !== undefined && !(actor && isLive(actor));
  useEffect(() => {
    if (missing) setMode({ kind: "list" });
  }, [missing]);

  if (mode.kind === "edit" && (mode.actorId === null || actor)) {
    return (
      <ActorForm
        key={mode.actorId ?? "new"}
        actor={actor}
        others={all.filter((a) => a.id !== actor?.id)}
        spans={actor ? (counts.get(actor.id)?.total ?? 0) : 0}
        onCancel={back}
        onSave={(draft) => {
          const saving = actor ? updateActor(actor, draft) : createActor(project.id, draft);
          saving.then((saved) => {
            notify(actor ? `Saved “${saved.name}”.` : `Added “${saved.name}” to the registry.`, "info");
            back();
          }, fail);
        }}
      />
    );
  }
  if (mode.kind === "merge" && actor) {
    return (
      <MergeActors
        actor={actor}
        others={all.filter((a) => isLive(a) && a.id !== actor.id)}
        counts={counts}
        onCancel={back}
        onMerge={(keep, gone) =>
          void mergeActorInto(keep, gone).then(() => {
            notify(`Merged “${gone.name}” into “${keep.name}”.`, "info");
            back();
          }, fail)
        }
      />
    );
  }
  if (mode.kind === "delete" && actor) {
    const n = counts.get(actor.id)?.total ?? 0;
    return (
      <ConfirmDialog
        key="delete"
        title={`Delete “${actor.name}”?`}
        keepLabel="Keep actor"
        confirmLabel="Delete actor"
        onKeep={back}
        onConfirm={() =>
          void deleteActor(actor).then((cleared) => {
            notify(`Deleted “${actor.name}”${cleared ? `; ${plural(cleared, "span")} no longer link to it` : ""}. Ctrl+Z brings it back.`, "info");
            back();
          }, fail)
        }
      >
        <p>
          {n === 0
            ? "No span is linked to this actor."
            : `${plural(n, "span")} ${n === 1 ? "is" : "are"} linked to this actor. ${n === 1 ? "It stays" : "They stay"}, with ${n === 1 ? "its" : "their"} text; only the link to the actor is removed.`}{" "}
          Undo (Ctrl+Z) brings it all back.
        </p>
      </ConfirmDialog>
    );
  }
  if (mode.kind === "mentions" && actor) {
    return (
      <TagMentions
        actor={actor}
        openDoc={openDoc}
        project={project}
        onCancel={back}
        onTag={(items) => {
          const label = actorLabel(project.labels);
          if (!label) return;
          void tagMentions(actor, items, label, annotator).then((made) => {
            notify(made.length ? `Tagged ${plural(made.length, "mention")} of “${actor.name}”. Ctrl+Z removes them all.` : "Those mentions were tagged meanwhile.", "info");
            back();
          }, fail);
        }}
      />
    );
  }
  return <ActorList actors={all} loading={actors === undefined} counts={counts} onMode={setMode} onClose={onClose} />;
}

interface ActorListProps {
  actors: readonly ActorRecord[];
  loading: boolean;
  counts: Counts;
  onMode(mode: Mode): void;
  onClose(): void;
}

function ActorList({ actors, loading, counts, onMode, onClose }: ActorListProps) {
  const [filter, setFilter] = useState("");
  const live = useMemo(() => actors.filter(isLive).sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id)), [actors]);
  const names = useMemo(() => new Map(actors.map((a) => [a.id, a.name])), [actors]);
  const problems = useMemo(() => actorProblems(actors, names), [actors, names]);
  const mergedFrom = useMemo(() => {
    const out = new Map<string, string[]>();
    for (const a of actors) if (!a.deleted && a.mergedInto !== undefined) out.set(a.mergedInto, [...(out.get(a.mergedInto) ?? []), a.name]);
    return out;
  }, [actors]);
  const needle = normalizeName(filter);
  const shown = needle ? live.filter((a) => [a.name, ...a.aliases, a.identifier ?? ""].some((n) => normalizeName(n).includes(needle))) : live;

  return (
    <Dialog
      key="list"
      title="Actors"
      onCancel={onClose}
      actions={
        <button type="button" className="sw-button" onClick={onClose}>
          Close
        </button>
      }
    >
      <div className="sw-wide sw-registry">
        <div className="sw-registry-bar">
          <input className="sw-filter" type="search" aria-label="Filter actors" placeholder="Filter by name, alias or identifier" value={filter} onChange={(e) => setFilter(e.target.value)} />
          <button type="button" className="sw-button sw-primary" onClick={() => onMode({ kind: "edit", actorId: null })}>
            New actor
          </button>
        </div>
        {loading ? null : live.length === 0 ? (
          <p className="sw-empty">The registry is empty. Add the people and organizations your documents name.</p>
        ) : (
          <ul className="sw-actors" aria-label="Registry actors">
            {shown.map((a) => {
              const count = counts.get(a.id) ?? { total: 0, merged: 0 };
              return (
                <li key={a.id} className="sw-actor">
                  <div className="sw-actor-head">
                    <strong dir="auto">{a.name}</strong>
                    {a.kind && <span className="sw-actor-kind">{a.kind}</span>}
                    {a.identifier && <span className="sw-actor-id">{a.identifier}</span>}
                    <span className="sw-count">
                      {plural(count.total, "span")}
                      {count.merged ? ` (${count.merged} through merged actors)` : ""}
                    </span>
                  </div>
                  {a.aliases.length > 0 && <div className="sw-actor-aliases">Also: {a.aliases.join(", ")}</div>}
                  {mergedFrom.has(a.id) && <div className="sw-actor-aliases">Merged into it: {mergedFrom.get(a.id)!.join(", ")}</div>}
                  {a.notes && <div className="sw-actor-notes">{a.notes}</div>}
                  {(problems.get(a.id) ?? []).map((p) => (
                    <div key={p} className="sw-actor-problem">
                      {p}
                    </div>
                  ))}
                  <div className="sw-actor-actions">
                    <button type="button" className="sw-button" onClick={() => onMode({ kind: "edit", actorId: a.id })}>
                      Edit
                    </button>
                    <button type="button" className="sw-button" onClick={() => onMode({ kind: "mentions", actorId: a.id })}>
                      Tag all mentions
                    </button>
                    <button type="button" className="sw-button" disabled={live.length < 2} onClick={() => onMode({ kind: "merge", actorId: a.id })}>
                      Merge…
                    </button>
                    <button type="button" className="sw-button" onClick={() => onMode({ kind: "delete", actorId: a.id })}>
                      Delete…
                    </button>
                  </div>
                </li>
              );
            })}
            {shown.length === 0 && <li className="sw-empty">No actor matches “{filter}”.</li>}
          </ul>
        )}
      </div>
    </Dialog>
  );
}

/** What is wrong with each live actor, as sentences: aliases it shares with another, an identifier that is not one. */
function actorProblems(actors: readonly ActorRecord[], names: ReadonlyMap<string, string>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const add = (id: string, message: string) => out.set(id, [...(out.get(id) ?? []), message]);
  for (const shared of sharedAliases(actors)) {
    shared.actorIds.forEach((id, i) => {
      const others = shared.actorIds.filter((other) => other !== id).map((other) => `“${names.get(other) ?? other}”`);
      add(id, `“${shared.spellings[i]}” is also a name of ${others.join(" and ")}: suggestions and “tag all mentions” cannot tell them apart.`);
    });
  }
  for (const a of actors) {
    if (!isLive(a)) continue;
    if (a.name.trim() === "") add(a.id, "This actor has no name.");
    const problem = a.identifier === undefined ? undefined : checkIdentifier(a.identifier).problem;
    if (problem) add(a.id, problem);
  }
  return out;
}

interface ActorFormProps {
  actor: ActorRecord | null;
  others: readonly ActorRecord[];
  /** Spans linked to the actor: they follow a rename. */
  spans: number;
  onCancel(): void;
  onSave(draft: { name: string; aliases: string[]; kind?: string; identifier?: string; notes?: string }): void;
}

function ActorForm({ actor, others, spans, onCancel, onSave }: ActorFormProps) {
  const [name, setName] = useState(actor?.name ?? "");
  const [aliases, setAliases] = useState(actor?.aliases.join("\n") ?? "");
  const [kind, setKind] = useState(actor?.kind ?? "");
  const [identifier, setIdentifier] = useState(actor?.identifier ?? "");
  const [notes, setNotes] = useState(actor?.notes ?? "");
  const draft = { name, aliases: parseAliases(aliases, name), kind, identifier, notes };
  const problems = actorDraftProblems(draft);
  const identifierProblem = checkIdentifier(identifier).problem;
  // Names this actor would share with another: allowed, but said before saving.
  const me: ActorRecord = { id: "\u0000draft", projectId: "", name, aliases: draft.aliases, createdAt: 0, updatedAt: 0, deleted: false };
  const othersById = new Map(others.map((a) => [a.id, a.name]));
  const clashes = sharedAliases([...others, me])
    .filter((s) => s.actorIds.includes(me.id))
    .map((s) => `“${s.spellings[s.actorIds.indexOf(me.id)]}” is also a name of ${s.actorIds.filter((id) => id !== me.id).map((id) => `“${othersById.get(id)}”`).join(" and ")}.`);
  const renaming = actor !== null && name.trim() !== "" && name.trim() !== actor.name;
  const kinds: string[] = [...ACTOR_KINDS];
  if (kind && !kinds.includes(kind)) kinds.push(kind);
  const submit = () => {
    if (problems.length === 0) onSave(draft);
  };

  return (
    <Dialog
      key="edit"
      title={actor ? `Edit “${actor.name}”` : "New actor"}
      onCancel={onCancel}
      onSubmit={submit}
      actions={
        <>
          <button type="button" className="sw-button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="sw-button sw-primary" disabled={problems.length > 0}>
            {actor ? "Save actor" : "Add actor"}
          </button>
        </>
      }
    >
      <div className="sw-form">
        <label className="sw-field">
          Canonical name
          <input autoFocus value={name} maxLength={300} onChange={(e) => setName(e.target.value)} />
        </label>
        {renaming && (
          <p className="sw-note">
            {spans > 0 ? `The ${plural(spans, "span")} linked to this actor will show the new name. ` : ""}“{actor.name}” stays as an alias.
          </p>
        )}
        <label className="sw-field">
          Aliases (one per line, or separated by commas)
          <textarea rows={4} value={aliases} onChange={(e) => setAliases(e.target.value)} />
        </label>
        {clashes.map((c) => (
          <p key={c} className="sw-actor-problem">
            {c}
          </p>
        ))}
        <label className="sw-field">
          Kind
          <select value={kind} onChange={(e) => setKind(e.target.value)}>
            <option value="">—</option>
            {kinds.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        </label>
        <label className="sw-field">
          Identifier (e.g. a Wikidata id such as Q1807386)
          <input value={identifier} maxLength={300} aria-invalid={identifierProblem !== undefined} onChange={(e) => setIdentifier(e.target.value)} />
        </label>
        {identifierProblem && <p className="sw-actor-problem">{identifierProblem}</p>}
        <label className="sw-field">
          Notes
          <textarea rows={3} value={notes} onChange={(e) => setNotes(e.target.value)} />
        </label>
      </div>
    </Dialog>
  );
}

interface MergeActorsProps {
  actor: ActorRecord;
  others: readonly ActorRecord[];
  counts: Counts;
  onCancel(): void;
  onMerge(keep: ActorRecord, gone: ActorRecord): void;
}

function MergeActors({ actor, others, counts, onCancel, onMerge }: MergeActorsProps) {
  const sorted = [...others].sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  const [otherId, setOtherId] = useState(sorted[0]?.id ?? "");
  const [keepThis, setKeepThis] = useState(true);
  const other = sorted.find((a) => a.id === otherId);
  const keep = keepThis ? actor : other;
  const gone = keepThis ? other : actor;
  const total = (a: ActorRecord | undefined) => (a ? (counts.get(a.id)?.total ?? 0) : 0);

  return (
    <Dialog
      key="merge"
      title={`Merge “${actor.name}” with another actor`}
      onCancel={onCancel}
      onSubmit={() => keep && gone && onMerge(keep, gone)}
      actions={
        <>
          <button type="button" className="sw-button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="sw-button sw-primary" disabled={!keep || !gone}>
            Merge
          </button>
        </>
      }
    >
      <div className="sw-form">
        <label className="sw-field">
          The same actor as
          <select autoFocus value={otherId} onChange={(e) => setOtherId(e.target.value)}>
            {sorted.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
                {a.aliases.length ? ` (${a.aliases.join(", ")})` : ""}
              </option>
            ))}
          </select>
        </label>
        <fieldset className="sw-choices">
          <legend>Keep the name of</legend>
          <label>
            <input type="radio" name="keep" checked={keepThis} onChange={() => setKeepThis(true)} /> {actor.name}
          </label>
          {other && (
            <label>
              <input type="radio" name="keep" checked={!keepThis} onChange={() => setKeepThis(false)} /> {other.name}
            </label>
          )}
        </fieldset>
        {keep && gone && (
          <p className="sw-note">
            “{gone.name}” and its aliases become aliases of “{keep.name}”. Its {plural(total(gone), "span")} then count for “{keep.name}”, which will have{" "}
            {plural(total(keep) + total(gone), "span")}. Undo (Ctrl+Z) separates them again.
          </p>
        )}
      </div>
    </Dialog>
  );
}

interface TagMentionsProps {
  actor: ActorRecord;
  project: Project;
  openDoc: { id: string; text: string } | null;
  onCancel(): void;
  onTag(items: MentionItem[]): void;
}

/** Finds the actor's names and aliases in this document or the whole project; the user unticks what is not the actor. */
function TagMentions({ actor, project, openDoc, onCancel, onTag }: TagMentionsProps) {
  const [wholeProject, setWholeProject] = useState(openDoc === null);
  const [items, setItems] = useState<MentionItem[] | null>(null);
  const [unchecked, setUnchecked] = useState<ReadonlySet<string>>(new Set());
  const [problem, setProblem] = useState<string | null>(null);
  const label = actorLabel(project.labels);
  const docId = openDoc?.id;
  const docText = openDoc?.text;

  useEffect(() => {
    let current = true;
    setItems(null);
    setUnchecked(new Set());
    const scope = wholeProject || docId === undefined ? null : { docId, text: docText };
    findActorMentions(actor, scope).then(
      (found) => current && setItems(found),
      (err: unknown) => current && setProblem(`The documents could not be searched: ${err instanceof Error ? err.message : String(err)}`),
    );
    return () => {
      current = false;
    };
    // Searched again when the actor's names change, not on every new copy of its record.
  }, [actor.id, actor.updatedAt, wholeProject, docId, docText]);

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
        <p className="sw-note">Names searched: {[actor.name, ...actor.aliases].join(", ")}. Mentions already tagged as this actor are left out.</p>
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
                <li key={m.key}>
                  <label>
                    <input type="checkbox" checked={!unchecked.has(m.key)} onChange={(e) => toggle(m.key, e.target.checked)} />
                    <span className="sw-mention-doc" dir="auto">{m.title}</span>
                    <span className="sw-mention-text" dir="auto">
                      {m.before}
                      <mark>{m.text}</mark>
                      {m.after}
                    </span>
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
