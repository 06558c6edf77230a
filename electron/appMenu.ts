/**
 * Keeps the application menu in step with the focused window's commands
 * (as the renderer last sent them) and the recent project files, and sends
 * a chosen command back to the window whose command it is.
 */
import { Menu } from "electron";
import { BRIDGE_EVENTS, type MenuCommand, type RecentProject } from "../shared/bridge";
import { menuTemplate } from "./menuTemplate";

/** The part of a WebContents the menu uses. */
export interface MenuTarget {
  isDestroyed(): boolean;
  send(channel: string, ...args: unknown[]): void;
  once(event: "destroyed", listener: () => void): unknown;
}

export interface AppMenuOptions {
  appName: string;
  isMac: boolean;
  isDev: boolean;
  recentProjects(): Promise<RecentProject[]>;
  onOpenRecent(id: string): void;
  onClearRecent(): void;
}

export class AppMenu {
  private readonly commands = new Map<MenuTarget, readonly MenuCommand[]>();
  private focused: MenuTarget | undefined;
  private recent: readonly RecentProject[] = [];

  constructor(private readonly options: AppMenuOptions) {}

  /** A window's page sent its commands (already validated). */
  setCommands(target: MenuTarget, commands: readonly MenuCommand[]): void {
    if (!this.commands.has(target)) {
      target.once("destroyed", () => {
        this.commands.delete(target);
        if (this.focused === target) this.focused = undefined;
        this.build();
      });
    }
    this.commands.set(target, commands);
    this.focused ??= target;
    if (this.focused === target) this.build();
  }

  /** The window in front changed: its commands fill the menu. */
  focus(target: MenuTarget): void {
    this.focused = target;
    this.build();
  }

  /** Reads the recent list again and shows it. */
  async refreshRecent(): Promise<void> {
    this.recent = await this.options.recentProjects();
    this.build();
  }

  build(): void {
    const target = this.focused;
    const commands = target ? (this.commands.get(target) ?? []) : [];
    const { appName, isMac, isDev, onOpenRecent, onClearRecent } = this.options;
    const template = menuTemplate({
      appName,
      isMac,
      isDev,
      commands,
      recent: this.recent,
      // Only ids from this window's own list reach its page.
      onCommand: (id) => {
        if (target && !target.isDestroyed() && commands.some((command) => command.id === id)) target.send(BRIDGE_EVENTS.onMenuCommand, id);
      },
      onOpenRecent,
      onClearRecent,
    });
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  }
}
