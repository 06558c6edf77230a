/**
 * The actor registry: resolving links through merges, merging and renaming
 * actors, and finding aliases that two actors share. Functions return new
 * records with `updatedAt` set; the caller stores them in one transaction.
 */
import { normalizeName } from "./names";
import type { ActorRecord } from "./model";

/** The registry by id, for lookups. */
export function actorsById(actors: readonly ActorRecord[]): Map<string, ActorRecord> {
  return new Map(actors.map((a) => [a.id, a]));
}

/**
 * The live actor that `id` stands for: the actor itself, or the one it was
 * merged into (following a chain of merges). Undefined when the chain ends
 * at a missing or deleted actor, or loops.
 */
export function resolveActor(actors: ReadonlyMap<string, ActorRecord>, id: string): ActorRecord | undefined {
  const seen = new Set<string>();
  let current = actors.get(id);
  while (current && current.mergedInto !== undefined) {
    if (seen.has(current.id)) return undefined;
    seen.add(current.id);
    current = actors.get(current.mergedInto);
  }
  return current && !current.deleted ? current : undefined;
}

/** `names` without duplicates by normalized form (the first spelling kept), and without those equal to `except`. */
export function uniqueAliases(names: readonly string[], except: readonly string[] = []): string[] {
  const seen = new Set(except.map(normalizeName));
  const out: string[] = [];
  for (const name of names) {
    const key = normalizeName(name);
    if (key === "" || seen.has(key)) continue;
    seen.add(key);
    out.push(name.trim());
  }
  return out;
}

/**
 * Merges `gone` into `keep`: `keep` takes `gone`'s name and aliases as
 * aliases (and its kind, identifier and notes where it has none); `gone`
 * stays as a record with `mergedInto`, so every span that points to it (here
 * or in a colleague's copy) now resolves to `keep`.
 */
export function mergeActors(keep: ActorRecord, gone: ActorRecord, now: number): { keep: ActorRecord; gone: ActorRecord } {
  if (keep.id === gone.id) throw new Error("An actor cannot be merged into itself.");
  const merged: ActorRecord = {
    ...keep,
    aliases: uniqueAliases([...keep.aliases, gone.name, ...gone.aliases], [keep.name]),
    updatedAt: now,
  };
  if (merged.kind === undefined && gone.kind !== undefined) merged.kind = gone.kind;
  if (merged.identifier === undefined && gone.identifier !== undefined) merged.identifier = gone.identifier;
  if (gone.notes !== undefined && gone.notes !== "") merged.notes = merged.notes ? `${merged.notes}\n${gone.notes}` : gone.notes;
  return { keep: merged, gone: { ...gone, mergedInto: keep.id, updatedAt: now } };
}

/** `actor` renamed; the old name becomes an alias, so earlier mentions still match. */
export function renameActor(actor: ActorRecord, name: string, now: number): ActorRecord {
  const trimmed = name.trim();
  return { ...actor, name: trimmed, aliases: uniqueAliases([...actor.aliases, actor.name], [trimmed]), updatedAt: now };
}

/** An alias shared by several live actors: suggestions and "tag all mentions" cannot tell them apart. */
export interface SharedAlias {
  /** The alias as normalized (see normalizeName). */
  normalized: string;
  /** The spellings found, one per actor, in actor order. */
  spellings: string[];
  actorIds: string[];
}

/** Names and aliases that two or more live actors (not deleted, not merged away) share after normalization. */
export function sharedAliases(actors: readonly ActorRecord[]): SharedAlias[] {
  const byKey = new Map<string, { spellings: string[]; actorIds: string[] }>();
  for (const actor of actors) {
    if (actor.deleted || actor.mergedInto !== undefined) continue;
    const keys = new Set<string>();
    for (const name of [actor.name, ...actor.aliases]) {
      const key = normalizeName(name);
      if (key === "" || keys.has(key)) continue;
      keys.add(key);
      const entry = byKey.get(key) ?? { spellings: [], actorIds: [] };
      entry.spellings.push(name);
      entry.actorIds.push(actor.id);
      byKey.set(key, entry);
    }
  }
  return [...byKey].filter(([, e]) => e.actorIds.length > 1).map(([normalized, e]) => ({ normalized, ...e }));
}
