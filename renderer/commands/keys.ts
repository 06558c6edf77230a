/**
 * Key chords as commands write them ("Mod+Shift+Z", "Alt+2", "?", "1"):
 * matching a key press, and showing them to people and to screen readers.
 */

export type KeyPress = Pick<KeyboardEvent, "key" | "ctrlKey" | "metaKey" | "shiftKey" | "altKey"> & { code?: string };

interface Chord {
  mod: boolean;
  alt: boolean;
  shift: boolean;
  key: string;
}

function parse(chord: string): Chord {
  // The key itself may be "+": it is whatever follows the last separator.
  const parts = chord.length > 1 && chord.endsWith("+") ? [...chord.slice(0, -2).split("+"), "+"] : chord.split("+");
  const key = parts.pop() ?? "";
  return { mod: parts.includes("Mod"), alt: parts.includes("Alt"), shift: parts.includes("Shift"), key };
}

/** The key of a physical key for chords with Alt: on a Mac, Alt+E types "´", so the key's code says which it was. */
function keyFromCode(code: string | undefined): string | null {
  if (!code) return null;
  const m = /^(?:Key([A-Z])|Digit([0-9]))$/.exec(code);
  return m ? (m[1] ?? m[2]!).toLowerCase() : null;
}

/**
 * Whether a key press is `chord`. A lone character ("1", "?", "a") is that
 * character typed, whatever Shift did to make it, with no Ctrl, ⌘ or Alt;
 * a named key or a chord with modifiers needs exactly its modifiers.
 */
export function matchesChord(event: KeyPress, chord: string): boolean {
  const c = parse(chord);
  const mod = event.ctrlKey || event.metaKey;
  if (mod !== c.mod || event.altKey !== c.alt) return false;
  const single = [...c.key].length === 1;
  if (single && !c.mod && !c.alt) return event.key === c.key;
  if (event.shiftKey !== c.shift) return false;
  if (!single) return event.key === c.key;
  const want = c.key.toLowerCase();
  return event.key.toLowerCase() === want || (c.alt && keyFromCode(event.code) === want);
}

const KEY_NAMES: Record<string, string> = {
  ArrowUp: "↑",
  ArrowDown: "↓",
  ArrowLeft: "←",
  ArrowRight: "→",
  Escape: "Esc",
  Delete: "Del",
  Backspace: "⌫",
  " ": "Space",
};

/** How a chord is shown: "Ctrl+Shift+Z" (or "⌘⇧Z" on a Mac). */
export function chordLabel(chord: string, mac = isMac()): string {
  const c = parse(chord);
  const key = KEY_NAMES[c.key] ?? (c.key.length === 1 ? c.key.toUpperCase() : c.key);
  if (mac) return `${c.mod ? "⌘" : ""}${c.alt ? "⌥" : ""}${c.shift ? "⇧" : ""}${key}`;
  return [c.mod && "Ctrl", c.alt && "Alt", c.shift && "Shift", key].filter(Boolean).join("+");
}

/** The chord for `aria-keyshortcuts` ("Control+Shift+Z"). */
export function ariaChord(chord: string, mac = isMac()): string {
  const c = parse(chord);
  const key = c.key === " " ? "Space" : c.key;
  return [c.mod && (mac ? "Meta" : "Control"), c.alt && "Alt", c.shift && "Shift", key].filter(Boolean).join("+");
}

/**
 * The chord the native menu may show as its accelerator (the desktop host
 * turns it into Electron's form), or undefined for a bare key: a label's
 * "1", Enter or Escape as a menu accelerator would fire in text fields too.
 */
export function menuAccelerator(chord: string): string | undefined {
  const c = parse(chord);
  return c.mod || c.alt ? chord : undefined;
}

/** A command's keys as its control shows them: the first as a hint, all for aria-keyshortcuts. */
export function shortcutOf(keys: readonly string[] | undefined): { shortcut?: string; ariaShortcut?: string } {
  return keys?.[0] ? { shortcut: chordLabel(keys[0]), ariaShortcut: keys.map((k) => ariaChord(k)).join(" ") } : {};
}

export function isMac(): boolean {
  return typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
}
