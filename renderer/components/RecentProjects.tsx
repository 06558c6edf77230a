import { useEffect, useLayoutEffect, useRef, useState } from "react";
import { platform } from "../platform";
import type { RecentProject } from "../platform/platform";
import { openProjectFile } from "./projectFileInbox";

interface RecentProjectsProps {
  notify(text: string, kind: "info" | "problem"): void;
}

const openedAt = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

/**
 * "Open recent" (desktop app only): the last project files opened or saved,
 * read again when chosen and opened like Open project. The list is asked
 * for each time it is shown, so it is never stale; a file that has gone is
 * reported by name (and the host drops it from the list).
 */
export function RecentProjects({ notify }: RecentProjectsProps) {
  const desktop = platform.desktop;
  const [recent, setRecent] = useState<RecentProject[] | null>(null);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  const [alignEnd, setAlignEnd] = useState(false);
  // A list that would run off the window's right edge opens leftwards from its button instead.
  useLayoutEffect(() => {
    const menu = root.current?.querySelector(".sw-recent-menu");
    if (!menu) return setAlignEnd(false);
    if (!alignEnd && menu.getBoundingClientRect().right > document.documentElement.clientWidth) setAlignEnd(true);
  }, [recent, alignEnd]);

  // The first item takes focus when the list opens, as in a native menu.
  useEffect(() => {
    if (recent?.length) root.current?.querySelector<HTMLButtonElement>('[role="menuitem"]')?.focus();
  }, [recent]);

  if (!desktop) return null;

  const close = (refocus: boolean) => {
    setRecent(null);
    if (refocus) button.current?.focus();
  };
  const toggle = () => {
    if (recent) return close(false);
    desktop.recentProjects().then(setRecent, (err: unknown) => notify(`The recent project files could not be listed: ${err instanceof Error ? err.message : String(err)}`, "problem"));
  };
  const open = (entry: RecentProject) => {
    close(false);
    desktop.openRecent(entry.id).then(openProjectFile, (err: unknown) => notify(err instanceof Error ? err.message : String(err), "problem"));
  };
  const moveFocus = (event: React.KeyboardEvent) => {
    const items = [...(root.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLButtonElement);
    if (event.key === "Escape") close(true);
    else if (event.key === "ArrowDown") items[(at + 1) % items.length]?.focus();
    else if (event.key === "ArrowUp") items[(at - 1 + items.length) % items.length]?.focus();
    else return;
    event.preventDefault();
  };

  return (
    <div
      className="sw-recent"
      ref={root}
      onKeyDown={moveFocus}
      onBlur={(event) => {
        if (!root.current?.contains(event.relatedTarget as Node | null)) close(false);
      }}
    >
      <button type="button" className="sw-button" ref={button} aria-haspopup="menu" aria-expanded={recent !== null} onClick={toggle}>
        Open recent
      </button>
      {recent && (
        <div className={alignEnd ? "sw-recent-menu sw-align-end" : "sw-recent-menu"} role="menu" aria-label="Recent project files">
          {recent.length === 0 && <p className="sw-empty">No recent project files: files you open or save appear here.</p>}
          {recent.map((entry) => (
            <button key={entry.id} type="button" role="menuitem" className="sw-recent-item" onClick={() => open(entry)}>
              <span>{entry.name}</span>
              <time dateTime={new Date(entry.openedAt).toISOString()}>{openedAt.format(entry.openedAt)}</time>
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
