/** What is wrong with the registry's actors, as sentences shown beside each. */
import { sharedAliases } from "../../shared/coding/actors";
import { type ActorRecord } from "../../shared/coding/model";
import { checkIdentifier } from "../store/registry";
import { isLive } from "./actorRegistryCommon";

/** What is wrong with each live actor, as sentences: aliases it shares with another, an identifier that is not one. */
export function actorProblems(actors: readonly ActorRecord[], names: ReadonlyMap<string, string>): Map<string, string[]> {
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
