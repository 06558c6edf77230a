/**
 * "Tag all mentions": every place a document names an actor by one of its
 * names or aliases, for a preview from which the user keeps what is right.
 *
 * Matching is on folded text (case, diacritics, apostrophe variants, dots,
 * hyphens and spacing: see names.ts), whole words only, so "Hamas" is found
 * in "HAMAS", "Hamas’s" and "Hamás" but not in "Hamasi". Transliteration
 * variants are not searched for: add them as aliases (the suggestions offer
 * them), so that what is tagged is always what the registry says.
 */
import type { SpanRecord } from "../model";
import type { ActorRecord } from "./model";
import { foldText, normalizeName, type FoldedText } from "./names";

/** One mention found; offsets are UTF-16, half-open, into the document text. */
export interface Mention {
  start: number;
  end: number;
  /** The name or alias it matched, as the registry spells it. */
  alias: string;
  /** The text at `[start, end)`. */
  text: string;
}

export interface FindMentionsOptions {
  /**
   * Ids of actors that count as this one: mentions overlapping a live span
   * linked to any of them are left out. Default: the actor's id and the ids
   * of actors merged into it, when `registry` is given.
   */
  registry?: readonly ActorRecord[];
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const APOSTROPHE = /['’ʼ]/;

/**
 * Every whole-word occurrence in `text` of the actor's name or aliases,
 * leftmost first and longest first where they overlap ("Musa Abu Marzouq"
 * rather than "Abu Marzouq" inside it), leaving out those that overlap a live
 * span of `spans` already linked to this actor.
 */
export function findMentions(text: string, actor: ActorRecord, spans: readonly SpanRecord[] = [], options: FindMentionsOptions = {}): Mention[] {
  return findInFolded(text, foldText(text), actor, spans, options);
}

/** {@link findMentions} over several documents (a project): the mentions of each that has any. */
export function findMentionsInDocuments(
  documents: readonly { docId: string; text: string; spans?: readonly SpanRecord[] }[],
  actor: ActorRecord,
  options: FindMentionsOptions = {},
): { docId: string; mentions: Mention[] }[] {
  const out: { docId: string; mentions: Mention[] }[] = [];
  for (const doc of documents) {
    const mentions = findMentions(doc.text, actor, doc.spans ?? [], options);
    if (mentions.length > 0) out.push({ docId: doc.docId, mentions });
  }
  return out;
}

function findInFolded(text: string, folded: FoldedText, actor: ActorRecord, spans: readonly SpanRecord[], options: FindMentionsOptions): Mention[] {
  const ids = new Set([actor.id]);
  for (const other of options.registry ?? []) if (other.mergedInto === actor.id) ids.add(other.id);
  const taken = coveredRanges(spans.filter((s) => !s.deleted && s.actorId !== undefined && ids.has(s.actorId)));

  const candidates: Mention[] = [];
  const seen = new Set<string>();
  for (const alias of [actor.name, ...actor.aliases]) {
    const needle = normalizeName(alias);
    if (needle === "" || seen.has(needle)) continue;
    seen.add(needle);
    for (let at = folded.folded.indexOf(needle); at >= 0; at = folded.folded.indexOf(needle, at + 1)) {
      const last = at + needle.length - 1;
      const start = folded.starts[at]!;
      const end = folded.ends[last]!;
      if (!wordStart(text, folded, at, start) || !wordEnd(text, folded, last, end)) continue;
      candidates.push({ start, end, alias, text: text.slice(start, end) });
    }
  }
  candidates.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Mention[] = [];
  let reached = -1;
  let next = 0;
  for (const mention of candidates) {
    if (mention.start < reached) continue;
    // Candidates come by start, and the taken ranges are disjoint and sorted: one pass over both.
    while (next < taken.length && taken[next]!.end <= mention.start) next++;
    if (next < taken.length && taken[next]!.start < mention.end) continue;
    out.push(mention);
    reached = mention.end;
  }
  return out;
}

/** The union of the spans' ranges, as disjoint ranges in order. */
function coveredRanges(spans: readonly { start: number; end: number }[]): { start: number; end: number }[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const out: { start: number; end: number }[] = [];
  for (const { start, end } of sorted) {
    const last = out[out.length - 1];
    if (last && start <= last.end) last.end = Math.max(last.end, end);
    else out.push({ start, end });
  }
  return out;
}

function wordStart(text: string, folded: FoldedText, at: number, start: number): boolean {
  if (at > 0 && LETTER_OR_DIGIT.test(folded.folded[at - 1]!)) return false;
  return start === 0 || !LETTER_OR_DIGIT.test(charBefore(text, start));
}

function wordEnd(text: string, folded: FoldedText, last: number, end: number): boolean {
  const next = charAt(text, end);
  if (next !== "" && LETTER_OR_DIGIT.test(next)) return false;
  const foldedNext = folded.folded[last + 1];
  if (foldedNext === undefined || !LETTER_OR_DIGIT.test(foldedNext)) return true;
  // A possessive: "Hamas’s" folds to "hamass", but the name ends at the apostrophe.
  return APOSTROPHE.test(next) && /^[sS]$/.test(charAt(text, end + 1)) && !LETTER_OR_DIGIT.test(charAt(text, end + 2) || " ");
}

function charAt(text: string, index: number): string {
  const code = text.codePointAt(index);
  return code === undefined ? "" : String.fromCodePoint(code);
}

function charBefore(text: string, index: number): string {
  const low = text.charCodeAt(index - 1);
  if (low >= 0xdc00 && low <= 0xdfff && index >= 2) return text.slice(index - 2, index);
  return text.slice(index - 1, index);
}
