import type { LinkTypeDef } from "../../shared/coding/model";
import type { ActorSuggestion } from "../../shared/coding/names";
import type { Project, SpanRecord } from "../../shared/model";
import type { CommandContext } from "./spanActions";
import type { EventFileFormat } from "../workspace/eventFiles";

/** The workspace's views, shown as tabs. */
export type WorkspaceView = "reader" | "events";

/** What the workspace shows over its views, one at a time. */
export type WorkspaceDialog = "newProject" | "renameProject" | "deleteProject" | "actors" | "labels" | "backups" | "annotator" | "shortcuts" | "eventType";

/** Link mode as commands drive it. */
export interface LinkModeControl {
  active: boolean;
  start(type: LinkTypeDef): void;
  /** Next (+1) or previous (-1) candidate. */
  step(by: number): void;
  accept(): void;
  cancel(): void;
  /** The link being made, while link mode is on: a label key then tags text selected since it began and links it. */
  current: { type: LinkTypeDef; from: SpanRecord; startedAt: number } | null;
}

/** Everything a workspace command may read and do. Built fresh for each invocation. */
export interface AppContext extends CommandContext {
  project: Project | null;
  linkTypes: readonly LinkTypeDef[];
  /** The open document's spans in the layers shown. */
  spans: readonly SpanRecord[];
  /** Registry matches for the selected actor span, best first. */
  suggestions: readonly ActorSuggestion[];
  link: LinkModeControl;
  /** The documents in the list's order. */
  documentIds: readonly string[];
  /** The documents the list shows while it is filtered (by status or title), in order; null when it shows all. */
  listedIds: readonly string[] | null;
  view: WorkspaceView;
  setView(view: WorkspaceView): void;
  canUndo: boolean;
  canRedo: boolean;
  /** Whether this host keeps backups outside the store. */
  hasBackups: boolean;
  open(dialog: WorkspaceDialog): void;
  pickTextFiles(): void;
  pickProjectFile(): void;
  exportJsonl(): Promise<void>;
  saveProject(): Promise<void>;
  exportEvents(format: EventFileFormat): Promise<void>;
  /** Starts renaming a document in place in the document list (opening the list when it is a closed drawer). */
  renameDocument(docId: string): void;
  /** Runs a store write: a failure is reported, never thrown. */
  report(write: Promise<unknown>): void;
}

/** Commands that work on the text apply in the reading view with a document open, outside link mode. */
export const readingText = (ctx: AppContext): boolean => ctx.view === "reader" && ctx.doc !== null && !ctx.link.active;
