import { useLayoutEffect, useState, type RefObject } from "react";

export interface Connector {
  id: string;
  from: string;
  to: string;
  /** The link type's name, written on the connector. */
  name: string;
}

interface Drawn extends Connector {
  path: string;
  labelX: number;
  labelY: number;
}

interface LinkConnectorsProps {
  /** The scrolling element that holds the reader. */
  container: RefObject<HTMLElement | null>;
  connectors: readonly Connector[];
  /** Changes whenever the drawn spans may have moved (new spans, a new document). */
  layoutKey: unknown;
}

/**
 * Where a link meets a span: the top middle of the span's first box in
 * reading order, relative to the container's content. A span that wraps
 * has a box per line, and one holding mixed directions several per line;
 * in a right-to-left paragraph the reading starts at the rightmost box of
 * the first line, where its badge is.
 */
function anchor(container: HTMLElement, spanId: string): { x: number; y: number } | null {
  const el = container.querySelector<HTMLElement>(`.sw-span[data-span-id="${CSS.escape(spanId)}"]`);
  if (!el) return null;
  const rect = firstBox([...el.getClientRects()], getComputedStyle(el).direction === "rtl");
  if (!rect) return null;
  const box = container.getBoundingClientRect();
  return { x: rect.left - box.left + container.scrollLeft + rect.width / 2, y: rect.top - box.top + container.scrollTop };
}

/** The box where reading of a span starts: on its first line, the leftmost (or rightmost, right to left). */
export function firstBox<R extends { left: number; top: number; width: number }>(rects: readonly R[], rtl: boolean): R | undefined {
  const top = Math.min(...rects.map((r) => r.top));
  const firstLine = rects.filter((r) => r.width > 0 && r.top < top + 2);
  return firstLine.reduce<R | undefined>((best, r) => (!best || (rtl ? r.left > best.left : r.left < best.left) ? r : best), undefined) ?? rects[0];
}

/** How much higher each further arc between the same two spans rises. */
const ARC_STEP = 20;

/** For each connector, how many connectors before it join the same two spans (in either direction). */
export function sharedEnds(connectors: readonly Pick<Connector, "id" | "from" | "to">[]): Map<string, number> {
  const seen = new Map<string, number>();
  const out = new Map<string, number>();
  for (const c of connectors) {
    const pair = c.from < c.to ? `${c.from}\u0000${c.to}` : `${c.to}\u0000${c.from}`;
    const n = seen.get(pair) ?? 0;
    seen.set(pair, n + 1);
    out.set(c.id, n);
  }
  return out;
}

/**
 * Links drawn over the reader as arcs from span to span, each with its type
 * written on it. Only the links of the selected span are given, so a long
 * paragraph with many links stays legible; the side panel lists them all.
 */
export function LinkConnectors({ container, connectors, layoutKey }: LinkConnectorsProps) {
  const [drawn, setDrawn] = useState<Drawn[]>([]);
  const [size, setSize] = useState({ width: 0, height: 0 });

  useLayoutEffect(() => {
    const root = container.current;
    if (!root) return;
    const measure = () => {
      const out: Drawn[] = [];
      const sharing = sharedEnds(connectors);
      for (const c of connectors) {
        const a = anchor(root, c.from);
        const b = anchor(root, c.to);
        if (!a || !b) continue;
        // An arc above both ends, higher the farther apart they are; arcs
        // joining the same two spans rise one above the other, so each
        // one's name shows.
        const lift = Math.min(80, 18 + Math.abs(b.x - a.x) / 8 + Math.abs(b.y - a.y) / 6) + ARC_STEP * (sharing.get(c.id) ?? 0);
        const top = Math.min(a.y, b.y) - lift;
        const path = `M ${a.x} ${a.y} C ${a.x} ${top}, ${b.x} ${top}, ${b.x} ${b.y}`;
        out.push({ ...c, path, labelX: (a.x + b.x) / 2, labelY: top + lift * 0.25 });
      }
      setDrawn(out);
      setSize({ width: root.scrollWidth, height: root.scrollHeight });
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(root);
    return () => observer.disconnect();
  }, [container, connectors, layoutKey]);

  if (drawn.length === 0) return null;
  return (
    <svg className="sw-connectors" width={size.width} height={size.height} aria-hidden="true">
      <defs>
        <marker id="sw-arrow" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
          <path d="M 0 0 L 8 4 L 0 8 z" />
        </marker>
      </defs>
      {drawn.map((d) => (
        <g key={d.id}>
          <path d={d.path} markerEnd="url(#sw-arrow)" />
          <text x={d.labelX} y={d.labelY} textAnchor="middle">
            {d.name}
          </text>
        </g>
      ))}
    </svg>
  );
}
