import { useCallback, useEffect, useRef, useState } from "react";
import type { LinkRecord, LinkTypeDef } from "../../shared/coding/model";
import type { SpanRecord } from "../../shared/model";
import { addLink, linkCandidates } from "../coding";
import type { ReaderHandle } from "../reader/Reader";

/** Choosing the target of a new link: the keyboard steps through the candidates, nearest first. */
export interface Linking {
  type: LinkTypeDef;
  from: SpanRecord;
  candidates: SpanRecord[];
  index: number;
}

interface LinkingInput {
  selectedSpan: SpanRecord | null;
  spans: readonly SpanRecord[];
  links: readonly LinkRecord[];
  annotator: string;
  reader: React.RefObject<ReaderHandle | null>;
  selectSpan(id: string | null): void;
  notify(text: string): void;
  report(write: Promise<unknown>): void;
}

/** Link mode: start from the selected span, step through the candidates, link one or cancel. */
export function useLinking(input: LinkingInput) {
  const [linking, setLinking] = useState<Linking | null>(null);
  const candidate = linking ? (linking.candidates[linking.index] ?? null) : null;
  useEffect(() => {
    if (candidate) input.reader.current?.scrollToSpan(candidate.id);
  }, [candidate, input.reader]);

  // Handlers read the latest values, so they stay the same functions across renders.
  const latest = useRef({ input, linking });
  latest.current = { input, linking };

  const start = useCallback((type: LinkTypeDef) => {
    const { selectedSpan: from, spans, notify } = latest.current.input;
    if (!from) return;
    const candidates = linkCandidates(type, from, spans);
    if (candidates.length === 0) {
      notify(`There is no ${type.to.join(" or ")} span in this document to link as ${type.name.toLowerCase()}. Tag one first.`);
      return;
    }
    setLinking({ type, from, candidates, index: 0 });
  }, []);

  const finish = useCallback((to: SpanRecord) => {
    const { linking: current, input: now } = latest.current;
    if (!current) return;
    setLinking(null);
    now.selectSpan(current.from.id);
    now.report(addLink(current.type, current.from, to, now.links, now.annotator));
  }, []);

  /** Moves to the next (+1) or previous (-1) candidate, wrapping around. */
  const step = useCallback((by: number) => {
    setLinking((current) => {
      if (!current) return current;
      const n = current.candidates.length;
      return { ...current, index: (current.index + by + n) % n };
    });
  }, []);

  const accept = useCallback(() => {
    const current = latest.current.linking;
    const to = current?.candidates[current.index];
    if (to) finish(to);
  }, [finish]);

  const cancel = useCallback(() => setLinking(null), []);

  /** The reader was clicked: in link mode, on the target; else it selects the span. */
  const onSpanClick = useCallback(
    (id: string | null) => {
      const { linking: current, input: now } = latest.current;
      if (!current) return now.selectSpan(id);
      const target = id ? current.candidates.find((c) => c.id === id) : undefined;
      if (target) finish(target);
      else if (id) now.notify(`That span cannot be the ${current.type.name.toLowerCase()} of this ${current.from.label}.`);
    },
    [finish],
  );

  /** Text was selected in the reader: outside link mode that lets the selected span go (a label key then tags the text). */
  const onTextSelected = useCallback(() => {
    if (!latest.current.linking) latest.current.input.selectSpan(null);
  }, []);

  return { linking, candidate, start, step, accept, cancel, onSpanClick, onTextSelected };
}

export type LinkingMode = ReturnType<typeof useLinking>;
