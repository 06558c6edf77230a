/**
 * The actor registry's actions over a real Dexie on fake-indexeddb: each is
 * one step of the history, so one undo takes it back whole.
 */
import "fake-indexeddb/auto";
import { beforeEach, describe, expect, it } from "vitest";
import type { ActorRecord } from "../../shared/coding/model";
import { DEFAULT_LABELS, type SpanRecord } from "../../shared/model";
import { db } from "../../renderer/store/db";
import { freshStore, storedSpan, storedSpans } from "./storeHelpers";
import { putSpans } from "../../renderer/store/spans";
import { history } from "../../renderer/store/history";
import {
  actorLabel,
  checkIdentifier,
  createActor,
  deleteActor,
  findActorMentions,
  mentionContext,
  mergeActorInto,
  parseAliases,
  spanCounts,
  tagMentions,
  updateActor,
} from "../../renderer/store/registry";

const PROJECT = "p1";
const TEXT_A = "Hamas leader Ismail Haniyeh met mediators. HANIYA said Hamas’s offer stands; Haniyeh left.";
const TEXT_B = "In Doha, Isma'il Haniyeh spoke. Hamasi is not a name.";

/** An empty store with the project and its two documents. */
async function freshProject(): Promise<void> {
  await freshStore();
  history.clear();
  const now = 1_700_000_000_000;
  await db.projects.put({ id: PROJECT, name: "Test", labels: DEFAULT_LABELS.map((l) => ({ ...l })), createdAt: now, updatedAt: now });
  for (const [id, title, text, createdAt] of [
    ["a", "Gaza talks", TEXT_A, 1],
    ["b", "Doha visit", TEXT_B, 2],
  ] as const) {
    await db.documents.put({ id, projectId: PROJECT, title, textHash: id, length: text.length, createdAt });
    await db.texts.put({ docId: id, text });
  }
}

function span(id: string, docId: string, start: number, end: number, actorId?: string): SpanRecord {
  return { id, projectId: PROJECT, docId, start, end, label: "actor", annotator: "Ana", createdAt: 1, updatedAt: 1, deleted: false, ...(actorId ? { actorId } : {}) };
}

const stored = (id: string) => db.actors.get(id);
const liveSpanCount = async () => (await storedSpans()).filter((s) => !s.deleted).length;

beforeEach(freshProject);

describe("the actor form", () => {
  it("reads aliases one per line or separated by commas, without blanks or repeats", () => {
    expect(parseAliases("Haniya, Haniyeh\n\nISMA'IL HANIYEH\nhaniya", "Ismail Haniyeh")).toEqual(["Haniya", "Haniyeh"]);
  });

  it("checks Wikidata ids and keeps other identifiers as typed", () => {
    expect(checkIdentifier("Q1807386")).toEqual({ value: "Q1807386" });
    expect(checkIdentifier("https://www.wikidata.org/wiki/Q38799")).toEqual({ value: "Q38799" });
    expect(checkIdentifier("Q18x7").problem).toMatch(/not a Wikidata id/);
    expect(checkIdentifier("q 123").problem).toMatch(/not a Wikidata id/);
    expect(checkIdentifier("viaf:12345")).toEqual({ value: "viaf:12345" });
    expect(checkIdentifier("  ")).toEqual({});
  });

  it("shows a mention with about 40 characters either side on one line", () => {
    const text = `${"x".repeat(50)}\n\nHamas   said\n${"y".repeat(50)}`;
    const start = text.indexOf("Hamas");
    const { before, after } = mentionContext(text, start, start + 5);
    expect(before.startsWith("…")).toBe(true);
    expect(before.endsWith("x ")).toBe(true);
    expect(after.startsWith(" said y")).toBe(true);
    expect(after.endsWith("…")).toBe(true);
    expect(mentionContext("Hamas said", 0, 5)).toEqual({ before: "", after: " said" });
  });
});

