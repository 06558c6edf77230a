import type { LabelDef, SpanRecord } from "../../shared/model";
import { innerSpan, nestingChain } from "../reader/nesting";

interface SpanNestingProps {
  span: SpanRecord;
  /** The document's live spans. */
  spans: readonly SpanRecord[];
  labels: readonly LabelDef[];
}

/**
 * Where the selected span sits among nested spans ("Actor ⊂ Event"), and
 * the keys that step out and in; nothing for a span that is not nested.
 */
export function SpanNesting({ span, spans, labels }: SpanNestingProps) {
  const chain = nestingChain(spans, span);
  const inner = innerSpan(spans, span);
  if (chain.length === 1 && !inner) return null;
  const name = (s: SpanRecord) => labels.find((l) => l.id === s.label)?.name ?? s.label;
  return (
    <p className="sw-nesting" aria-label="Nesting">
      {inner && <span>{name(inner)} ⊂ </span>}
      <strong>{name(span)}</strong>
      {chain.slice(1).map((s) => (
        <span key={s.id}> ⊂ {name(s)}</span>
      ))}
      <span className="sw-hint">
        {chain.length > 1 && (
          <>
            {" "}
            · <kbd>Alt+↑</kbd> outer
          </>
        )}
        {inner && (
          <>
            {" "}
            · <kbd>Alt+↓</kbd> inner
          </>
        )}
      </span>
    </p>
  );
}
