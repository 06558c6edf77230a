import type { Command } from "./command";
import type { AppContext } from "./context";

const hasProject = (ctx: AppContext) => ctx.project !== null;

/** The Project menu: the project as a whole, its files and backups. */
export const projectCommands: Command<AppContext>[] = [
  { id: "project.new", title: "New project", keys: ["Mod+Alt+N"], menu: "project", run: (ctx) => ctx.open("newProject") },
  { id: "project.rename", title: "Rename project", menu: "project", when: hasProject, run: (ctx) => ctx.open("renameProject") },
  { id: "project.delete", title: "Delete project", menu: "project", when: hasProject, run: (ctx) => ctx.open("deleteProject") },
  { id: "project.import", title: "Import documents", keys: ["Mod+I"], menu: "project", when: hasProject, run: (ctx) => ctx.pickTextFiles() },
  { id: "project.open", title: "Open project", keys: ["Mod+O"], menu: "project", when: hasProject, run: (ctx) => ctx.pickProjectFile() },
  { id: "project.save", title: "Save project", keys: ["Mod+S"], menu: "project", when: hasProject, run: (ctx) => ctx.saveProject() },
  { id: "project.backups", title: "Backups", menu: "project", when: (ctx) => hasProject(ctx) && ctx.hasBackups, run: (ctx) => ctx.open("backups") },
  { id: "project.annotator", title: "Change annotator name", menu: "project", run: (ctx) => ctx.open("annotator") },
];

const hasDocuments = (ctx: AppContext) => ctx.project !== null && ctx.documentIds.length > 0;

/** The Export menu: every format the project leaves the app in. */
export const exportCommands: Command<AppContext>[] = [
  { id: "export.jsonl", title: "Export JSONL", keys: ["Mod+E"], menu: "export", when: hasDocuments, run: (ctx) => ctx.exportJsonl() },
  { id: "export.eventsJsonl", title: "Export events JSONL", menu: "export", when: hasDocuments, run: (ctx) => ctx.exportEvents("jsonl") },
  { id: "export.eventsCsv", title: "Export events CSV", menu: "export", when: hasDocuments, run: (ctx) => ctx.exportEvents("csv") },
  { id: "export.eventsCsvExact", title: "Export events CSV (exact values)", menu: "export", when: hasDocuments, run: (ctx) => ctx.exportEvents("csv-exact") },
  { id: "export.projectFile", title: "Export project file", menu: "export", when: hasProject, run: (ctx) => ctx.saveProject() },
];

export const helpCommands: Command<AppContext>[] = [
  { id: "help.shortcuts", title: "Keyboard shortcuts", keys: ["?"], menu: "help", run: (ctx) => ctx.open("shortcuts") },
];
