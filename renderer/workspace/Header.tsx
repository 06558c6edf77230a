import type { Project } from "../../shared/model";
import { applies, type Command, type CommandMenu } from "../commands/command";
import type { AppContext, WorkspaceView } from "../commands/context";
import { shortcutOf } from "../commands/keys";
import { menuOf } from "../commands/registry";
import { MenuButton, type MenuEntry } from "../components/MenuButton";
import { ProjectSwitcher } from "../components/ProjectControls";
import { RecentProjects } from "../components/RecentProjects";
import { SaveIndicator } from "../components/SaveIndicator";
import { ViewTabs, type ViewTab } from "./ViewTabs";

interface HeaderProps {
  project: Project | undefined;
  annotator: string;
  busy: string | null;
  commands: readonly Command<AppContext>[];
  /** The context of this render: which commands apply. */
  ctx: AppContext;
  run(id: string): void;
  notify(text: string, kind?: "info" | "problem"): void;
}


function entries(commands: readonly Command<AppContext>[], menu: CommandMenu, ctx: AppContext): MenuEntry[] {
  return menuOf(commands, menu).map((c) => ({ id: c.id, title: c.title, enabled: applies(c, ctx), ...shortcutOf(c.keys) }));
}

const VIEW_TABS: { id: string; view: WorkspaceView }[] = [
  { id: "view.reading", view: "reader" },
  { id: "view.events", view: "events" },
];

/**
 * The header on one line: the project with its menu, the export menu, the
 * import button, the views as tabs, the registry and label editors, and at
 * the right the annotator and the save status. Every item is a command of
 * the registry, so it shows the same shortcut the keyboard uses.
 */
export function Header({ project, annotator, busy, commands, ctx, run, notify }: HeaderProps) {
  const byId = new Map(commands.map((c) => [c.id, c]));
  const tabs: ViewTab[] = VIEW_TABS.flatMap(({ id, view }) => {
    const c = byId.get(id);
    return c ? [{ view, title: c.title, ...shortcutOf(c.keys) }] : [];
  });
  const button = (id: string, className = "sw-button") => {
    const c = byId.get(id);
    if (!c) return null;
    const keys = shortcutOf(c.keys);
    return (
      <button type="button" className={className} disabled={!applies(c, ctx)} onClick={() => run(id)} aria-keyshortcuts={keys.ariaShortcut} title={keys.shortcut ? `${c.title} (${keys.shortcut})` : c.title}>
        {c.title}
      </button>
    );
  };
  return (
    <header className="sw-header">
      <h1 className="sw-brand">Spanwise</h1>
      {project && <ProjectSwitcher project={project} onError={(m) => notify(m, "problem")} />}
      <MenuButton label="Project" entries={entries(commands, "project", ctx)} onChoose={run} />
      {/* Desktop only: the recent project files, opened like Open project. */}
      <RecentProjects notify={notify} />
      <MenuButton label="Export" entries={entries(commands, "export", ctx)} onChoose={run} />
      {button("project.import")}
      <span className="sw-header-sep" aria-hidden="true" />
      <ViewTabs tabs={tabs} current={ctx.view} onView={(view) => run(view === "reader" ? "view.reading" : "view.events")} />
      {button("view.actors", "sw-button sw-quiet")}
      {button("view.labels", "sw-button sw-quiet")}
      <span className="sw-spacer" />
      {busy && (
        <span className="sw-busy" role="status">
          {busy}
        </span>
      )}
      <button type="button" className="sw-button sw-annotator" title="Change the annotator name" onClick={() => run("project.annotator")}>
        Annotator: {annotator || "—"}
      </button>
      <SaveIndicator />
      <button type="button" className="sw-button sw-icon" aria-label="Keyboard shortcuts" aria-keyshortcuts="?" title="Keyboard shortcuts (?)" onClick={() => run("help.shortcuts")}>
        ?
      </button>
    </header>
  );
}
