/**
 * Choosing a code from a list by typing: the event type type-ahead. A query
 * matches an option when every word of it is found in the option's code or
 * its description; the options a coder used lately come first, so the type
 * they code all afternoon is one key away.
 */
import type { ChoiceOption } from "./codebook";

/** How many recently used codes are remembered per project. */
export const RECENT_CODES = 5;

const fold = (s: string) => s.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();

/**
 * The options matching `query`, best first: options whose code starts with
 * the query before those that match elsewhere, and within each, the recently
 * used (most recent first) before the rest, which keep the code list's order.
 */
export function rankChoices(options: readonly ChoiceOption[], query: string, recent: readonly string[]): ChoiceOption[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  const whole = words.join(" ");
  const recency = new Map(recent.map((code, i) => [code, i]));
  const ranked: { option: ChoiceOption; tier: number; recent: number; order: number }[] = [];
  options.forEach((option, order) => {
    const code = fold(option.value);
    const haystack = `${code} ${fold(option.label ?? "")}`;
    if (!words.every((w) => haystack.includes(w))) return;
    const tier = whole === "" || code.startsWith(whole) ? 0 : 1;
    ranked.push({ option, tier, recent: recency.get(option.value) ?? recent.length, order });
  });
  ranked.sort((a, b) => a.tier - b.tier || a.recent - b.recent || a.order - b.order);
  return ranked.map((r) => r.option);
}

/** `recent` with `code` moved to the front, at most {@link RECENT_CODES} long. */
export function withRecentCode(recent: readonly string[], code: string): string[] {
  return [code, ...recent.filter((c) => c !== code)].slice(0, RECENT_CODES);
}
