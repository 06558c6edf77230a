import type { Command } from "../commands/command";
import { chordLabel } from "../commands/keys";
import { InfoDialog } from "../components/Dialog";

/** The sheet's groups: each command's menu, and the reader's keys that belong to no menu. */
const GROUPS: { title: string; ids: (c: Command<unknown>) => boolean }[] = [
  { title: "Tagging and editing", ids: (c) => c.menu === "edit" || (!c.menu && !c.id.startsWith("linkMode.") && !c.id.startsWith("view.")) },
  { title: "Choosing a link's target", ids: (c) => c.id.startsWith("linkMode.") },
  { title: "Views and documents", ids: (c) => c.menu === "view" || c.id.startsWith("view.") },
  { title: "Project", ids: (c) => c.menu === "project" },
  { title: "Export", ids: (c) => c.menu === "export" },
  { title: "Help", ids: (c) => c.menu === "help" },
];

/** Every command that has a key, grouped; what the registry holds is what it lists. */
export function shortcutGroups(commands: readonly Command<never>[]): { title: string; rows: { id: string; title: string; keys: string[] }[] }[] {
  const keyed = commands.filter((c) => c.keys?.length) as Command<unknown>[];
  return GROUPS.map((g) => ({ title: g.title, rows: keyed.filter(g.ids).map((c) => ({ id: c.id, title: c.title, keys: c.keys! })) })).filter((g) => g.rows.length);
}

/** The keyboard cheat sheet, opened with `?`. */
export function ShortcutSheet({ commands, onClose }: { commands: readonly Command<never>[]; onClose(): void }) {
  return (
    <InfoDialog title="Keyboard shortcuts" onClose={onClose}>
      <div className="sw-shortcuts">
        {shortcutGroups(commands).map((group) => (
          <section key={group.title} aria-label={group.title}>
            <h3>{group.title}</h3>
            <dl>
              {group.rows.map((row) => (
                <div key={row.id} className="sw-shortcut">
                  <dt>{row.title}</dt>
                  <dd>
                    {row.keys.map((k, i) => (
                      <span key={k}>
                        {i > 0 && " or "}
                        <kbd>{chordLabel(k)}</kbd>
                      </span>
                    ))}
                  </dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
    </InfoDialog>
  );
}