describe("registry actions through the history", () => {
  it("adds an actor, and one undo removes it", async () => {
    const actor = await createActor(PROJECT, { name: " Hamas ", aliases: ["HAMAS", "Harakat al-Muqawama"], kind: "armed-group", identifier: "Q38799" });
    expect(await stored(actor.id)).toMatchObject({ name: "Hamas", aliases: ["Harakat al-Muqawama"], kind: "armed-group", identifier: "Q38799", deleted: false });
    await history.undo();
    expect((await stored(actor.id))?.deleted).toBe(true);
    await expect(createActor(PROJECT, { name: "X", aliases: [], identifier: "Q12b" })).rejects.toThrow(/Wikidata/);
    await expect(createActor(PROJECT, { name: "  ", aliases: [] })).rejects.toThrow(/needs a name/);
  });

  it("renames an actor: its spans follow without being rewritten, the old name becomes an alias, undo brings it back", async () => {
    const actor = await createActor(PROJECT, { name: "Haniyeh", aliases: [], notes: "old" });
    await putSpans([span("s1", "a", 20, 27, actor.id)]);
    const renamed = await updateActor(actor, { name: "Ismail Haniyeh", aliases: ["Haniya"], kind: "person", notes: "" });
    expect(renamed).toMatchObject({ name: "Ismail Haniyeh", aliases: ["Haniya", "Haniyeh"], kind: "person" });
    expect(renamed.notes).toBeUndefined();
    expect((await storedSpan("s1"))?.actorId).toBe(actor.id);
    expect(spanCounts(await db.actors.toArray(), await storedSpans()).get(actor.id)).toEqual({ total: 1, merged: 0 });
    await history.undo();
    expect(await stored(actor.id)).toMatchObject({ name: "Haniyeh", aliases: [], notes: "old" });
  });

  it("merges two actors: aliases unioned, spans of the merged one count for the kept one, undo separates them", async () => {
    const keep = await createActor(PROJECT, { name: "Musa Abu Marzouq", aliases: ["Abu Marzouq"] });
    const gone = await createActor(PROJECT, { name: "Abu Marzouk", aliases: ["Mousa Abu Marzouk", "abu marzouq"], kind: "person", identifier: "Q2429253" });
    await putSpans([span("s1", "a", 0, 5, keep.id), span("s2", "a", 6, 10, gone.id), span("s3", "b", 0, 5, gone.id)]);
    const merged = await mergeActorInto(keep, gone);
    expect(merged.aliases).toEqual(["Abu Marzouq", "Abu Marzouk", "Mousa Abu Marzouk"]);
    expect(merged).toMatchObject({ kind: "person", identifier: "Q2429253" });
    expect((await stored(gone.id))?.mergedInto).toBe(keep.id);
    const counts = spanCounts(await db.actors.toArray(), await storedSpans());
    expect(counts.get(keep.id)).toEqual({ total: 3, merged: 2 });
    expect(counts.has(gone.id)).toBe(false);
    await history.undo();
    expect((await stored(gone.id))?.mergedInto).toBeUndefined();
    expect((await stored(keep.id))?.aliases).toEqual(["Abu Marzouq"]);
    expect(spanCounts(await db.actors.toArray(), await storedSpans()).get(keep.id)).toEqual({ total: 1, merged: 0 });
  });

  it("deletes an actor and clears the actor link of its spans (also through a merge) in one step; the spans stay; undo restores both", async () => {
    const keep = await createActor(PROJECT, { name: "Hamas", aliases: [] });
    const gone = await createActor(PROJECT, { name: "HAMAS movement", aliases: [] });
    await putSpans([span("s1", "a", 0, 5, keep.id), span("s2", "b", 0, 5, gone.id), span("s3", "b", 9, 13)]);
    await mergeActorInto(keep, gone);
    const keptNow = (await stored(keep.id))!;
    expect(await deleteActor(keptNow)).toBe(2);
    expect((await stored(keep.id))?.deleted).toBe(true);
    const spans = await storedSpans();
    expect(spans.map((s) => [s.id, s.deleted, s.actorId, s.start, s.end])).toEqual([
      ["s1", false, undefined, 0, 5],
      ["s2", false, undefined, 0, 5],
      ["s3", false, undefined, 9, 13],
    ]);
    await history.undo();
    expect((await stored(keep.id))?.deleted).toBe(false);
    expect((await storedSpan("s1"))?.actorId).toBe(keep.id);
    expect((await storedSpan("s2"))?.actorId).toBe(gone.id);
  });
});

describe("tag all mentions", () => {
  async function haniyeh(): Promise<ActorRecord> {
    return createActor(PROJECT, { name: "Ismail Haniyeh", aliases: ["Haniyeh", "Haniya"] });
  }

  it("finds every alias in the whole project, skips what is tagged as this actor, and shows each in context", async () => {
    const actor = await haniyeh();
    // "Haniyeh" at the end of document a is already tagged as this actor.
    const tagged = TEXT_A.lastIndexOf("Haniyeh");
    await putSpans([span("s1", "a", tagged, tagged + 7, actor.id)]);
    const items = await findActorMentions(actor, null);
    expect(items.map((m) => [m.title, m.text])).toEqual([
      ["Gaza talks", "Ismail Haniyeh"],
      ["Gaza talks", "HANIYA"],
      ["Doha visit", "Isma'il Haniyeh"],
    ]);
    expect(items[1]).toMatchObject({ before: "…leader Ismail Haniyeh met mediators. ", after: " said Hamas’s offer stands; Haniyeh…" });
    const inA = await findActorMentions(actor, { docId: "a" });
    expect(inA.map((m) => m.text)).toEqual(["Ismail Haniyeh", "HANIYA"]);
  });

  it("tags the kept mentions in one undoable step", async () => {
    const actor = await haniyeh();
    const items = await findActorMentions(actor, null);
    const label = actorLabel(DEFAULT_LABELS)!;
    expect(label.id).toBe("actor");
    expect(items.map((m) => m.text)).toEqual(["Ismail Haniyeh", "HANIYA", "Haniyeh", "Isma'il Haniyeh"]);
    // The user unticks the bare "Haniyeh".
    const kept = items.filter((m) => m.text !== "Haniyeh");
    const made = await tagMentions(actor, kept, label, "Ana");
    expect(made).toHaveLength(3);
    const spans = (await storedSpans()).filter((s) => !s.deleted);
    expect(spans.map((s) => [s.docId, TEXT_FOR[s.docId]!.slice(s.start, s.end), s.label, s.actorId, s.annotator])).toEqual(
      expect.arrayContaining([
        ["a", "Ismail Haniyeh", "actor", actor.id, "Ana"],
        ["a", "HANIYA", "actor", actor.id, "Ana"],
        ["b", "Isma'il Haniyeh", "actor", actor.id, "Ana"],
      ]),
    );
    expect(spans).toHaveLength(3);
    // Found again: nothing left but the mention not kept.
    expect((await findActorMentions(actor, null)).map((m) => m.text)).toEqual(["Haniyeh"]);
    // Tagging the same mentions twice makes no second span.
    expect(await tagMentions(actor, kept, label, "Ana")).toEqual([]);
    await history.undo();
    expect(await liveSpanCount()).toBe(0);
    await history.redo();
    expect(await liveSpanCount()).toBe(3);
  });

  it("has no actor label to tag with when no label links to the registry", () => {
    expect(actorLabel([{ id: "actor", name: "Actor", color: "#000000", key: "1", attributes: [] }])).toBeUndefined();
  });
});

const TEXT_FOR: Record<string, string> = { a: TEXT_A, b: TEXT_B };
