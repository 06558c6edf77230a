import type { SpanRecord } from "../../shared/model";
import { db } from "./db";
import { saveStatus } from "./saveStatus";

/** One span's state before and after a user action; `before` is null for a new span. */
export interface SpanEdit {
  before: SpanRecord | null;
  after: SpanRecord;
}

export interface HistoryEntry {
  label: string;
  docId: string;
  edits: SpanEdit[];
}

/**
 * Writes span records in one transaction and marks their project changed.
 * Every user change to spans goes through here, so it is committed before
 * anything shows it as saved.
 */
export async function writeSpans(records: SpanRecord[]): Promise<void> {
  if (records.length === 0) return;
  const projectIds = [...new Set(records.map((r) => r.projectId))];
  const now = Date.now();
  await saveStatus.track(() =>
    db.transaction("rw", db.spans, db.projects, async () => {
      await db.spans.bulkPut(records);
      for (const id of projectIds) await db.projects.update(id, { updatedAt: now });
    }),
  );
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

  /** Applies an action's edits and remembers it for undo. */
  perform(entry: HistoryEntry): Promise<void> {
    return this.enqueue(async () => {
      await writeSpans(entry.edits.map((e) => e.after));
      this.undoStack.push(entry);
      this.redoStack = [];
      this.emit();
    });
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
    await writeSpans(
      entry.edits.map((e) => (e.before ? { ...e.before, updatedAt: now } : { ...e.after, deleted: true, updatedAt: now })),
    );
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
    await writeSpans(entry.edits.map((e) => ({ ...e.after, updatedAt: now })));
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
