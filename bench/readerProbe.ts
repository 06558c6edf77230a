/**
 * What the reader should show for one document, read from the store, and
 * checks of what it does show: runs in the page (self-contained), after
 * `installProbe`. Used by the open and the tag scenarios.
 */

export interface ReaderProbe {
  /** The document's title is shown and text is painted in the reader's viewport. */
  textInView(): boolean;
  /** Every span that touches a paragraph in the viewport is drawn there. */
  spansInView(): boolean;
  /** The paragraph element of line `line` (0-based, "\n"-separated). */
  paragraph(line: number): Element | null;
  /** Lines that hold text, for picking places to tag. */
  textLines: number[];
  lines: string[];
}

declare global {
  interface Window {
    __reader: ReaderProbe;
  }
}

export async function installReaderProbe(title: string): Promise<number> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open("spanwise");
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const all = <T>(store: string, index: string | null, key: IDBValidKey | IDBKeyRange) =>
    new Promise<T[]>((resolve, reject) => {
      const os = db.transaction(store).objectStore(store);
      const req = (index ? os.index(index) : os).getAll(key);
      req.onsuccess = () => resolve(req.result as T[]);
      req.onerror = () => reject(req.error);
    });
  const docs = await all<{ id: string; title: string }>("documents", null, IDBKeyRange.lowerBound(""));
  const doc = docs.find((d) => d.title === title);
  if (!doc) throw new Error(`no document "${title}"`);
  const [textRow] = await all<{ text: string }>("texts", null, doc.id);
  // One record per span, keyed [docId+id] (renderer/store/db.ts).
  const records = await all<{ id: string; start: number; deleted: boolean }>("spans", null, IDBKeyRange.bound([doc.id, ""], [doc.id, "\uffff"]));
  const spans = records.map(({ id, start, deleted }) => ({ id, start, deleted }));
  db.close();

  const lines = textRow!.text.split("\n");
  const lineIndex = new Map<string, number>();
  const lineStarts: number[] = [];
  let at = 0;
  lines.forEach((line, i) => {
    lineStarts.push(at);
    at += line.length + 1;
    if (line) lineIndex.set(line, i);
  });
  const lineOf = (offset: number) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const spansByLine = new Map<number, string[]>();
  for (const s of spans) {
    if (s.deleted) continue;
    const line = lineOf(s.start);
    const list = spansByLine.get(line);
    if (list) list.push(s.id);
    else spansByLine.set(line, [s.id]);
  }

  const probe = window.__probe;
  const titleShown = () => document.querySelector(".sw-doctitle")?.textContent === title;
  window.__reader = {
    lines,
    textLines: lines.flatMap((line, i) => (line ? [i] : [])),
    textInView: () => titleShown() && probe.visibleParagraphs().some((p) => probe.lineText(p).length > 0),
    spansInView() {
      if (!titleShown()) return false;
      const visible = probe.visibleParagraphs();
      if (visible.length === 0) return false;
      for (const p of visible) {
        const text = probe.lineText(p);
        if (!text) continue;
        const line = lineIndex.get(text);
        if (line === undefined) return false;
        const expected = spansByLine.get(line);
        if (!expected) continue;
        const drawn = new Set<string>();
        for (const el of p.querySelectorAll<HTMLElement>(".sw-span[data-span-id]")) drawn.add(el.dataset.spanId!);
        if (!expected.every((id) => drawn.has(id))) return false;
      }
      return true;
    },
    paragraph(line) {
      const root = document.querySelector(".ProseMirror");
      if (!root) return null;
      const ps = root.getElementsByTagName("p");
      const guess = ps[line];
      if (guess && probe.lineText(guess) === lines[line]) return guess;
      for (const p of ps) if (probe.lineText(p) === lines[line] && lines[line]) return p;
      return null;
    },
  };
  return spans.length;
}
