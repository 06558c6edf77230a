/**
 * Every way the desktop app is asked to open a project file by path (a
 * double-click, the command line, a second start, Open Recent) and every
 * project file opened or saved through the dialogs, in one place: the file
 * is checked and read here, remembered in Open Recent, and handed to the
 * page, which shows the same choice as Open project. Problems are reported
 * naming the file.
 */
import path from "node:path";
import type { IncomingProjectFile } from "../shared/bridge";
import { PROJECT_FILE_EXTENSION } from "../shared/projectFile/format";
import type { RecentProjects } from "./recentProjects";

export interface ProjectFileRequestsDeps {
  recent: RecentProjects;
  /** Checks and reads the file at a path (projectFileAt). */
  read(filePath: string): Promise<IncomingProjectFile>;
  /** Hands a file to the page (ProjectFileInbox). */
  deliver(file: IncomingProjectFile): void;
  /** Tells the user, e.g. in a message box. */
  report(message: string): void;
  /** The operating system's own recent documents (Dock, jump list). */
  addRecentDocument(filePath: string): void;
  /** The recent list changed: the menu shows it again. */
  recentChanged(): void;
}

export interface ProjectFileRequests {
  /** Files named on a command line or by the operating system; each is reported or opened. */
  openPaths(filePaths: readonly string[]): Promise<void>;
  /** Open Recent in the native menu. */
  openRecentFromMenu(id: string): Promise<void>;
  /** Open Recent in the page: the page gets the file, or the error to show. */
  openRecentForPage(id: string): Promise<IncomingProjectFile>;
  /** A file the user chose in an open or save dialog; only project files are remembered. */
  remember(filePath: string): Promise<void>;
}

export function projectFileRequests(deps: ProjectFileRequestsDeps): ProjectFileRequests {
  const remember = async (filePath: string) => {
    if (path.extname(filePath).toLowerCase() !== PROJECT_FILE_EXTENSION) return;
    deps.addRecentDocument(filePath);
    // The list is a convenience: a file opens even when the list cannot be written (a full disk).
    await deps.recent.record(filePath).catch((error: unknown) => console.warn(`Spanwise: the recent list was not updated: ${error instanceof Error ? error.message : String(error)}`));
  };
  /** Runs `work`, then shows the recent list again whatever happened (opening may have dropped a gone file). */
  const thenRefresh = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } finally {
      deps.recentChanged();
    }
  };
  const tell = (error: unknown) => deps.report(error instanceof Error ? error.message : String(error));

  return {
    openPaths: (filePaths) =>
      thenRefresh(async () => {
        for (const filePath of filePaths) {
          try {
            const file = await deps.read(filePath);
            await remember(filePath);
            deps.deliver(file);
          } catch (error) {
            tell(error);
          }
        }
      }),
    openRecentFromMenu: (id) =>
      thenRefresh(async () => {
        try {
          deps.deliver(await deps.recent.open(id));
        } catch (error) {
          tell(error);
        }
      }),
    openRecentForPage: (id) => thenRefresh(() => deps.recent.open(id)),
    remember: (filePath) => thenRefresh(() => remember(filePath)),
  };
}
