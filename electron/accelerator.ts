/**
 * The renderer names a command's key the way its keyboard handling does
 * ("Mod+Shift+S", "Alt+ArrowUp", "1"); Electron's menus want an
 * accelerator ("CmdOrCtrl+Shift+S", "Alt+Up", "1"). This turns one into
 * the other and refuses anything that is not a key combination.
 */

const MODIFIERS: Record<string, string> = {
  mod: "CmdOrCtrl",
  cmdorctrl: "CmdOrCtrl",
  commandorcontrol: "CmdOrCtrl",
  ctrl: "Ctrl",
  control: "Ctrl",
  cmd: "Cmd",
  command: "Cmd",
  meta: "Super",
  super: "Super",
  alt: "Alt",
  option: "Alt",
  altgr: "AltGr",
  shift: "Shift",
};

const NAMED_KEYS: Record<string, string> = {
  arrowup: "Up",
  up: "Up",
  arrowdown: "Down",
  down: "Down",
  arrowleft: "Left",
  left: "Left",
  arrowright: "Right",
  right: "Right",
  enter: "Enter",
  return: "Enter",
  escape: "Escape",
  esc: "Escape",
  tab: "Tab",
  backspace: "Backspace",
  delete: "Delete",
  insert: "Insert",
  home: "Home",
  end: "End",
  pageup: "PageUp",
  pagedown: "PageDown",
  space: "Space",
  " ": "Space",
  plus: "Plus",
};

/** Electron's accelerator for `keys`, or an Error saying what is wrong with it. */
export function toAccelerator(keys: string): string {
  // "+" separates the parts, so the plus key itself is spelt "Plus".
  const parts = keys.split("+");
  const key = parts.pop()!;
  const modifiers = parts.map((part) => {
    const modifier = MODIFIERS[part.trim().toLowerCase()];
    if (!modifier) throw new Error(`"${part}" is not a modifier key (use Mod, Ctrl, Alt, Shift or Meta)`);
    return modifier;
  });
  if (new Set(modifiers).size !== modifiers.length) throw new Error(`"${keys}" names a modifier twice`);
  return [...modifiers, keyName(key, keys)].join("+");
}

function keyName(key: string, keys: string): string {
  if (/^[!-~]$/.test(key)) return key.toUpperCase();
  if (/^F(?:[1-9]|1\d|2[0-4])$/i.test(key)) return key.toUpperCase();
  const named = NAMED_KEYS[key.toLowerCase()];
  if (named) return named;
  throw new Error(`"${keys}" does not end in a key Spanwise can show in a menu`);
}
