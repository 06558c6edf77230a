import type { ActorRecord, LinkRecord } from "../../shared/coding/model";
import { tombstone, type SpanRecord } from "../../shared/model";
import { db } from "./db";
import { saveStatus } from "./saveStatus";
import { putSpans } from "./spans";

/** One record's state before and after a user action; `before` is null for a new record. */
export interface Edit<T> {
  before: T | null;
  after: T;
}

export type SpanEdit = Edit<SpanRecord>;

/**
 * One user action: the spans, links and registry actors it changed. Undone
 * and redone as a whole (removing a span removes its links; undo brings
 * both back).
 */
export interface HistoryEntry {
  label: string;
  /** The document to show when the action is undone or redone; null for project-wide actions. */
  docId: string | null;
  edits: SpanEdit[];
  linkEdits?: Edit<LinkRecord>[];
  actorEdits?: Edit<ActorRecord>[];
}

/** Records to write together. */
export interface RecordWrite {
  spans?: SpanRecord[];
  links?: LinkRecord[];
  actors?: ActorRecord[];
}

/**
 * Writes spans, links and actors in one transaction and marks their
 * projects changed. Every user change to them goes through here, so it is
 * committed before anything shows it as saved.
 */
export async function writeRecords({ spans = [], links = [], actors = [] }: RecordWrite): Promise<void> {
  if (spans.length + links.length + actors.length === 0) return;
  const projectIds = [...new Set([...spans, ...links, ...actors].map((r) => r.projectId))];
  const now = Date.now();
  await saveStatus.track(() =>
    db.transaction("rw", [db.spanSets, db.links, db.actors, db.projects], async () => {
      await putSpans(spans);
      if (links.length) await db.links.bulkPut(links);
      if (actors.length) await db.actors.bulkPut(actors);
      for (const id of projectIds) await db.projects.update(id, { updatedAt: now });
    }),
  );
}

/** The records an action leaves: each edit's `after`. */
function afterOf(entry: HistoryEntry, now?: number): RecordWrite {
  const stamp = <T extends { updatedAt: number }>(r: T): T => (now === undefined ? r : { ...r, updatedAt: now });
  return {
    spans: entry.edits.map((e) => stamp(e.after)),
    links: (entry.linkEdits ?? []).map((e) => stamp(e.after)),
    actors: (entry.actorEdits ?? []).map((e) => stamp(e.after)),
  };
}

/** The records undoing an action writes: each `before` again, or a tombstone of what was new. */
function beforeOf(entry: HistoryEntry, now: number): RecordWrite {
  const revert = <T extends { updatedAt: number; deleted: boolean }>(e: Edit<T>): T => (e.before ? { ...e.before, updatedAt: now } : tombstone(e.after, now));
  return { spans: entry.edits.map(revert), links: (entry.linkEdits ?? []).map(revert), actors: (entry.actorEdits ?? []).map(revert) };
}

/**
 * Undo and redo over committed actions. Undoing writes a new version of each
 * record (with a fresh updatedAt) rather than erasing history, so a colleague
 * merging later sees the undo as the latest edit; undoing a new span leaves a
 * tombstone.
 */
export class History {
  private undoStack: HistoryEntry[] = [];
  private redoStack: HistoryEntry[] = [];
  private listeners = new Set<() => void>();
  /**
   * Actions run one after another: two quick Ctrl+Z presses must undo two
   * actions, not the same one twice, and a redo pressed while an undo is
   * still committing must see it.
   */
  private queue: Promise<unknown> = Promise.resolve();

  private enqueue<T>(step: () => Promise<T>): Promise<T> {
    const run = this.queue.then(step, step);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * Applies an action's edits and remembers it for undo. With `before`, the
   * write waits for it (in its place in the queue, so actions keep their
   * order); the save status says "saving" from this call on, not only once
   * the write starts, so nothing shows as saved while the change waits.
   */
  perform(entry: HistoryEntry, before?: Promise<unknown>): Promise<void> {
    const run = () =>
      this.enqueue(async () => {
        await before;
        await writeRecords(afterOf(entry));
        this.undoStack.push(entry);
        this.redoStack = [];
        this.emit();
      });
    return before ? saveStatus.track(run) : run();
  }

  get canUndo(): boolean {
    return this.undoStack.length > 0;
  }

  get canRedo(): boolean {
    return this.redoStack.length > 0;
  }

  /** Reverts the last action; returns it, or null when there is nothing to undo. */
  undo(): Promise<HistoryEntry | null> {
    return this.enqueue(() => this.undoNow());
  }

  private async undoNow(): Promise<HistoryEntry | null> {
    const entry = this.undoStack.at(-1);
    if (!entry) return null;
    const now = Date.now();
    await writeRecords(beforeOf(entry, now));
    this.undoStack.pop();
    this.redoStack.push(entry);
    this.emit();
    return entry;
  }

  /** Applies the last undone action again; returns it, or null. */
  redo(): Promise<HistoryEntry | null> {
    return this.enqueue(() => this.redoNow());
  }

  private async redoNow(): Promise<HistoryEntry | null> {
    const entry = this.redoStack.at(-1);
    if (!entry) return null;
    const now = Date.now();
    await writeRecords(afterOf(entry, now));
    this.redoStack.pop();
    this.undoStack.push(entry);
    this.emit();
    return entry;
  }

  clear(): void {
    this.undoStack = [];
    this.redoStack = [];
    this.emit();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(): void {
    for (const l of this.listeners) l();
  }
}

export const history = new History();
