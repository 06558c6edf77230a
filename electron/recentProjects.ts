/**
 * Open Recent: the last project files opened or saved, kept as JSON in the
 * app's data folder (written atomically). Paths never leave the main
 * process: the renderer and the menu see an id, a name and a time. A path
 * is checked again each time it is opened, and a file that has gone is
 * reported by name and dropped from the list.
 */
import { randomUUID } from "node:crypto";
import * as fsPromises from "node:fs/promises";
import path from "node:path";
import type { IncomingProjectFile, RecentProject } from "../shared/bridge";
import { writeFileAtomic } from "./atomicWrite";
import { projectFileAt, ProjectFileError } from "./projectFileAt";

/** How many files the list keeps. */
export const MAX_RECENT_PROJECTS = 10;
const FORMAT = 1;

interface RecentEntry extends RecentProject {
  path: string;
}

export interface RecentProjectsDeps {
  readFile(filePath: string): Promise<string>;
  writeFile(filePath: string, text: string): Promise<void>;
  now(): number;
  newId(): string;
  /** Reads the project file at a path, as every other way of opening one does. */
  open(filePath: string): Promise<IncomingProjectFile>;
}

const nodeDeps: RecentProjectsDeps = {
  readFile: (filePath) => fsPromises.readFile(filePath, "utf8"),
  writeFile: (filePath, text) => writeFileAtomic(filePath, text),
  now: () => Date.now(),
  newId: () => randomUUID(),
  open: (filePath) => projectFileAt(filePath),
};

export interface RecentProjects {
  /** Newest first, names told apart by their folder where two files share one. */
  list(): Promise<RecentProject[]>;
  /** Puts a file just opened or saved at the top. */
  record(filePath: string): Promise<void>;
  /** Reads the file behind `id`; rejects with a message naming the file (and drops it when it has gone). */
  open(id: string): Promise<IncomingProjectFile>;
  clear(): Promise<void>;
}

export function recentProjects(listFile: string, overrides: Partial<RecentProjectsDeps> = {}): RecentProjects {
  const deps = { ...nodeDeps, ...overrides };
  let loaded: Promise<RecentEntry[]> | undefined;
  // Changes run one after another, so two quick records cannot lose each other.
  let queue: Promise<unknown> = Promise.resolve();

  const entries = () => (loaded ??= load(listFile, deps));
  const change = <T>(update: (list: RecentEntry[]) => Promise<{ list: RecentEntry[]; result: T }>): Promise<T> => {
    const next = queue.then(async () => {
      const { list, result } = await update(await entries());
      loaded = Promise.resolve(list);
      await deps.writeFile(listFile, JSON.stringify({ format: FORMAT, files: list }, null, 2));
      return result;
    });
    queue = next.catch(() => undefined);
    return next;
  };

  return {
    list: async () => {
      await queue;
      return describe(await entries());
    },
    record: (filePath) =>
      change(async (list) => {
        const kept = list.filter((entry) => entry.path !== filePath);
        const existing = list.find((entry) => entry.path === filePath);
        const entry = { id: existing?.id ?? deps.newId(), path: filePath, name: path.basename(filePath), openedAt: deps.now() };
        return { list: [entry, ...kept].slice(0, MAX_RECENT_PROJECTS), result: undefined };
      }),
    open: async (id) => {
      const outcome = await change<{ file: IncomingProjectFile } | { error: Error }>(async (list) => {
        const entry = list.find((e) => e.id === id);
        if (!entry) throw new Error("That project file is no longer in the recent list.");
        try {
          const file = await deps.open(entry.path);
          return { list: [{ ...entry, openedAt: deps.now() }, ...list.filter((e) => e.id !== id)], result: { file } };
        } catch (error) {
          if (!(error instanceof ProjectFileError && error.gone)) throw error;
          // A file that has gone leaves the list; the error is reported once the list is saved.
          return { list: list.filter((e) => e.id !== id), result: { error: new ProjectFileError(entry.name, `${error.reason}; it was removed from the recent list`, true) } };
        }
      });
      if ("error" in outcome) throw outcome.error;
      return outcome.file;
    },
    clear: () => change(async () => ({ list: [], result: undefined })),
  };
}

async function load(listFile: string, deps: RecentProjectsDeps): Promise<RecentEntry[]> {
  let text: string;
  try {
    text = await deps.readFile(listFile);
  } catch {
    return []; // No list yet.
  }
  try {
    const parsed = JSON.parse(text) as { files?: unknown };
    // A damaged list only costs the list: keep what is well-formed.
    return Array.isArray(parsed.files) ? parsed.files.filter(isEntry).slice(0, MAX_RECENT_PROJECTS) : [];
  } catch {
    return [];
  }
}

function isEntry(value: unknown): value is RecentEntry {
  const e = value as Partial<RecentEntry> | null;
  return (
    typeof e === "object" &&
    e !== null &&
    typeof e.id === "string" &&
    typeof e.path === "string" &&
    path.isAbsolute(e.path) &&
    typeof e.name === "string" &&
    typeof e.openedAt === "number" &&
    Number.isFinite(e.openedAt)
  );
}

/** What the renderer and the menu may see: no paths; a shared name gets its folder's name. */
function describe(list: readonly RecentEntry[]): RecentProject[] {
  return list.map(({ id, name, openedAt, path: filePath }) => {
    const shared = list.some((other) => other.id !== id && other.name === name);
    return { id, name: shared ? `${name} (${path.basename(path.dirname(filePath))})` : name, openedAt };
  });
}
