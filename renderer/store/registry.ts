/**
 * The actor registry's actions: add, edit (rename), merge and delete actors,
 * and "tag all mentions". Every write goes through the history, so each
 * action is one undoable step, committed before the app shows it as saved.
 * Spans point to actors by `actorId`, so a rename reaches every span without
 * touching it, and a merge leaves spans alone too: those pointing to the
 * merged actor resolve to the kept one (resolveActor).
 */
import { actorsById, mergeActors, renameActor, resolveActor, uniqueAliases } from "../../shared/coding/actors";
import { findMentions, type Mention } from "../../shared/coding/mentions";
import { labelAttributes, type ActorRecord } from "../../shared/coding/model";
import { nestedMentionReasons, type NestingContext } from "../../shared/coding/nestedMentions";
import { tombstone, type LabelDef, type SpanRecord } from "../../shared/model";
import { newSpan, type NewSpan } from "../coding";
import { db, projectDocuments } from "./db";
import { history, type SpanEdit } from "./history";
import { documentSpans, projectSpans } from "./spans";

/** What the actor form holds. */
export interface ActorDraft {
  name: string;
  aliases: string[];
  kind?: string;
  identifier?: string;
  notes?: string;
}

/** Aliases typed one per line or separated by commas; blanks and repeats (after normalization) dropped. */
export function parseAliases(text: string, name = ""): string[] {
  return uniqueAliases(text.split(/[\n,]/), [name]);
}

const WIKIDATA_URL = /^https?:\/\/(?:www\.|m\.)?wikidata\.org\/(?:wiki|entity)\/(Q\d+)\/?$/i;

/**
 * An identifier as stored, and why it cannot be stored. A Wikidata page
 * address becomes its Q-id; anything that looks like a Q-id must be one
 * ("Q" and digits); other identifiers (a VIAF number, a party code) are free text.
 */
export function checkIdentifier(raw: string): { value?: string; problem?: string } {
  const trimmed = raw.trim();
  if (trimmed === "") return {};
  const url = WIKIDATA_URL.exec(trimmed);
  if (url) return { value: url[1]!.toUpperCase() };
  if (/^q[\s\d-]/i.test(trimmed) || /wikidata/i.test(trimmed)) {
    return /^Q\d+$/.test(trimmed) ? { value: trimmed } : { problem: `“${trimmed}” is not a Wikidata id: write Q followed by digits, as in Q1807386.` };
  }
  return { value: trimmed };
}

/** Why the form cannot be saved, one sentence each; empty when it can. */
export function actorDraftProblems(draft: ActorDraft): string[] {
  const problems: string[] = [];
  if (draft.name.trim() === "") problems.push("The actor needs a name.");
  const identifier = checkIdentifier(draft.identifier ?? "");
  if (identifier.problem) problems.push(identifier.problem);
  return problems;
}

/** The draft's fields as stored: trimmed, empty optional fields left out. */
function draftFields(draft: ActorDraft): Pick<ActorRecord, "name" | "aliases" | "kind" | "identifier" | "notes"> {
  const name = draft.name.trim();
  const fields: Pick<ActorRecord, "name" | "aliases" | "kind" | "identifier" | "notes"> = { name, aliases: uniqueAliases(draft.aliases, [name]) };
  const kind = draft.kind?.trim();
  if (kind) fields.kind = kind;
  const identifier = checkIdentifier(draft.identifier ?? "").value;
  if (identifier) fields.identifier = identifier;
  const notes = draft.notes?.trim();
  if (notes) fields.notes = notes;
  return fields;
}

function refuseProblems(draft: ActorDraft): void {
  const problems = actorDraftProblems(draft);
  if (problems.length) throw new Error(problems.join(" "));
}

/** Adds an actor to the project's registry (one undoable step); returns it. */
export async function createActor(projectId: string, draft: ActorDraft): Promise<ActorRecord> {
  refuseProblems(draft);
  const now = Date.now();
  const actor: ActorRecord = { id: crypto.randomUUID(), projectId, ...draftFields(draft), createdAt: now, updatedAt: now, deleted: false };
  const written = await history.perform({ label: `Add actor ${actor.name}`, docId: null, edits: [], actorEdits: [{ before: null, after: actor }] });
  return written.actors[0]!;
}

/**
 * Saves the form over `before` (one undoable step). A new name keeps the old
 * one as an alias, so mentions spelled the old way still match.
 */
