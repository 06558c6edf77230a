/** A moment for people, in their locale: "25 Nov 2026, 17:54:46". */
export function formatTime(ms: number): string {
  return new Date(ms).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "medium" });
}
