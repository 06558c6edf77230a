import { STORE_VERSION } from "../store/schemaVersion";
import type { PaintedSpan, StoredScreen } from "./screen";

/**
 * The first screen kept in localStorage: what the first paint draws, for
 * the document a new window reopens, so that a start paints it without
 * waiting for IndexedDB (whose first open in a fresh browser process takes
 * 90–300 ms, against a few ms for localStorage). A derived cache: the app
 * writes it from what its reader shows (store/firstScreenCache.ts), it is
 * never synced or exported, any window may drop it, and the first paint
 * checks it against the store right after painting (entry.ts). Only the
 * painted part of the text is kept, and only the spans that start in it.
 */

export const SNAPSHOT_KEY = "spanwise.firstScreen";
/** The layout of the kept value; another layout (an older or newer app) is not read. */
const SNAPSHOT_LAYOUT = 1;

/** Text drawn: more than the tallest window shows at the top of a document. */
const PAINTED_CHARS = 12_000;
const PAINTED_LINES = 160;

/** Where the painted part of `text` ends: the end of the line that passes PAINTED_CHARS, or of the PAINTED_LINES-th line. */
export function paintedEnd(text: string): number {
  let lineStart = 0;
  for (let line = 0; line < PAINTED_LINES && lineStart < PAINTED_CHARS; line++) {
    const end = text.indexOf("\n", lineStart);
    if (end < 0) return text.length;
    lineStart = end + 1;
  }
  return Math.max(0, lineStart - 1);
}

type PackedPaintedSpan = [id: string, start: number, end: number, label: string, annotator: string];

interface Snapshot {
  layout: number;
  store: number;
  projectId: string;
  docId: string;
  labels: { id: string; name: string; color: string; key: string }[];
  title: string;
  publishedAt: string | null;
  text: string;
  spans: PackedPaintedSpan[];
  layers: [string, number][];
  hidden: string[];
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The kept form of `screen`: the same screen always gives the same string (the check in entry.ts compares them). */
export function snapshotOf(screen: StoredScreen): string {
  const end = paintedEnd(screen.text);
  const spans = screen.spans
    .filter((s) => s.start < end)
    .map((s): PackedPaintedSpan => [s.id, s.start, s.end, s.label, s.annotator])
    .sort((a, b) => a[1] - b[1] || b[2] - a[2] || byText(a[0], b[0]));
  const snapshot: Snapshot = {
    layout: SNAPSHOT_LAYOUT,
    store: STORE_VERSION,
    projectId: screen.projectId,
    docId: screen.docId,
    labels: screen.labels.map(({ id, name, color, key }) => ({ id, name, color, key })),
    title: screen.title,
    publishedAt: screen.publishedAt,
    text: screen.text.slice(0, end),
    spans,
    layers: [...screen.layers].sort((a, b) => byText(a[0], b[0])),
    hidden: [...screen.hidden].sort(byText),
  };
  return JSON.stringify(snapshot);
}

const isString = (v: unknown): v is string => typeof v === "string";
const isCount = (v: unknown): v is number => typeof v === "number" && Number.isInteger(v) && v >= 0;

function isPackedSpan(v: unknown, textLength: number): v is PackedPaintedSpan {
  return Array.isArray(v) && v.length === 5 && isString(v[0]) && isCount(v[1]) && isCount(v[2]) && v[1] <= v[2] && v[1] <= textLength && isString(v[3]) && isString(v[4]);
}

/**
 * The kept value for a reopened project that shows no document (a new
 * window opens it on its welcome screen): a start has nothing to paint and
 * need not wait for the store to learn so.
 */
export function blankSnapshotOf(projectId: string): string {
  return JSON.stringify({ layout: SNAPSHOT_LAYOUT, store: STORE_VERSION, projectId, docId: null });
}

/** A kept value this app wrote for the current store, parsed; null for anything else. */
function parseKept(kept: string | null): Partial<Snapshot> | null {
  if (!kept) return null;
  let s: Partial<Snapshot> | null;
  try {
    s = JSON.parse(kept) as Partial<Snapshot> | null;
  } catch {
    return null;
  }
  return typeof s === "object" && s !== null && !Array.isArray(s) && s.layout === SNAPSHOT_LAYOUT && s.store === STORE_VERSION ? s : null;
}

/** Which project and document a kept value is of (docId null: the project with no document open), or null when it is not one this app wrote. */
export function keptIdentity(kept: string | null): { projectId: string; docId: string | null } | null {
  const s = parseKept(kept) as { projectId?: unknown; docId?: unknown } | null;
  if (!s || !isString(s.projectId) || !(s.docId === null || isString(s.docId))) return null;
  return { projectId: s.projectId, docId: s.docId };
}

/** The screen a kept value holds, or null when it holds none or is not one this app wrote for the current store (then the store is read). */
export function screenOfSnapshot(kept: string | null): StoredScreen | null {
  const s = parseKept(kept);
  if (!s) return null;
  if (!isString(s.projectId) || !isString(s.docId) || !isString(s.title) || !isString(s.text) || !(s.publishedAt === null || isString(s.publishedAt))) return null;
  if (!Array.isArray(s.labels) || !s.labels.every((l) => typeof l === "object" && l !== null && isString(l.id) && isString(l.name) && isString(l.color) && isString(l.key))) return null;
  const textLength = s.text.length;
  if (!Array.isArray(s.spans) || !s.spans.every((span) => isPackedSpan(span, textLength))) return null;
  if (!Array.isArray(s.layers) || !s.layers.every((l) => Array.isArray(l) && l.length === 2 && isString(l[0]) && isCount(l[1]))) return null;
  if (!Array.isArray(s.hidden) || !s.hidden.every(isString)) return null;
  return {
    projectId: s.projectId,
    docId: s.docId,
    labels: s.labels,
    title: s.title,
    publishedAt: s.publishedAt,
    text: s.text,
    spans: s.spans.map(([id, start, end, label, annotator]): PaintedSpan => ({ id, start, end, label, annotator })),
    layers: s.layers,
    hidden: s.hidden,
  };
}