export async function updateActor(before: ActorRecord, draft: ActorDraft): Promise<ActorRecord> {
  refuseProblems(draft);
  const now = Date.now();
  const fields = draftFields(draft);
  const after: ActorRecord = { ...before, ...fields, name: before.name, updatedAt: now };
  for (const key of ["kind", "identifier", "notes"] as const) if (fields[key] === undefined) delete after[key];
  const saved = fields.name === before.name ? after : renameActor(after, fields.name, now);
  const label = saved.name === before.name ? `Edit actor ${saved.name}` : `Rename actor ${before.name} to ${saved.name}`;
  const written = await history.perform({ label, docId: null, edits: [], actorEdits: [{ before, after: saved }] });
  return written.actors[0]!;
}

/** Merges `gone` into `keep` (one undoable step): `keep` takes its names as aliases, and its spans resolve to `keep`. */
export async function mergeActorInto(keep: ActorRecord, gone: ActorRecord): Promise<ActorRecord> {
  const merged = mergeActors(keep, gone, Date.now());
  const written = await history.perform({
    label: `Merge ${gone.name} into ${keep.name}`,
    docId: null,
    edits: [],
    actorEdits: [
      { before: keep, after: merged.keep },
      { before: gone, after: merged.gone },
    ],
  });
  return written.actors[0]!;
}

/** The project's live spans that name `actor`: directly or through an actor merged into it. */
export async function spansOfActor(projectId: string, actor: ActorRecord): Promise<SpanRecord[]> {
  const registry = actorsById(await db.actors.where("projectId").equals(projectId).toArray());
  const spans = (await projectSpans(projectId)).filter((s) => !s.deleted && s.actorId !== undefined);
  return spans.filter((s) => resolveActor(registry, s.actorId!)?.id === actor.id);
}

/**
 * Deletes `actor` (a tombstone) and clears the actor link of every span that
 * named it, in one undoable step; the spans and their text stay. Returns
 * how many spans lost their link.
 */
export async function deleteActor(actor: ActorRecord): Promise<number> {
  const spans = await spansOfActor(actor.projectId, actor);
  const now = Date.now();
  const edits: SpanEdit[] = spans.map((before) => {
    const after: SpanRecord = { ...before, updatedAt: now };
    delete after.actorId;
    return { before, after };
  });
  await history.perform({ label: `Delete actor ${actor.name}`, docId: null, edits, actorEdits: [{ before: actor, after: tombstone(actor, now) }] });
  return spans.length;
}

/** How many live spans name each live actor: `total` including those through merged actors, `merged` those alone. */
export function spanCounts(actors: readonly ActorRecord[], spans: readonly SpanRecord[]): Map<string, { total: number; merged: number }> {
  const registry = actorsById(actors);
  const counts = new Map<string, { total: number; merged: number }>();
  for (const span of spans) {
    if (span.deleted || span.actorId === undefined) continue;
    const actor = resolveActor(registry, span.actorId);
    if (!actor) continue;
    const count = counts.get(actor.id) ?? { total: 0, merged: 0 };
    count.total++;
    if (actor.id !== span.actorId) count.merged++;
    counts.set(actor.id, count);
  }
  return counts;
}

/** A mention found for "tag all mentions", with its document and the words around it. */
export interface MentionItem extends Mention {
  /** A key unique among the items: the document and the offsets. */
  key: string;
  docId: string;
  title: string;
  /** Up to `width` characters before and after, on one line; "…" where cut. */
  before: string;
  after: string;
  /** Why it is offered unticked ("inside the actor span “…”", "inside a quote"), or absent. */
  nested?: string;
}

/**
 * About `width` characters either side of `[start, end)`, cut at a word
 * boundary when one is near, whitespace folded to single spaces, "…" where
 * the text goes on.
 */
export function mentionContext(text: string, start: number, end: number, width = 40): { before: string; after: string } {
  let from = Math.max(0, start - width);
  let to = Math.min(text.length, end + width);
  // Start and end on whole words when a space is within the first or last quarter.
  if (from > 0) {
    const space = text.slice(from, start).search(/\s/);
    if (space >= 0 && space < width / 4) from += space + 1;
    else if (/[\uDC00-\uDFFF]/.test(text[from]!)) from++;
  }
  if (to < text.length) {
    const tail = text.slice(end, to);
    const space = Math.max(tail.lastIndexOf(" "), tail.lastIndexOf("\n"), tail.lastIndexOf("\t"));
    if (space >= 0 && tail.length - space <= width / 4) to = end + space;
    else if (/[\uDC00-\uDFFF]/.test(text[to]!)) to++;
  }
  const fold = (part: string) => part.replace(/\s+/g, " ");
  return {
    before: (from > 0 ? "…" : "") + fold(text.slice(from, start)).trimStart(),
    after: fold(text.slice(end, to)).trimEnd() + (to < text.length ? "…" : ""),
  };
}

