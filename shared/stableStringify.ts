/** JSON with object keys sorted at every depth, so equal values give equal strings (merge keys, canonical content). */
export function stableStringify(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== "object" || Array.isArray(v)) return v;
    // No prototype, so a key like "__proto__" stays an ordinary key.
    const sorted = Object.create(null) as Record<string, unknown>;
    for (const key of Object.keys(v).sort(compareStrings)) sorted[key] = (v as Record<string, unknown>)[key];
    return sorted;
  });
}

/** Code-unit order, the same in every locale. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
