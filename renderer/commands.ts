import type { LinkRecord, LinkTypeDef } from "../shared/coding/model";
import type { DocumentRecord, LabelDef, SpanRecord } from "../shared/model";
import { linksRemovedMessage } from "../shared/coding/links";
import { newSpan, removeSpanWithLinks } from "./coding";
import { snapToWords } from "../shared/snap";
import type { ReaderHandle } from "./reader/Reader";
import type { ReaderSpan } from "./reader/spanDecorations";
import { history } from "./store/history";
import { afterNextPaint } from "./nextPaint";

/** What a command may read and do. Built fresh by the app for each invocation. */
export interface CommandContext {
  doc: DocumentRecord | null;
  text: string | null;
  labels: readonly LabelDef[];
  annotator: string;
  snapping: boolean;
  reader: ReaderHandle | null;
  selectedSpan: SpanRecord | null;
  /** The open document's links, tombstones included. */
  links: readonly LinkRecord[];
  selectSpan(id: string | null): void;
  openDocument(id: string): void;
  /** Draws a span as pending until the store delivers it saved. */
  showPending(span: ReaderSpan): void;
  dropPending(id: string): void;
  notify(message: string): void;
}

/**
 * Tags the selected text with a label, or relabels the selected span. The
 * keyboard, the toolbar buttons and the menu all come here.
 */
export async function applyLabel(ctx: CommandContext, labelId: string): Promise<void> {
  if (ctx.selectedSpan) return relabel(ctx, ctx.selectedSpan, labelId);
  const { doc, text, reader } = ctx;
  if (!doc || text === null || !reader) return;
  const raw = reader.selection();
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
  try {
    // The write starts once the frame showing the new span is painted: the key press stays one short task.
    await history.perform({ label: `Tag ${label?.name ?? labelId}`, docId: doc.id, edits: [{ before: null, after: span }] }, afterNextPaint());
  } catch (err) {
    ctx.dropPending(span.id);
    throw err;
  }
}

async function relabel(ctx: CommandContext, span: SpanRecord, labelId: string): Promise<void> {
  if (span.label === labelId) return;
  const after = { ...span, label: labelId, updatedAt: Date.now() };
  await history.perform({ label: "Change label", docId: span.docId, edits: [{ before: span, after }] });
}

/** Removes the selected span (a tombstone, so the removal travels when merged). */
export async function removeSelectedSpan(ctx: CommandContext): Promise<void> {
  const span = ctx.selectedSpan;
  if (!span) return;
  const linksRemoved = await removeSpanWithLinks(span, ctx.links);
  ctx.selectSpan(null);
  const message = linksRemovedMessage(linksRemoved);
  if (message) ctx.notify(message);
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
  | { kind: "deselect" };

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
  if (event.altKey) return null;
  if (event.key === "Delete" || event.key === "Backspace") return { kind: "remove" };
  if (event.key === "Escape") return { kind: "deselect" };
  if (event.key === "Enter" && !event.shiftKey) return { kind: "accept" };
  const link = linkTypes.find((t) => t.key !== undefined && t.key === event.key);
  if (link) return { kind: "link", typeId: link.id };
  const label = labels.find((l) => l.key === event.key);
  return label ? { kind: "label", labelId: label.id } : null;
}
