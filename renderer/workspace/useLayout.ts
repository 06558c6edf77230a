import { useCallback, useEffect, useState } from "react";

/**
 * Below 1000 px the documents list and the span panel leave the reading
 * column's side and become drawers over it, so the text keeps a readable
 * measure (the two panels and a 230 px text column were all an 800 px
 * window had before).
 */
export const NARROW_QUERY = "(max-width: 999px)";

function useMediaQuery(query: string): boolean {
  const [matches, setMatches] = useState(() => typeof matchMedia === "function" && matchMedia(query).matches);
  useEffect(() => {
    const list = matchMedia(query);
    const change = () => setMatches(list.matches);
    change();
    list.addEventListener("change", change);
    return () => list.removeEventListener("change", change);
  }, [query]);
  return matches;
}

export type Panel = "documents" | "side";

/** Which side panels are shown: beside the text in a wide window (both, unless hidden), as one drawer at a time in a narrow one. */
export function useLayout() {
  const narrow = useMediaQuery(NARROW_QUERY);
  const [hiddenWide, setHiddenWide] = useState<ReadonlySet<Panel>>(new Set());
  const [drawer, setDrawer] = useState<Panel | null>(null);
  // A drawer left open would cover the text when the window grows and shrinks again.
  useEffect(() => setDrawer(null), [narrow]);
  const isOpen = (panel: Panel) => (narrow ? drawer === panel : !hiddenWide.has(panel));
  const toggle = useCallback(
    (panel: Panel) => {
      if (narrow) setDrawer((d) => (d === panel ? null : panel));
      else
        setHiddenWide((h) => {
          const next = new Set(h);
          if (!next.delete(panel)) next.add(panel);
          return next;
        });
    },
    [narrow],
  );
  const closeDrawer = useCallback(() => setDrawer(null), []);
  return { narrow, isOpen, toggle, closeDrawer };
}
