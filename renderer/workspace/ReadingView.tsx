import { useEffect, useMemo, useRef } from "react";
import { endFirstPaint } from "../firstPaint/handover";
import type { LinkRecord, LinkTypeDef } from "../../shared/coding/model";
import type { DocumentRecord, LabelDef, SpanRecord } from "../../shared/model";
import { LabelBar } from "../components/LabelBar";
import { Layers, type Layer } from "../components/Layers";
import { LinkConnectors, type Connector } from "../components/LinkConnectors";
import { PublicationDate } from "../components/PublicationDate";
import { Reader, type ReaderHandle } from "../reader/Reader";
import type { ReaderSpan, ReaderSpanChanges } from "../reader/spanDecorations";
import { writeSetting } from "../store/settings";
import { LinkingStatus } from "./LinkingStatus";
import type { Linking } from "./useLinking";

interface ReadingViewProps {
  doc: DocumentRecord;
  text: string;
  labels: readonly LabelDef[];
  linkTypes: readonly LinkTypeDef[];
  links: readonly LinkRecord[];
  shownSpans: readonly ReaderSpan[];
  /** How shownSpans differs from the list before it, when known (store/useDocumentSpans.ts). */
  shownChanges?: ReaderSpanChanges | null;
  selectedSpan: SpanRecord | null;
  selectedSpanId: string | null;
  snapping: boolean;
  layers: readonly Layer[];
  hidden: readonly string[];
  onHidden(hidden: string[]): void;
  linking: Linking | null;
  candidate: SpanRecord | null;
  onSpanClick(id: string | null): void;
  onTextSelected(): void;
  reader: React.RefObject<ReaderHandle | null>;
  keysOf(commandId: string): readonly string[];
  run(commandId: string): void;
  notify(text: string, kind?: "info" | "problem"): void;
}

/** The open document: the label bar, its title and date, layers, the link-mode banner, and the text with its spans and link arcs. */
export function ReadingView(props: ReadingViewProps) {
  const { doc, text, labels, linkTypes, links, shownSpans, selectedSpan, linking, candidate, run } = props;
  const scroller = useRef<HTMLDivElement>(null);

  // The selected span's links, drawn over the reader.
  const connectors = useMemo<Connector[]>(() => {
    const focus = linking?.from ?? selectedSpan;
    if (!focus) return [];
    const names = new Map(linkTypes.map((t) => [t.id, t.name]));
    return links
      .filter((l) => !l.deleted && (l.from === focus.id || l.to === focus.id))
      .map((l) => ({ id: l.id, from: l.from, to: l.to, name: names.get(l.type) ?? l.type }));
  }, [links, selectedSpan, linking, linkTypes]);

  return (
    <>
      <LabelBar
        labels={labels}
        selectedSpan={selectedSpan}
        snapping={props.snapping}
        keysOf={props.keysOf}
        run={run}
        onSnapping={(on) => void writeSetting("snapToWords", on)}
        status={linking && <LinkingStatus text={text} linking={linking} candidate={candidate} />}
      />
      <h2 className="sw-doctitle" dir="auto">{doc.title}</h2>
      <PublicationDate doc={doc} onError={(m) => props.notify(m, "problem")} />
      <Layers layers={props.layers} hidden={props.hidden} onChange={props.onHidden} />
      <div className="sw-reader-scroll" ref={scroller}>
        <Reader
          key={doc.id}
          text={text}
          spans={shownSpans}
          changes={props.shownChanges ?? null}
          labels={labels}
          selectedSpanId={candidate?.id ?? props.selectedSpanId}
          onSpanClick={props.onSpanClick}
          onTextSelected={props.onTextSelected}
          handle={props.reader}
        />
        <LinkConnectors container={scroller} connectors={connectors} layoutKey={shownSpans} />
      </div>
    </>
  );
}

/** What the reading column shows before a document is open; the label keys are the project's own. */
export function Welcome({ documentCount, labels }: { documentCount: number; labels: readonly LabelDef[] }) {
  useEffect(endFirstPaint, []);
  const keyed = labels.filter((l) => l.key);
  return (
    <div className="sw-welcome">
      <h2>{documentCount ? "Open a document from the list" : "Import documents to begin"}</h2>
      <p>
        Select text and press{" "}
        {keyed.map((l, i) => (
          <span key={l.id}>
            {i > 0 && ", "}
            <kbd>{l.key}</kbd> {l.name}
          </span>
        ))}
        . Keyboard only: click into the text or Tab to it, move with the arrows (<kbd>Ctrl</kbd> for words), extend with <kbd>Shift</kbd>. Press{" "}
        <kbd>?</kbd> for every shortcut.
      </p>
    </div>
  );
}
