/** The actor registry's list: filter, problems per actor, and the actions on each. */
import { useMemo, useState } from "react";
import { type ActorRecord } from "../../shared/coding/model";
import { normalizeName } from "../../shared/coding/names";
import { Dialog } from "./Dialog";
import { type Counts, type Mode, plural, isLive } from "./actorRegistryCommon";
import { actorProblems } from "./actorProblems";

export interface ActorListProps {
  actors: readonly ActorRecord[];
  loading: boolean;
  counts: Counts;
  onMode(mode: Mode): void;
  onClose(): void;
}

export function ActorList({ actors, loading, counts, onMode, onClose }: ActorListProps) {
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
