/**
 * Which mentions "Tag all mentions" should offer unticked: those inside a
 * span of the label they would be tagged with ("Hamas" inside the actor
 * span "Hamas political bureau") or inside a quote. Tagging them is rarely
 * meant, and one click on "Tag" would otherwise make nested duplicates; the
 * user still sees them, with the reason, and can tick them by hand.
 */
import type { LabelDef, SpanRecord } from "../model";
import type { LinkTypeDef } from "./codebook";

/** The labels whose spans are quotes: those a link with the speaker role starts from ("quote" by default). */
export function quoteLabelIds(types: readonly LinkTypeDef[]): Set<string> {
  return new Set(types.filter((t) => t.role === "speaker").flatMap((t) => t.from));
}

export interface NestingContext {
  /** The label the mentions would be tagged with. */
  label: Pick<LabelDef, "id" | "name">;
  /** Ids of the labels whose spans are quotes (see {@link quoteLabelIds}). */
  quoteLabels: ReadonlySet<string>;
}

/** Longest span text quoted in a reason before it is cut. */
const QUOTED_MAX = 48;

/**
 * For each mention (UTF-16 offsets into `text`), why it should start
 * unticked, or null: "inside the actor span “…”" when a live span of the
 * mention's label contains or equals it (the innermost such span is named),
 * else "inside a quote" when a live quote span contains it.
 */
export function nestedMentionReasons(
  text: string,
  mentions: readonly { start: number; end: number }[],
  spans: readonly SpanRecord[],
  context: NestingContext,
): (string | null)[] {
  const sameLabel: SpanRecord[] = [];
  const quotes: SpanRecord[] = [];
  for (const span of spans) {
    if (span.deleted) continue;
    if (span.label === context.label.id) sameLabel.push(span);
    else if (context.quoteLabels.has(span.label)) quotes.push(span);
  }
  const contains = (span: SpanRecord, m: { start: number; end: number }) => span.start <= m.start && m.end <= span.end;
  return mentions.map((mention) => {
    let inner: SpanRecord | undefined;
    for (const span of sameLabel) {
      if (contains(span, mention) && (!inner || span.end - span.start < inner.end - inner.start)) inner = span;
    }
    if (inner) return `inside the ${context.label.name.toLocaleLowerCase()} span “${quoted(text.slice(inner.start, inner.end))}”`;
    return quotes.some((span) => contains(span, mention)) ? "inside a quote" : null;
  });
}

/** A span's text on one line, cut with "…" when long: after a whole word when one ends in the second half, else between code points. */
function quoted(words: string): string {
  const line = words.replace(/\s+/g, " ").trim();
  const points = Array.from(line);
  if (points.length <= QUOTED_MAX) return line;
  const head = points.slice(0, QUOTED_MAX - 1).join("");
  const space = head.lastIndexOf(" ");
  return `${(space > head.length / 2 ? head.slice(0, space) : head).trimEnd()}…`;
}
