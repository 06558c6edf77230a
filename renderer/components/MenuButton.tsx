import { useEffect, useId, useRef, useState } from "react";

export interface MenuEntry {
  id: string;
  title: string;
  /** The shortcut as shown, e.g. "Ctrl+S". */
  shortcut?: string;
  /** For aria-keyshortcuts, e.g. "Control+S". */
  ariaShortcut?: string;
  enabled: boolean;
}

interface MenuButtonProps {
  label: string;
  entries: readonly MenuEntry[];
  onChoose(id: string): void;
}

/**
 * A menu button as the WAI-ARIA menu-button pattern describes it: Enter,
 * Space or ArrowDown opens it on the first item (ArrowUp on the last), the
 * arrows, Home and End move, a letter jumps to the next item starting with
 * it, Enter chooses, Escape closes and gives focus back to the button, and
 * Tab or a click outside closes it.
 */
export function MenuButton({ label, entries, onChoose }: MenuButtonProps) {
  const [open, setOpen] = useState<null | "first" | "last">(null);
  const [active, setActive] = useState(0);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const menuId = useId();

  useEffect(() => {
    if (!open) return;
    setActive(open === "first" ? 0 : entries.length - 1);
    const outside = (e: PointerEvent) => {
      if (!menu.current?.contains(e.target as Node) && !button.current?.contains(e.target as Node)) setOpen(null);
    };
    document.addEventListener("pointerdown", outside);
    return () => document.removeEventListener("pointerdown", outside);
    // Only opening sets the starting item: entries changing while it is open keep it.
  }, [open]);
  useEffect(() => {
    if (open) menu.current?.querySelectorAll<HTMLElement>("[role=menuitem]")[active]?.focus();
  }, [open, active]);

  const close = (focusButton: boolean) => {
    setOpen(null);
    if (focusButton) button.current?.focus();
  };
  const choose = (entry: MenuEntry) => {
    if (!entry.enabled) return;
    close(true);
    onChoose(entry.id);
  };

  const onMenuKey = (e: React.KeyboardEvent) => {
    const n = entries.length;
    const move = (to: number) => {
      e.preventDefault();
      setActive(((to % n) + n) % n);
    };
    if (e.key === "ArrowDown") move(active + 1);
    else if (e.key === "ArrowUp") move(active - 1);
    else if (e.key === "Home") move(0);
    else if (e.key === "End") move(n - 1);
    else if (e.key === "Escape") {
      e.preventDefault();
      close(true);
    } else if (e.key === "Tab") close(false);
    else if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      const entry = entries[active];
      if (entry) choose(entry);
    } else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
      const letter = e.key.toLowerCase();
      const next = [...entries.keys()].map((i) => (active + 1 + i) % n).find((i) => entries[i]!.title.toLowerCase().startsWith(letter));
      if (next !== undefined) move(next);
    }
    // Keys in an open menu are the menu's, never the workspace's shortcuts.
    e.stopPropagation();
  };

  return (
    <div className="sw-menu">
      <button
        ref={button}
        type="button"
        className="sw-button sw-menu-button"
        aria-haspopup="menu"
        aria-expanded={open !== null}
        aria-controls={open ? menuId : undefined}
        onClick={() => setOpen(open ? null : "first")}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown" || e.key === "ArrowUp") {
            e.preventDefault();
            e.stopPropagation();
            setOpen(e.key === "ArrowDown" ? "first" : "last");
          }
        }}
      >
        {label} <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <div ref={menu} id={menuId} role="menu" aria-label={label} className="sw-menu-list" onKeyDown={onMenuKey}>
          {entries.map((entry, i) => (
            <div
              key={entry.id}
              role="menuitem"
              tabIndex={i === active ? 0 : -1}
              aria-disabled={entry.enabled ? undefined : true}
              aria-keyshortcuts={entry.ariaShortcut}
              className="sw-menu-item"
              onClick={() => choose(entry)}
              onPointerMove={() => i !== active && setActive(i)}
            >
              <span>{entry.title}</span>
              {entry.shortcut && <kbd aria-hidden="true">{entry.shortcut}</kbd>}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
