import { useEffect, useMemo, useState } from "react";
import { useLiveQuery } from "dexie-react-hooks";
import type { Project } from "../../shared/model";
import { db } from "../store/db";
import { projectSpans } from "../store/spans";
import { actorLabel, createActor, deleteActor, mergeActorInto, spanCounts, tagMentions, updateActor } from "../store/registry";
import { describeStoreError } from "../store/saveStatus";
import { ConfirmDialog } from "./Dialog";
import { type Counts, type Mode, plural, isLive } from "./actorRegistryCommon";
import { ActorForm } from "./ActorForm";
import { ActorList } from "./ActorList";
import { MergeActors } from "./MergeActors";
import { TagMentions } from "./TagMentions";

interface ActorRegistryProps {
  project: Project;
  annotator: string;
  /** The document open in the reader, for "tag all mentions" in this document. */
  openDoc: { id: string; text: string } | null;
  notify(text: string, kind: "info" | "problem"): void;
  onClose(): void;
}



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
