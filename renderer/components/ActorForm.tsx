/** Adding or editing one registry actor: names, aliases, kind, identifier, notes. */
import { useState } from "react";
import { sharedAliases } from "../../shared/coding/actors";
import { ACTOR_KINDS, type ActorRecord } from "../../shared/coding/model";
import { actorDraftProblems, checkIdentifier, parseAliases } from "../store/registry";
import { Dialog } from "./Dialog";
import { plural } from "./actorRegistryCommon";

export interface ActorFormProps {
  actor: ActorRecord | null;
  others: readonly ActorRecord[];
  /** Spans linked to the actor: they follow a rename. */
  spans: number;
  onCancel(): void;
  onSave(draft: { name: string; aliases: string[]; kind?: string; identifier?: string; notes?: string }): void;
}

export function ActorForm({ actor, others, spans, onCancel, onSave }: ActorFormProps) {
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
