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

/** The first line box of a span in the reader, relative to the container's content. */
function anchor(container: HTMLElement, spanId: string): { x: number; y: number } | null {
  const el = container.querySelector<HTMLElement>(`.sw-span[data-span-id="${CSS.escape(spanId)}"]`);
  const rect = el?.getClientRects()[0];
  if (!rect) return null;
  const box = container.getBoundingClientRect();
  return { x: rect.left - box.left + container.scrollLeft + rect.width / 2, y: rect.top - box.top + container.scrollTop };
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
      for (const c of connectors) {
        const a = anchor(root, c.from);
        const b = anchor(root, c.to);
        if (!a || !b) continue;
        // An arc above both ends, higher the farther apart they are.
        const lift = Math.min(80, 18 + Math.abs(b.x - a.x) / 8 + Math.abs(b.y - a.y) / 6);
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
