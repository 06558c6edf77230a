import type { Project } from "../../shared/model";
import { PROJECT_FILE_FILTERS } from "../components/OpenProject";
import { openProjectFile } from "../components/projectFileInbox";
import { TEXT_FILE_FILTERS } from "../components/FileButton";
import { platform } from "../platform";
import { useNativeMenu, type MenuableCommand } from "../platform/nativeMenu";
import type { IncomingFile } from "../store/documents";
import { exportJsonl, saveProjectFile, type ActionFeedback } from "./projectFileActions";

interface DesktopMenuProps extends ActionFeedback {
  project: Project | undefined;
  documentCount: number;
  showingEvents: boolean;
  onView(view: "reader" | "events"): void;
  onImport(files: IncomingFile[]): void;
}

interface MenuContext extends DesktopMenuProps {
  pickFiles: NonNullable<typeof platform.pickFiles>;
}

/**
 * The header's file and view actions in the desktop app's native menus
 * (File, Export, View), doing exactly what the header's buttons do. The
 * command registry (renderer/commands) takes this over as it grows; the
 * browser build has no native menu, and this renders nothing anywhere.
 */
const COMMANDS: MenuableCommand<MenuContext>[] = [
  {
    id: "documents.import",
    title: "Import Documents…",
    menu: "file",
    run: async (ctx) => {
      const files = await ctx.pickFiles(TEXT_FILE_FILTERS);
      if (files.length) ctx.onImport(files);
    },
  },
  {
    id: "project.open",
    title: "Open Project…",
    menu: "project",
    run: async (ctx) => {
      const [file] = await ctx.pickFiles(PROJECT_FILE_FILTERS);
      if (file) openProjectFile(file);
    },
  },
  { id: "project.save", title: "Save Project…", menu: "project", when: (ctx) => ctx.project !== undefined, run: (ctx) => saveProjectFile(ctx.project!, ctx) },
  { id: "export.jsonl", title: "Export JSONL…", menu: "export", when: (ctx) => ctx.project !== undefined && ctx.documentCount > 0, run: (ctx) => exportJsonl(ctx.project!, ctx) },
  { id: "view.events", title: "Events", menu: "view", when: (ctx) => ctx.project !== undefined && !ctx.showingEvents, run: (ctx) => ctx.onView("events") },
  { id: "view.reader", title: "Reading", menu: "view", when: (ctx) => ctx.showingEvents, run: (ctx) => ctx.onView("reader") },
];

const NO_COMMANDS: MenuableCommand<MenuContext>[] = [];

export function DesktopMenu(props: DesktopMenuProps) {
  const pickFiles = platform.pickFiles;
  // Without a host dialog (the browser build) there is no native menu either.
  useNativeMenu(pickFiles ? COMMANDS : NO_COMMANDS, { ...props, pickFiles: pickFiles ?? (async () => []) }, (message) => props.notify(message, "problem"));
  return null;
}
