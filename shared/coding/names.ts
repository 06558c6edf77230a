/**
 * Names as news spells them: one person is "Haniyeh", "Haniya" and "Isma'il
 * Haniya"; one organization "Hamas" and "HAMAS". This module folds the
 * spelling differences that never distinguish two names (case, diacritics,
 * apostrophe variants, hyphens and spaces), builds transliteration keys for
 * those that usually do not (q/k, ou/u, doubled letters, -eh/-ah endings,
 * vowel quality), and ranks registry actors for a mention.
 *
 * Levenshtein distance comes from `fastest-levenshtein` (tiny, typed, no
 * dependencies, and the fastest implementation on npm): it is only used on
 * short keys, for the last, fuzzy tier of matching.
 */
import { distance } from "fastest-levenshtein";
import type { ActorRecord } from "./model";

/** Apostrophes and the letters transliterations use for ʿayn and hamza: dropped. */
const APOSTROPHES = new Set(["'", "’", "‘", "ʿ", "ʾ", "`", "´", "ʼ", "ʻ", "′", "ʹ"]);
/** Letters that Unicode decomposition leaves alone but readers treat as plain ones. */
const FOLDED_LETTERS: Readonly<Record<string, string>> = { ø: "o", ł: "l", đ: "d", ħ: "h", ı: "i", æ: "ae", œ: "oe", ß: "ss", þ: "th", ð: "d" };
const MARK = /\p{M}/u;
const MARKS = /\p{M}/gu;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

const foldCache = new Map<string, string>();

/**
 * How one character (code point) reads for matching: lower case without
 * diacritics; "" for apostrophes, dots and combining marks; " " for spaces,
 * hyphens, dashes and other punctuation.
 */
export function foldCodePoint(ch: string): string {
  const cached = foldCache.get(ch);
  if (cached !== undefined) return cached;
  let out: string;
  if (APOSTROPHES.has(ch) || ch === "." || MARK.test(ch)) out = "";
  else if (!LETTER_OR_DIGIT.test(ch)) out = " ";
  else {
    out = ch.normalize("NFKD").toLowerCase().normalize("NFKD").replace(MARKS, "");
    out = [...out].map((c) => FOLDED_LETTERS[c] ?? c).join("");
    // Compatibility decompositions can produce punctuation (e.g. "½" → "1⁄2").
    out = out.replace(/[^\p{L}\p{N}]/gu, " ");
  }
  if (foldCache.size < 10_000) foldCache.set(ch, out);
  return out;
}

/** A text folded for matching, with where each folded character came from. */
export interface FoldedText {
  /** Folded text: runs of spaces collapsed to one. */
  folded: string;
  /** For each character of `folded`, the UTF-16 start of the source character. */
  starts: number[];
  /** For each character of `folded`, the UTF-16 end of the source character, combining marks after it included. */
  ends: number[];
}

/** Folds `text` character by character (see {@link foldCodePoint}), keeping a map back to its offsets. */
export function foldText(text: string): FoldedText {
  // Characters gathered in an array: testing the end of a string built by
  // += makes V8 flatten it every time, quadratic on a long document.
  const chars: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  for (let i = 0; i < text.length; ) {
    const code = text.codePointAt(i)!;
    const width = code > 0xffff ? 2 : 1;
    const ch = text.slice(i, i + width);
    const out = foldCodePoint(ch);
    if (out === "") {
      // A combining mark belongs to the letter before it.
      if (ends.length > 0 && MARK.test(ch) && ends[ends.length - 1] === i) ends[ends.length - 1] = i + width;
    } else {
      for (const c of out) {
        if (c === " " && (chars.length === 0 || chars[chars.length - 1] === " ")) continue;
        chars.push(c);
        starts.push(i);
        ends.push(i + width);
      }
    }
    i += width;
  }
  return { folded: chars.join(""), starts, ends };
}

/**
 * A name with case, diacritics, apostrophes, dots, hyphens and spacing folded
 * away: "Isma'il  Haniyeh" and "ISMAIL HANIYEH" give "ismail haniyeh". Two
 * aliases with the same normalized form are the same alias.
 */
export function normalizeName(name: string): string {
  return foldText(name).folded.trim();
}

/**
 * A token's transliteration key: q→k, ou/oo→u, ee→i, ck→k, ph→f, dh→d, a
 * final -eh or -ah → a, doubled letters single. "Marzouq" and "Marzouk" give
 * "marzuk"; "Haniyeh" and "Haniya" give "haniya".
 */
export function transliterationKey(token: string): string {
  let t = token.replace(/ou|oo/g, "u").replace(/ee/g, "i").replace(/ck/g, "k").replace(/q/g, "k").replace(/ph/g, "f").replace(/dh/g, "d");
  if (t.length > 3) t = t.replace(/[ae]h$/, "a");
  return t.replace(/(.)\1+/gu, "$1");
}

/** A token's skeleton: its transliteration key with every run of Latin vowels one "a" ("Meshaal", "Mashal", "Mishal" → "mashal"). */
export function vowelKey(token: string): string {
  return transliterationKey(token).replace(/[aeiou]+/g, "a");
}

/** Name particles that never identify anyone on their own. */
const PARTICLES = new Set(["al", "el", "ul", "abu", "abou", "bin", "ben", "ibn", "bint", "de", "da", "di", "del", "du", "van", "von", "der", "den", "la", "le", "the"]);

