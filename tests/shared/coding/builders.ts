/**
 * Builders for event-coding tests: registry actors, links and a whole coded
 * article from markup, on top of tests/shared/builders.ts.
 */
import type { ActorRecord, LinkRecord } from "../../../shared/coding/model";
import { T0, TEST_DOC_ID, TEST_PROJECT_ID } from "../builders";

/** A live registry actor. */
export function actor(id: string, name: string, aliases: string[] = [], overrides: Partial<ActorRecord> = {}): ActorRecord {
  return { id, projectId: TEST_PROJECT_ID, name, aliases, createdAt: T0, updatedAt: T0, deleted: false, ...overrides };
}

/** A live link of `type` from span `from` to span `to`. */
export function link(id: string, type: string, from: string, to: string, overrides: Partial<LinkRecord> = {}): LinkRecord {
  return { id, projectId: TEST_PROJECT_ID, docId: TEST_DOC_ID, type, from, to, annotator: "ana", createdAt: T0, updatedAt: T0, deleted: false, ...overrides };
}
