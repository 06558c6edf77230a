import { annotatorCounts } from "../store/annotatorCounts";
import { LAYER_STYLES } from "../reader/spanDecorations";

export interface Layer {
  annotator: string;
  count: number;
  index: number;
}

/** The annotators of a document's spans, in a stable order (by name), each with its layer index. */
export function layersOf(spans: readonly { annotator: string }[]): Layer[] {
  return layersOfCounts(annotatorCounts(spans));
}

/** The layers of live spans counted per annotator (kept up to date per change by store/useDocumentSpans.ts). */
export function layersOfCounts(counts: ReadonlyMap<string, number>): Layer[] {
  return [...counts.keys()].sort((a, b) => a.localeCompare(b)).map((annotator, index) => ({ annotator, count: counts.get(annotator)!, index }));
}

/** Initials for a badge: "Ana Lima" → "AL", "ben" → "BE". */
export function layerTag(annotator: string): string {
  const words = annotator.trim().split(/\s+/u).filter(Boolean);
  const letters = words.length > 1 ? words.slice(0, 2).map((w) => [...w][0] ?? "") : [...(words[0] ?? "?")].slice(0, 2);
  return letters.join("").toUpperCase();
}

interface LayersProps {
  layers: readonly Layer[];
  hidden: readonly string[];
  onChange(hidden: string[]): void;
}

/** Shows one annotator's spans, several, or all. */
export function Layers({ layers, hidden, onChange }: LayersProps) {
  if (layers.length === 0) return null;
  const hiddenSet = new Set(hidden);
  return (
    <div className="sw-layers" role="group" aria-label="Annotator layers">
      <span>Layers:</span>
      {layers.map((layer) => (
        <label key={layer.annotator} title={`${layer.count} span${layer.count === 1 ? "" : "s"} by ${layer.annotator}`}>
          <input
            type="checkbox"
            checked={!hiddenSet.has(layer.annotator)}
            onChange={(e) => onChange(e.target.checked ? hidden.filter((a) => a !== layer.annotator) : [...hidden, layer.annotator])}
          />
          {layers.length > 1 && <span className="sw-layer-sample" data-layer={layer.index % LAYER_STYLES} aria-hidden="true" />}
          {layer.annotator} ({layer.count})
        </label>
      ))}
      {layers.length > 1 && (
        <button type="button" className="sw-button" onClick={() => onChange([])} disabled={hidden.length === 0}>
          Show all
        </button>
      )}
    </div>
  );
}
