/** Merging one registry actor into another. */
import { useState } from "react";
import { type ActorRecord } from "../../shared/coding/model";
import { Dialog } from "./Dialog";
import { type Counts, plural } from "./actorRegistryCommon";

export interface MergeActorsProps {
  actor: ActorRecord;
  others: readonly ActorRecord[];
  counts: Counts;
  onCancel(): void;
  onMerge(keep: ActorRecord, gone: ActorRecord): void;
}

export function MergeActors({ actor, others, counts, onCancel, onMerge }: MergeActorsProps) {
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
