/** Small helpers the actor registry's components share. */
import type { ActorRecord } from "../../shared/coding/model";

/** How many spans name each actor: in all, and through an actor merged into it. */
export type Counts = Map<string, { total: number; merged: number }>;

export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
/** An actor still in the registry: not deleted, not merged into another. */
export const isLive = (a: ActorRecord) => !a.deleted && a.mergedInto === undefined;

/** What the dialog shows: the list, or one action on an actor (by id, so it always reads the stored record). */
export type Mode =
  | { kind: "list" }
  | { kind: "edit"; actorId: string | null }
  | { kind: "merge"; actorId: string }
  | { kind: "delete"; actorId: string }
  | { kind: "mentions"; actorId: string };
