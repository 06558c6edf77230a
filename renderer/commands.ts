import type { LinkRecord, LinkTypeDef } from "../shared/coding/model";
import type { DocumentRecord, LabelDef, SpanRecord } from "../shared/model";
import { newSpan, removeSpanWithLinks } from "./coding";
import { snapToWords } from "../shared/snap";
import type { ReaderHandle } from "./reader/Reader";
import type { ReaderSpan } from "./reader/spanDecorations";
import { history } from "./store/history";
import type { WrittenRecords } from "./store/writes";
import { afterNextPaint } from "./nextPaint";
import { labelTarget } from "./reader/labelTarget";
import { innerSpan, outerSpan } from "./reader/nesting";

/** What a command may read and do. Built fresh by the app for each invocation. */
export interface CommandContext {
  doc: DocumentRecord | null;
  text: string | null;
  labels: readonly LabelDef[];
  annotator: string;
  snapping: boolean;
  reader: ReaderHandle | null;
  selectedSpan: SpanRecord | null;
  /** When the selected span was selected (performance.now()). */
  spanSelectedAt: number;
  /** The open document's spans shown in the reader. */
  spans: readonly SpanRecord[];
  /** The open document's links, tombstones included. */
  links: readonly LinkRecord[];
  /** Selects a span; `record` is a span just tagged, not yet delivered by the store. */
  selectSpan(id: string | null, record?: SpanRecord): void;
  openDocument(id: string): void;
  /** Draws a span as pending until the store delivers it saved. */
  showPending(span: ReaderSpan): void;
  dropPending(id: string): void;
  notify(message: string): void;
}

/**
 * Tags the selected text with a label, or relabels the selected span:
 * whichever of the two was selected last (see labelTarget). The keyboard,
 * the toolbar buttons and the menu all come here. The new span is selected,
 * so Delete, another label key or the details panel act on it at once.
 */
export async function applyLabel(ctx: CommandContext, labelId: string): Promise<void> {
  const { doc, text, reader } = ctx;
  const raw = reader?.selection() ?? null;
  const target = labelTarget({ spanSelected: ctx.selectedSpan !== null, spanSelectedAt: ctx.spanSelectedAt, textSelectedAt: raw?.at ?? null });
  if (target === "relabel" && ctx.selectedSpan) return relabel(ctx, ctx.selectedSpan, labelId);
  if (!doc || text === null || !reader) return;
  if (!raw) {
    ctx.notify("Select some text first, then press a label key.");
    return;
  }
  const range = snapToWords(text, raw.start, raw.end, { enabled: ctx.snapping });
  if (!range) {
    ctx.notify("The selection holds no words to tag.");
    return;
  }
  const label = ctx.labels.find((l) => l.id === labelId);
  const span = newSpan({ doc, text, start: range.start, end: range.end, labelId, label, annotator: ctx.annotator }, Date.now());
  ctx.showPending({ ...span, pending: true });
  reader.collapseTo(range.end);
  ctx.selectSpan(span.id, span);
  try {
    // The write starts once the frame showing the new span is painted: the key press stays one short task.
    await remember(span, history.perform({ label: `Tag ${label?.name ?? labelId}`, docId: doc.id, edits: [{ before: null, after: span }] }, afterNextPaint()));
  } catch (err) {
    ctx.dropPending(span.id);
    ctx.selectSpan(null);
    throw err;
  }
}

async function relabel(ctx: CommandContext, selected: SpanRecord, labelId: string): Promise<void> {
  const span = await asWritten(selected);
  if (span.label === labelId) return;
  const after = { ...span, label: labelId, updatedAt: Date.now() };
  await remember(span, history.perform({ label: "Change label", docId: span.docId, edits: [{ before: span, after }] }));
}

/**
 * The newest version of each span this window wrote lately, as the store
 * wrote it (with its revision). A span just tagged is selected before the
 * store delivers it back; a key acting on it at once (Delete, a relabel)
 * must name the revision the store has, or the compare-and-set write is
 * refused. Bounded: the store's own copy arrives within a frame or two.
 */
const recentWrites = new Map<string, Promise<SpanRecord | undefined>>();
const RECENT_WRITES = 50;

