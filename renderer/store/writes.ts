import type { ActorRecord, LinkRecord } from "../../shared/coding/model";
import type { SpanRecord } from "../../shared/model";
import { announceActors, announceLinks } from "./changes";
import { db } from "./db";
import { windowProject } from "./windowProject";
import { saveStatus } from "./saveStatus";
import { ANNOTATOR_KEY } from "./settings";
import { putSpans, SPAN_TABLES, storedSpans, takeRev } from "./spans";

/** One record's state before and after a user action; `before` is null for a new record. */
export interface Edit<T> {
  /** The record as the user saw it (with its `rev`), or null for a new one. */
  before: T | null;
  after: T;
}

/** Edits to write together, as one action. */
export interface RecordEdits {
  spans?: Edit<SpanRecord>[];
  links?: Edit<LinkRecord>[];
  actors?: Edit<ActorRecord>[];
}

/** The records an action wrote, each with its new `rev` and `updatedBy`. */
export interface WrittenRecords {
  spans: SpanRecord[];
  links: LinkRecord[];
  actors: ActorRecord[];
}

/** What a refused action was: its words end the refusal ("…; not undone."). */
export type ActionKind = "saved" | "undone" | "redone";

/**
 * An action the store refused because what it would change moved on since
 * it was read (another window, a merge, later a sync), or its document or
 * project is gone. Nothing of the action was written. The message says so
 * in plain words, for the user.
 */
export class RefusedChange extends Error {
  override name = "RefusedChange";
}

export function isRefusedChange(err: unknown): err is RefusedChange {
  return err instanceof Error && err.name === "RefusedChange";
}

type Revised = { rev?: number };

/** Whether the stored record is still the one the edit was made from. */
function unmoved(edit: Edit<Revised>, stored: Revised | undefined): boolean {
  return edit.before === null ? stored === undefined : stored !== undefined && stored.rev === edit.before.rev;
}

/** Sets `updatedBy` to who writes (absent where that is the record's annotator). */
function by<T extends { annotator?: string; updatedBy?: string }>(record: T, writer: string | undefined): T {
  const out = { ...record };
  if (writer === undefined || writer === record.annotator) delete out.updatedBy;
  else out.updatedBy = writer;
  return out;
}

/** Writes links with revision `rev` (see STORE_REV), inside a read-write transaction over `db.links`; returns them as written. */
export async function putLinks(links: readonly LinkRecord[], rev: number): Promise<LinkRecord[]> {
  const written = links.map((l) => ({ ...l, rev }));
  if (written.length) await db.links.bulkPut(written);
  announceLinks(written);
  return written;
}

/** Writes actors with revision `rev`, inside a read-write transaction over `db.actors`; returns them as written. */
export async function putActors(actors: readonly ActorRecord[], rev: number): Promise<ActorRecord[]> {
  const written = actors.map((a) => ({ ...a, rev }));
  if (written.length) await db.actors.bulkPut(written);
  announceActors(written);
  return written;
}

/**
 * Writes an action's records in one transaction, each only if the store
 * still holds the version it was made from (compare-and-set on `rev`), and
 * only while its document and project exist; otherwise nothing is written
 * and a {@link RefusedChange} says why. Every record written gets the
 * transaction's `rev` and who wrote it; the project's `updatedAt` is set
 * too (backups look for changed projects by it). Every user change to
 * spans, links and actors goes through here, so it is committed before
 * anything shows it as saved.
 */
export async function writeRecords(edits: RecordEdits, kind: ActionKind = "saved"): Promise<WrittenRecords> {
  const spans = edits.spans ?? [];
  const links = edits.links ?? [];
  const actors = edits.actors ?? [];
  const none: WrittenRecords = { spans: [], links: [], actors: [] };
  if (spans.length + links.length + actors.length === 0) return none;
  const end = kind === "saved" ? "the change was not saved" : `not ${kind}`;
  const projectIds = [...new Set([...spans, ...links, ...actors].map((e) => e.after.projectId))];
  const docIds = [...new Set([...spans, ...links].map((e) => e.after.docId))];
  return saveStatus.track(() =>
    db.transaction("rw", [...SPAN_TABLES(), db.links, db.actors, db.projects, db.documents, db.texts, db.settings], async () => {
      const projects = await db.projects.bulkGet(projectIds);
      const gone = projectIds.find((_, i) => !projects[i]);
      if (gone !== undefined) {
        windowProject.projectGone(gone);
        throw new RefusedChange(`The project was deleted in another window; ${end}.`);
      }
      const docs = await db.documents.bulkGet(docIds);
      const goneDoc = docs.findIndex((d) => !d);
      if (goneDoc >= 0) throw new RefusedChange(`The document was deleted in another window; ${end}.`);

      const [storedSpanRows, storedLinks, storedActors] = await Promise.all([
        storedSpans(spans.map((e) => e.after)),
        db.links.bulkGet(links.map((e) => e.after.id)),
        db.actors.bulkGet(actors.map((e) => e.after.id)),
      ]);
      const movedSpan = spans.findIndex((e, i) => !unmoved(e, storedSpanRows[i]));
      if (movedSpan >= 0) {
        const span = spans[movedSpan]!.after;
        const text = (await db.texts.get(span.docId))?.text;
        const quote = text === undefined ? "A span" : `“${text.slice(span.start, span.end)}”`;
        throw new RefusedChange(`${quote} was changed in another window or by a merge since; ${end}.`);
      }
      if (links.some((e, i) => !unmoved(e, storedLinks[i]))) throw new RefusedChange(`A link was changed in another window or by a merge since; ${end}.`);
      const movedActor = actors.find((e, i) => !unmoved(e, storedActors[i]));
      if (movedActor) throw new RefusedChange(`The actor “${movedActor.after.name}” was changed in another window or by a merge since; ${end}.`);

      const writer = (await db.settings.get(ANNOTATOR_KEY))?.value;
      const who = typeof writer === "string" && writer ? writer : undefined;
      const rev = await takeRev();
      const written: WrittenRecords = {
        spans: await putSpans(spans.map((e) => by(e.after, who)), rev),
        links: links.map((e) => ({ ...by(e.after, who), rev })),
        actors: actors.map((e) => ({ ...by(e.after, who), rev })),
      };
      await putLinks(written.links, rev);
      await putActors(written.actors, rev);
      const now = Date.now();
      for (const id of projectIds) await db.projects.update(id, { updatedAt: now });
      return written;
    }),
  );
}
