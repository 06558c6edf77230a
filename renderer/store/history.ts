import type { ActorRecord, LinkRecord } from "../../shared/coding/model";
import { tombstone, type SpanRecord } from "../../shared/model";
import { saveStatus } from "./saveStatus";
import { isRefusedChange, writeRecords, type Edit, type RecordEdits, type WrittenRecords } from "./writes";

export type { Edit } from "./writes";
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

type Revisable = { updatedAt: number; deleted: boolean };

/** The entry's edits as the store takes them. */
function recordEdits(entry: HistoryEntry, edit: <T extends Revisable>(e: Edit<T>) => Edit<T>): RecordEdits {
  return { spans: entry.edits.map(edit), links: (entry.linkEdits ?? []).map(edit), actors: (entry.actorEdits ?? []).map(edit) };
}

/** The entry with each edit's `side` replaced by the record as the store wrote it (with its new `rev`). */
function withWritten(entry: HistoryEntry, written: WrittenRecords, side: "before" | "after"): HistoryEntry {
  const put = <T>(edits: Edit<T>[] | undefined, records: T[]) => (edits ?? []).map((e, i) => ({ ...e, [side]: records[i]! }));
  return { ...entry, edits: put(entry.edits, written.spans), linkEdits: put(entry.linkEdits, written.links), actorEdits: put(entry.actorEdits, written.actors) };
}

/**
 * Undo and redo over committed actions. Undoing writes a new version of each
 * record (with a fresh updatedAt) rather than erasing history, so a colleague
 * merging later sees the undo as the latest edit; undoing a new span leaves a
 * tombstone. Each step is a compare-and-set: an undo writes the `before`
 * only where the record is still at the revision the action left it, so it
 * never destroys a change made since in another window or by a merge. Such
 * a step is refused whole, said in plain words, and dropped from the
 * history (it can never apply again).
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
   * Resolves with the records as written (with their new revisions).
   */
  perform(entry: HistoryEntry, before?: Promise<unknown>): Promise<WrittenRecords> {
    const run = () =>
      this.enqueue(async () => {
        await before;
        const written = await writeRecords(recordEdits(entry, (e) => e));
        this.undoStack.push(withWritten(entry, written, "after"));
        this.redoStack = [];
        this.emit();
        return written;
      });
    return before ? saveStatus.track(run) : run();
  }

  get canUndo(): boolean {
    return this.undoStack.length > 0;
  }

  get canRedo(): boolean {
    return this.redoStack.length > 0;
  }

  /** Reverts the last action; returns it, or null when there is nothing to undo. Rejects with a RefusedChange when it may not. */
  undo(): Promise<HistoryEntry | null> {
    return this.enqueue(() => this.step(this.undoStack, this.redoStack, "undone"));
  }

  /** Applies the last undone action again; returns it, or null. Rejects with a RefusedChange when it may not. */
  redo(): Promise<HistoryEntry | null> {
    return this.enqueue(() => this.step(this.redoStack, this.undoStack, "redone"));
  }

  /**
   * Undo: each record from the version the action left (`after`) back to
   * `before` (a tombstone for a new record). Redo: from the version the undo
   * left (now `before`) to `after` again.
   */
  private async step(from: HistoryEntry[], to: HistoryEntry[], kind: "undone" | "redone"): Promise<HistoryEntry | null> {
    const entry = from.at(-1);
    if (!entry) return null;
    const now = Date.now();
    const edit =
      kind === "undone"
        ? <T extends Revisable>(e: Edit<T>): Edit<T> => ({ before: e.after, after: e.before ? { ...e.before, updatedAt: now } : tombstone(e.after, now) })
        : <T extends Revisable>(e: Edit<T>): Edit<T> => ({ before: e.before, after: { ...e.after, updatedAt: now } });
    let written: WrittenRecords;
    try {
      written = await writeRecords(recordEdits(entry, edit), kind);
    } catch (err) {
      if (isRefusedChange(err)) {
        from.pop();
        this.emit();
      }
      throw err;
    }
    from.pop();
    to.push(withWritten(entry, written, kind === "undone" ? "before" : "after"));
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
