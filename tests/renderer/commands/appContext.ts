import { DEFAULT_LINK_TYPES } from "../../../shared/coding/model";
import type { ActorSuggestion } from "../../../shared/coding/names";
import { DEFAULT_LABELS, type DocumentRecord, type SpanRecord } from "../../../shared/model";
import type { AppContext } from "../../../renderer/commands/context";

/** A span of the default labels, for contexts with a selection. */
export function span(label: string, start = 0, end = 5): SpanRecord {
  return { id: `s-${label}-${start}`, projectId: "p", docId: "d1", start, end, label, annotator: "Ana", createdAt: 1, updatedAt: 1, deleted: false };
}

/** A registry match for an actor span, as the matcher returns one. */
export function match(name: string): ActorSuggestion {
  return { actor: { id: `a-${name}`, projectId: "p", name, aliases: [], createdAt: 1, updatedAt: 1, deleted: false }, alias: name, score: 1, kind: "exact" };
}

const doc = { id: "d1", projectId: "p", title: "summit" } as DocumentRecord;

/** A workspace context whose actions record what they were asked to do. */
export function appContext(over: Partial<AppContext> & { linking?: boolean } = {}): AppContext & { calls: string[] } {
  const calls: string[] = [];
  const record = (name: string) => (...args: unknown[]) => void calls.push([name, ...args.map((a) => (typeof a === "object" && a && "id" in a ? (a as { id: string }).id : String(a)))].join(" "));
  const { linking, ...rest } = over;
  return {
    calls,
    doc,
    text: "Foreign Minister Amara Okafor met her counterpart.",
    labels: DEFAULT_LABELS,
    annotator: "Ana",
    snapping: true,
    reader: null,
    selectedSpan: null,
    spanSelectedAt: 0,
    links: [],
    project: { id: "p", name: "Project", labels: [...DEFAULT_LABELS], createdAt: 1 } as AppContext["project"],
    linkTypes: DEFAULT_LINK_TYPES,
    spans: [],
    suggestions: [],
    link: { active: linking ?? false, current: null, start: record("link.start"), step: record("link.step"), accept: record("link.accept"), cancel: record("link.cancel") },
    documentIds: ["d0", "d1", "d2"],
    listedIds: null,
    view: "reader",
    setView: record("setView"),
    canUndo: true,
    canRedo: true,
    hasBackups: true,
    selectSpan: record("selectSpan"),
    openDocument: record("openDocument"),
    showPending: record("showPending"),
    dropPending: record("dropPending"),
    notify: record("notify"),
    open: record("open"),
    renameDocument: record("renameDocument"),
    pickTextFiles: record("pickTextFiles"),
    pickProjectFile: record("pickProjectFile"),
    exportJsonl: async () => void calls.push("exportJsonl"),
    saveProject: async () => void calls.push("saveProject"),
    exportEvents: async (format) => void calls.push(`exportEvents ${format}`),
    report: (write) => void write.catch(() => calls.push("failed")),
    ...rest,
  };
}

export const press = (key: string, mods: Partial<Record<"ctrlKey" | "metaKey" | "shiftKey" | "altKey", boolean>> & { code?: string } = {}) => ({
  key,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});
