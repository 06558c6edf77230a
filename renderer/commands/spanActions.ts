import type { LinkRecord, LinkTypeDef } from "../../shared/coding/model";
import type { DocumentRecord, LabelDef, SpanRecord } from "../../shared/model";
import { linksRemovedMessage } from "../../shared/coding/links";
import { newLinkEdits, newSpan, removeSpanWithLinks } from "../coding";
import { snapToWords } from "../../shared/snap";
import type { ReaderHandle } from "../reader/Reader";
import type { ReaderSpan } from "../reader/spanDecorations";
import { history } from "../store/history";
import type { WrittenRecords } from "../store/writes";
import { afterNextPaint } from "../nextPaint";
import { labelTarget } from "../reader/labelTarget";
import { innerSpan, outerSpan } from "../reader/nesting";

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
 * whichever of the two was selected last (see labelTarget). The label
 * commands of the registry (keys, label bar, menus) all come here. The new
 * span is selected, so Delete, another label key or the details panel act
 * on it at once.
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

/**
 * In link mode, with text selected since the link was started: tags the
 * text with a label the link may point to and links it, in one undoable
 * step ("tag the selection as an actor and link it as the speaker"). False
 * when there is no such selection, so the key does what it does in link
 * mode otherwise.
 */
export async function tagAndLink(ctx: CommandContext, labelId: string, linking: { type: LinkTypeDef; from: SpanRecord; startedAt: number }): Promise<boolean> {
  const { doc, text, reader } = ctx;
  const raw = reader?.selection() ?? null;
  if (!doc || text === null || !reader || !raw || raw.at < linking.startedAt) return false;
  const { type, from } = linking;
  const label = ctx.labels.find((l) => l.id === labelId);
  if (!type.to.includes(labelId)) {
    ctx.notify(`A ${type.name.toLowerCase()} link points to ${type.to.join(" or ")} spans, not ${label?.name ?? labelId}: press the key of one of those.`);
    return true;
  }
  const range = snapToWords(text, raw.start, raw.end, { enabled: ctx.snapping });
  if (!range) {
    ctx.notify("The selection holds no words to tag.");
    return true;
  }
  const now = Date.now();
  const span = newSpan({ doc, text, start: range.start, end: range.end, labelId, label, annotator: ctx.annotator }, now);
  const linkEdits = newLinkEdits(type, from, span, ctx.links, ctx.annotator, now) ?? [];
  ctx.showPending({ ...span, pending: true });
  reader.collapseTo(range.end);
  ctx.selectSpan(from.id);
  try {
    await remember(span, history.perform({ label: `Tag ${label?.name ?? labelId} and link ${type.name}`, docId: doc.id, edits: [{ before: null, after: span }], linkEdits }));
  } catch (err) {
    ctx.dropPending(span.id);
    throw err;
  }
  return true;
}

/** Removes the selected span (a tombstone, so the removal travels when merged). */
export async function removeSelectedSpan(ctx: CommandContext): Promise<void> {
  if (!ctx.selectedSpan) return;
  const span = await asWritten(ctx.selectedSpan);
  const linksRemoved = await removeSpanWithLinks(span, ctx.links);
  ctx.selectSpan(null);
  const message = linksRemovedMessage(linksRemoved);
  if (message) ctx.notify(message);
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