/**
 * Every mention of `actor`'s names and aliases not already tagged as it, in
 * `docId` (with its `text` when the caller has it) or, when `docId` is null,
 * in every document of the project, in document order. With `nesting`,
 * those inside a span of the label they would get, or inside a quote, say
 * so in `nested`.
 */
export async function findActorMentions(actor: ActorRecord, scope: { docId: string; text?: string } | null, nesting?: NestingContext): Promise<MentionItem[]> {
  const projectId = actor.projectId;
  const registry = await db.actors.where("projectId").equals(projectId).toArray();
  const documents = scope
    ? await db.documents.where("id").equals(scope.docId).toArray()
    : await projectDocuments(db, projectId).toArray();
  const items: MentionItem[] = [];
  for (const doc of documents) {
    const text = scope?.text ?? (await db.texts.get(doc.id))?.text;
    if (text === undefined) continue;
    const spans = await documentSpans(doc.id);
    const mentions = findMentions(text, actor, spans, { registry });
    const reasons = nesting ? nestedMentionReasons(text, mentions, spans, nesting) : [];
    mentions.forEach((mention, i) => {
      const item: MentionItem = { ...mention, key: `${doc.id}:${mention.start}:${mention.end}`, docId: doc.id, title: doc.title, ...mentionContext(text, mention.start, mention.end) };
      const nested = reasons[i];
      if (nested) item.nested = nested;
      items.push(item);
    });
  }
  return items;
}

/** The label that actor spans get: the one called "actor" if it links to the registry, else the first label that does. */
export function actorLabel(labels: readonly LabelDef[]): LabelDef | undefined {
  const links = (label: LabelDef) => labelAttributes(label).some((def) => def.type === "actor");
  return labels.find((l) => l.id === "actor" && links(l)) ?? labels.find(links);
}

/**
 * Tags the chosen mentions as spans of `label` linked to `actor`, in one
 * undoable step. Mentions that a span of this actor has covered since the
 * preview are skipped. Returns the spans made.
 */
export async function tagMentions(actor: ActorRecord, mentions: readonly Pick<MentionItem, "docId" | "start" | "end">[], label: LabelDef, annotator: string): Promise<SpanRecord[]> {
  const registry = actorsById(await db.actors.where("projectId").equals(actor.projectId).toArray());
  const docIds = [...new Set(mentions.map((m) => m.docId))];
  const taken = new Map<string, SpanRecord[]>();
  const sources = new Map<string, { doc: NewSpan["doc"]; text: string }>();
  for (const docId of docIds) {
    const spans = await documentSpans(docId);
    taken.set(
      docId,
      spans.filter((s) => !s.deleted && s.actorId !== undefined && resolveActor(registry, s.actorId)?.id === actor.id),
    );
    const [doc, text] = await Promise.all([db.documents.get(docId), db.texts.get(docId)]);
    sources.set(docId, { doc: doc ?? { id: docId, projectId: actor.projectId }, text: text?.text ?? "" });
  }
  const now = Date.now();
  const made: SpanRecord[] = [];
  for (const mention of mentions) {
    const overlaps = (s: Pick<SpanRecord, "start" | "end">) => s.start < mention.end && mention.start < s.end;
    if (taken.get(mention.docId)!.some(overlaps) || made.some((s) => s.docId === mention.docId && overlaps(s))) continue;
    const { doc, text } = sources.get(mention.docId)!;
    made.push(newSpan({ doc, text, start: mention.start, end: mention.end, labelId: label.id, label, annotator, actorId: actor.id }, now));
  }
  if (made.length === 0) return made;
  const edits: SpanEdit[] = made.map((after) => ({ before: null, after }));
  await history.perform({ label: `Tag ${made.length} mentions of ${actor.name}`, docId: docIds.length === 1 ? docIds[0]! : null, edits });
  return made;
}