function remember(span: SpanRecord, write: Promise<WrittenRecords>): Promise<WrittenRecords> {
  recentWrites.delete(span.id);
  recentWrites.set(
    span.id,
    write.then(
      (w) => w.spans.find((s) => s.id === span.id),
      () => undefined,
    ),
  );
  if (recentWrites.size > RECENT_WRITES) recentWrites.delete(recentWrites.keys().next().value!);
  return write;
}

/** `span`, or the newer version of it this window has written (waiting for that write to finish). */
async function asWritten(span: SpanRecord): Promise<SpanRecord> {
  const written = await recentWrites.get(span.id);
  return written && (written.rev ?? -1) > (span.rev ?? -1) ? written : span;
}

/** Removes the selected span (a tombstone, so the removal travels when merged). */
export async function removeSelectedSpan(ctx: CommandContext): Promise<void> {
  if (!ctx.selectedSpan) return;
  const span = await asWritten(ctx.selectedSpan);
  await removeSpanWithLinks(span, ctx.links);
  ctx.selectSpan(null);
}

/** Alt+ArrowUp / Alt+ArrowDown: selects the span around (outer) or inside (inner) the selected one, and brings it into view. */
export function selectNested(ctx: CommandContext, direction: "outer" | "inner"): void {
  const from = ctx.selectedSpan;
  if (!from) return;
  const next = direction === "outer" ? outerSpan(ctx.spans, from) : innerSpan(ctx.spans, from);
  if (!next) {
    ctx.notify(direction === "outer" ? "No span is around this one." : "No span is inside this one.");
    return;
  }
  ctx.selectSpan(next.id);
  ctx.reader?.scrollToSpan(next.id);
}

export async function undo(ctx: CommandContext): Promise<void> {
  const entry = await history.undo();
  if (entry?.docId && entry.docId !== ctx.doc?.id) ctx.openDocument(entry.docId);
  if (entry) ctx.selectSpan(null);
}

export async function redo(ctx: CommandContext): Promise<void> {
  const entry = await history.redo();
  if (entry?.docId && entry.docId !== ctx.doc?.id) ctx.openDocument(entry.docId);
  if (entry) ctx.selectSpan(null);
}

export type KeyCommand =
  | { kind: "label"; labelId: string }
  | { kind: "link"; typeId: string }
  | { kind: "accept" }
  | { kind: "remove" }
  | { kind: "undo" }
  | { kind: "redo" }
  | { kind: "deselect" }
  /** Alt+ArrowUp / Alt+ArrowDown: select the span around, or inside, the selected one. */
  | { kind: "outer" }
  | { kind: "inner" };

/** The command a key press asks for, or null. Pure, so it is tested without a browser. */
export function commandForKey(
  event: Pick<KeyboardEvent, "key" | "ctrlKey" | "metaKey" | "shiftKey" | "altKey">,
  labels: readonly Pick<LabelDef, "id" | "key">[],
  /** Link types that may start from the selected span; none when no span is selected. */
  linkTypes: readonly Pick<LinkTypeDef, "id" | "key">[] = [],
): KeyCommand | null {
  const mod = event.ctrlKey || event.metaKey;
  const key = event.key.toLowerCase();
  if (mod && !event.altKey) {
    if (key === "z") return event.shiftKey ? { kind: "redo" } : { kind: "undo" };
    if (key === "y" && !event.shiftKey) return { kind: "redo" };
    return null;
  }
  if (event.altKey) {
    if (event.shiftKey) return null;
    return event.key === "ArrowUp" ? { kind: "outer" } : event.key === "ArrowDown" ? { kind: "inner" } : null;
  }
  if (event.key === "Delete" || event.key === "Backspace") return { kind: "remove" };
  if (event.key === "Escape") return { kind: "deselect" };
  if (event.key === "Enter" && !event.shiftKey) return { kind: "accept" };
  const link = linkTypes.find((t) => t.key !== undefined && t.key === event.key);
  if (link) return { kind: "link", typeId: link.id };
  const label = labels.find((l) => l.key === event.key);
  return label ? { kind: "label", labelId: label.id } : null;
}
