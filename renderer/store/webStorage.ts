/**
 * The page's localStorage or sessionStorage where there is one: not in
 * Node tests or workers, and not where the browser refuses it (storage
 * blocked). Small enough for the first paint's own bundle too.
 */
export function webStorage(kind: "localStorage" | "sessionStorage"): Storage | null {
  try {
    return typeof globalThis[kind] === "undefined" ? null : globalThis[kind];
  } catch {
    return null;
  }
}
