import { useRef } from "react";
import type { WorkspaceView } from "../commands/context";

export interface ViewTab {
  view: WorkspaceView;
  title: string;
  shortcut?: string;
  ariaShortcut?: string;
}

interface ViewTabsProps {
  tabs: readonly ViewTab[];
  current: WorkspaceView;
  onView(view: WorkspaceView): void;
}

/** The workspace's views as tabs (ARIA tabs pattern: one tab stop, the arrows move between tabs and show them). */
export function ViewTabs({ tabs, current, onView }: ViewTabsProps) {
  const list = useRef<HTMLDivElement>(null);
  const onKey = (e: React.KeyboardEvent) => {
    const at = tabs.findIndex((t) => t.view === current);
    const by = e.key === "ArrowRight" ? 1 : e.key === "ArrowLeft" ? -1 : 0;
    if (!by) return;
    e.preventDefault();
    e.stopPropagation();
    const next = (at + by + tabs.length) % tabs.length;
    onView(tabs[next]!.view);
    list.current?.querySelectorAll<HTMLElement>("[role=tab]")[next]?.focus();
  };
  return (
    <div ref={list} role="tablist" aria-label="Views" className="sw-tabs" onKeyDown={onKey}>
      {tabs.map((tab) => (
        <button
          key={tab.view}
          type="button"
          role="tab"
          id={`sw-tab-${tab.view}`}
          aria-selected={tab.view === current}
          aria-controls="sw-view"
          tabIndex={tab.view === current ? 0 : -1}
          aria-keyshortcuts={tab.ariaShortcut}
          title={tab.shortcut ? `${tab.title} (${tab.shortcut})` : tab.title}
          className="sw-tab"
          onClick={() => onView(tab.view)}
        >
          {tab.title}
        </button>
      ))}
    </div>
  );
}
