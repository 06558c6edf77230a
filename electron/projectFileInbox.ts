/**
 * Hands project files the app was asked to open to the window's page. A
 * file can arrive before the window exists (macOS sends `open-file` before
 * `ready` for a double-click that started the app) or while the page is
 * loading, when a message would be lost: such files wait here and go out
 * once the page has loaded. The preload keeps them again until the page
 * listens (electron/preload.ts).
 */
import { BRIDGE_EVENTS, type IncomingProjectFile } from "../shared/bridge";

/** The part of a WebContents the inbox uses. */
export interface InboxTarget {
  isLoading(): boolean;
  isDestroyed(): boolean;
  send(channel: string, ...args: unknown[]): void;
  on(event: "did-finish-load", listener: () => void): unknown;
}

export class ProjectFileInbox {
  private readonly waiting: IncomingProjectFile[] = [];
  private target: InboxTarget | undefined;

  /** Sends to `target` from now on (the app's window, or a new one after the last was closed). */
  attach(target: InboxTarget): void {
    this.target = target;
    target.on("did-finish-load", () => {
      if (this.target === target) this.flush();
    });
    this.flush();
  }

  deliver(file: IncomingProjectFile): void {
    this.waiting.push(file);
    this.flush();
  }

  /** Whether files are waiting for a window (so one should be opened). */
  get hasWaiting(): boolean {
    return this.waiting.length > 0;
  }

  private flush(): void {
    const target = this.target;
    if (!target || target.isDestroyed() || target.isLoading()) return;
    for (const file of this.waiting.splice(0)) target.send(BRIDGE_EVENTS.onOpenProjectFile, file);
  }
}
