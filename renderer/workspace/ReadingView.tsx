import { useMemo, useRef } from "react";
import type { LinkRecord, LinkTypeDef } from "../../shared/coding/model";
import type { DocumentRecord, LabelDef, SpanRecord } from "../../shared/model";
import { LabelBar } from "../components/LabelBar";
import { Layers, type Layer } from "../components/Layers";
import { LinkConnectors, type Connector } from "../components/LinkConnectors";
import { PublicationDate } from "../components/PublicationDate";
import { applyLabel, redo, removeSelectedSpan, undo, type CommandContext } from "../commands";
import { Reader, type ReaderHandle } from "../reader/Reader";
import type { ReaderSpan, ReaderSpanChanges } from "../reader/spanDecorations";
import { writeSetting } from "../store/settings";
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
  run(command: (ctx: CommandContext) => Promise<void>): void;
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
        onLabel={(id) => run((ctx) => applyLabel(ctx, id))}
        onRemove={() => run(removeSelectedSpan)}
        onUndo={() => run(undo)}
        onRedo={() => run(redo)}
        onSnapping={(on) => void writeSetting("snapToWords", on)}
      />
      <h2 className="sw-doctitle" dir="auto">{doc.title}</h2>
      <PublicationDate doc={doc} onError={(m) => props.notify(m, "problem")} />
      <Layers layers={props.layers} hidden={props.hidden} onChange={props.onHidden} />
      {linking && (
        <div className="sw-linking" role="status">
          Linking {linking.from.label} “{text.slice(linking.from.start, linking.from.end)}” → {linking.type.name.toLowerCase()}:{" "}
          {candidate ? `“${text.slice(candidate.start, candidate.end)}”` : ""} ({linking.index + 1} of {linking.candidates.length}). Arrows or Tab to choose,
          Enter or a click to link, Escape to cancel.
        </div>
      )}
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

/** What the reading column shows before a document is open. */
export function Welcome({ documentCount }: { documentCount: number }) {
  return (
    <div className="sw-welcome">
      <h2>{documentCount ? "Open a document from the list" : "Import documents to begin"}</h2>
      <p>
        Select text and press <kbd>1</kbd> Actor, <kbd>2</kbd> Event, <kbd>3</kbd> Date, <kbd>4</kbd> Quote. Keyboard only: click into the text or Tab to
        it, move with the arrows (<kbd>Ctrl</kbd> for words), extend with <kbd>Shift</kbd>.
      </p>
    </div>
  );
}