/** How a mention matched a name, strongest first. */
export type NameMatchKind = "exact" | "transliteration" | "vowels" | "fuzzy" | "partial";

export interface NameMatch {
  kind: NameMatchKind;
  /** 0..1; 1 for an exact (normalized) match. */
  score: number;
}

/** A name prepared once for many comparisons. */
export interface PreparedName {
  name: string;
  normalized: string;
  tokens: string[];
  translit: string;
  vowels: string[];
  /** The vowel keys joined without spaces ("Abd al-Aziz" and "Abdelaziz" agree). */
  joined: string;
}

export function prepareName(name: string): PreparedName {
  const normalized = normalizeName(name);
  const tokens = normalized === "" ? [] : normalized.split(" ");
  const vowels = tokens.map(vowelKey);
  return { name, normalized, tokens, translit: tokens.map(transliterationKey).join(" "), vowels, joined: vowels.join("") };
}

/**
 * How well `mention` matches the name `alias`, or undefined for no match.
 * Tiers: exact after normalization (1), equal transliteration keys (0.95),
 * equal vowel skeletons (0.9), a small edit distance between skeletons of
 * long names (≤ 0.85; never for names under 7 letters, so "Hama" is not
 * "Hamas"), and one name's words inside the other's ("Haniya" in "Ismail
 * Haniyeh", 0.6 to 0.85 by how much of the longer name they cover; particles
 * like "al" or "Abu" alone never match).
 */
export function compareNames(mention: string | PreparedName, alias: string | PreparedName): NameMatch | undefined {
  const a = typeof mention === "string" ? prepareName(mention) : mention;
  const b = typeof alias === "string" ? prepareName(alias) : alias;
  if (a.normalized === "" || b.normalized === "") return undefined;
  if (a.normalized === b.normalized) return { kind: "exact", score: 1 };
  if (a.translit === b.translit) return { kind: "transliteration", score: 0.95 };
  if (a.joined === b.joined) return { kind: "vowels", score: 0.9 };
  const length = Math.max(a.joined.length, b.joined.length);
  const allowed = length >= 11 ? 2 : length >= 7 ? 1 : 0;
  if (allowed > 0 && Math.abs(a.joined.length - b.joined.length) <= allowed) {
    const d = distance(a.joined, b.joined);
    if (d <= allowed) return { kind: "fuzzy", score: Math.min(0.85, 0.9 * (1 - d / length)) };
  }
  const partial = a.tokens.length <= b.tokens.length ? partialScore(a, b) : partialScore(b, a);
  return partial === undefined ? undefined : { kind: "partial", score: partial };
}

/** Whether every word of `short` is a word of `long` (by skeleton), not only particles; scored by the share of `long` covered. */
function partialScore(short: PreparedName, long: PreparedName): number | undefined {
  if (short.tokens.length === long.tokens.length) return undefined;
  const remaining = [...long.vowels];
  let covered = 0;
  let meaningful = false;
  for (const [i, key] of short.vowels.entries()) {
    const at = remaining.indexOf(key);
    if (at < 0) return undefined;
    remaining[at] = "";
    covered += key.length;
    if (!PARTICLES.has(short.tokens[i]!)) meaningful = true;
  }
  if (!meaningful) return undefined;
  return Math.min(0.85, 0.6 + 0.3 * (covered / long.joined.length));
}

export interface ActorSuggestion {
  actor: ActorRecord;
  /** The name or alias that matched best. */
  alias: string;
  score: number;
  kind: NameMatchKind;
}

export interface SuggestOptions {
  /** At most this many suggestions (default 8). */
  limit?: number;
  /** Matches below this score are left out (default 0.6). */
  minScore?: number;
}

/** A registry prepared for suggestions while a user tags: build once per registry change. */
export interface ActorIndex {
  suggest(mention: string, options?: SuggestOptions): ActorSuggestion[];
}

/** Indexes the live actors of `registry` (not deleted, not merged into another) by name and aliases. */
export function createActorIndex(registry: readonly ActorRecord[]): ActorIndex {
  const entries: { actor: ActorRecord; names: PreparedName[] }[] = [];
  for (const actor of registry) {
    if (actor.deleted || actor.mergedInto !== undefined) continue;
    entries.push({ actor, names: [actor.name, ...actor.aliases].map(prepareName) });
  }
  return {
    suggest(mention, options = {}) {
      const prepared = prepareName(mention);
      const minScore = options.minScore ?? 0.6;
      const out: ActorSuggestion[] = [];
      for (const { actor, names } of entries) {
        let best: ActorSuggestion | undefined;
        for (const name of names) {
          const match = compareNames(prepared, name);
          if (match && match.score >= minScore && (!best || match.score > best.score)) best = { actor, alias: name.name, score: match.score, kind: match.kind };
        }
        if (best) out.push(best);
      }
      out.sort((x, y) => y.score - x.score || compareText(x.actor.name, y.actor.name) || compareText(x.actor.id, y.actor.id));
      return out.slice(0, options.limit ?? 8);
    },
  };
}

/**
 * Registry actors that `mention` may name, best first: `[{actor, alias,
 * score}]`. For repeated calls on one registry, {@link createActorIndex}.
 */
export function suggestActors(registry: readonly ActorRecord[], mention: string, options?: SuggestOptions): ActorSuggestion[] {
  return createActorIndex(registry).suggest(mention, options);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
