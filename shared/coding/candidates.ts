/**
 * The order in which the spans a new link may point to are proposed, best
 * first: the order the keyboard steps through them while linking.
 *
 * A quote's speaker is rarely the nearest actor anywhere: it is named in
 * the quote's sentence or the sentences around it, most often in an
 * attribution ("X said", "said X", "X told", "according to X"). An event's
 * target is rarely the actor already chosen as its source (and vice versa):
 * those are proposed last, and linking one anyway is warned about
 * (roleClash). Offsets are UTF-16, as inside the app.
 */
import type { LinkRecord, LinkRole, LinkTypeDef } from "./model";

export interface Extent {
  id: string;
  start: number;
  end: number;
}

/** How far around the quote sentences are looked for (characters each side). */
const REACH = 2000;

/** Words of saying that follow the speaker ("X said", "X, the minister, told reporters"). */
const SAYING_AFTER =
  /^\s*(?:,[^,.;!?"“”«»\n]{1,80},\s*)?(?:has |had |have |also |later |then |was |were |is )?(?:said|says|told|tells|added|adds|stated|states|noted|notes|warned|warns|explained|explains|wrote|writes|insisted|insists|stressed|stresses|declared|declares|announced|announces|argued|argues|claimed|claims|asked|asks|replied|replies|quoted)\b/iu;
/** Words of saying before the speaker ("said X", "according to the minister", Arabic "قال X", "بحسب X"). */
const SAYING_BEFORE =
  /(?:\b(?:said|says|told|added|stated|noted|warned|explained|wrote|insisted|stressed|declared|announced|argued|claimed|asked|replied|according to|quoting|quoted)|(?:^|\s)(?:و?قال|و?قالت|و?أضاف|و?أضافت|و?صرح|و?صرحت|و?أكد|و?أكدت|و?أوضح|و?بحسب|حسب|وفقا ل|وفقاً ل))\s+(?:the\s+|a\s+|an\s+)?$/iu;

/** Sentence boundaries of `text[from, to)`, as offsets into `text`. */
function sentences(text: string, from: number, to: number): Extent[] {
  const out: Extent[] = [];
  const segmenter = new Intl.Segmenter(undefined, { granularity: "sentence" });
  for (const s of segmenter.segment(text.slice(from, to))) {
    // A line break ends a sentence too: paragraphs are lines (headlines and datelines have no full stop).
    let at = from + s.index;
    for (const line of s.segment.split("\n")) {
      out.push({ id: String(out.length), start: at, end: at + line.length });
      at += line.length + 1;
    }
  }
  return out.filter((s) => /\S/u.test(text.slice(s.start, s.end)));
}

/** Whether the words around `span` name it as the one saying something. */
export function isAttributed(text: string, span: Extent): boolean {
  return SAYING_AFTER.test(text.slice(span.end, span.end + 120)) || SAYING_BEFORE.test(text.slice(Math.max(0, span.start - 40), span.start));
}

/**
 * Speaker candidates for `quote`, best first: an attributed actor in the
 * quote's sentences or the sentence before or after them; then any actor in
 * the quote's sentences; then in the sentences around; then the rest by
 * distance. Spans inside the quote come last of all: people quoted are
 * rarely their own speakers. Ties go to the nearer, then the earlier span.
 */
export function rankSpeakers<S extends Extent>(text: string, quote: Extent, actors: readonly S[]): S[] {
  const all = sentences(text, Math.max(0, quote.start - REACH), Math.min(text.length, quote.end + REACH));
  const own = all.filter((s) => s.start < quote.end && s.end > quote.start);
  const first = all.indexOf(own[0] ?? all[0]!);
  const last = all.indexOf(own.at(-1) ?? all[0]!);
  const near = { start: all[Math.max(0, first - 1)]?.start ?? quote.start, end: all[Math.min(all.length - 1, last + 1)]?.end ?? quote.end };
  const ownExtent = { start: own[0]?.start ?? quote.start, end: own.at(-1)?.end ?? quote.end };
  const within = (s: Extent, r: { start: number; end: number }) => s.start >= r.start && s.end <= r.end;
  const tier = (s: S): number => {
    if (s.start >= quote.start && s.end <= quote.end) return 4;
    if (within(s, near) && isAttributed(text, s)) return 0;
    if (within(s, ownExtent)) return 1;
    if (within(s, near)) return 2;
    return 3;
  };
  return byRank(actors, quote, tier);
}

/** Nearest first (by the gap between the spans), then the earlier, then by id. */
export function byDistance<S extends Extent>(spans: readonly S[], from: Extent): S[] {
  return byRank(spans, from, () => 0);
}

function byRank<S extends Extent>(spans: readonly S[], from: Extent, tier: (s: S) => number): S[] {
  const distance = (s: Extent) => (s.end <= from.start ? from.start - s.end : s.start >= from.end ? s.start - from.end : 0);
  return spans
    .map((s) => ({ s, t: tier(s), d: distance(s) }))
    .sort((a, b) => a.t - b.t || a.d - b.d || a.s.start - b.s.start || (a.s.id < b.s.id ? -1 : a.s.id > b.s.id ? 1 : 0))
    .map((r) => r.s);
}

/** Roles one span should not hold together for one event: who acted is not whom it was done to. */
const CLASHING: Partial<Record<LinkRole, LinkRole>> = { source: "target", target: "source" };

/**
 * The link types whose role clashes with `type`'s and that already link
 * `from` to `to` (an event's source, when `to` is being linked as its
 * target), by name; empty when there is no clash.
 */
export function roleClash(type: LinkTypeDef, fromId: string, toId: string, links: readonly LinkRecord[], types: readonly LinkTypeDef[]): LinkTypeDef[] {
  const other = type.role ? CLASHING[type.role] : undefined;
  if (!other) return [];
  const clashing = new Set(types.filter((t) => t.role === other).map((t) => t.id));
  const found = new Set(links.filter((l) => !l.deleted && l.from === fromId && l.to === toId && clashing.has(l.type)).map((l) => l.type));
  return types.filter((t) => found.has(t.id));
}

/**
 * The order to propose `targets` for a new link of `type` from `from`: a
 * speaker by the quote's sentences (rankSpeakers), anything else nearest
 * first; spans `from` already links in a clashing role go last.
 */
export function proposeTargets<S extends Extent>(
  text: string,
  type: LinkTypeDef,
  from: Extent,
  targets: readonly S[],
  links: readonly LinkRecord[],
  types: readonly LinkTypeDef[],
): S[] {
  const ranked = type.role === "speaker" ? rankSpeakers(text, from, targets) : byDistance(targets, from);
  const clashes = ranked.filter((s) => roleClash(type, from.id, s.id, links, types).length > 0);
  if (clashes.length === 0) return ranked;
  return [...ranked.filter((s) => !clashes.includes(s)), ...clashes];
}
