/**
 * A project's label set: checking an edited set, and saving it. Labels are
 * part of the project record, not of the undo history, so the editor asks
 * before anything is lost and saves the whole set in one transaction.
 */
import { FORBIDDEN_JSON_KEYS } from "../../shared/safeJson";
import { validateCoding } from "../../shared/coding/validate";
import { DEFAULT_ATTRIBUTES, labelAttributes, projectLinkTypes, type AttributeDef, type ChoiceOption, type LinkTypeDef } from "../../shared/coding/model";
import { tombstone, type LabelDef } from "../../shared/model";
import { db } from "./db";
import { saveStatus } from "./saveStatus";
import { projectSpans, putSpans, SPAN_TABLES, takeRev } from "./spans";
import { putLinks } from "./writes";

/** Keys the app gives other meanings: they cannot be label shortcuts. */
export const RESERVED_KEYS: ReadonlySet<string> = new Set(["Delete", "Backspace", "Escape", "ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown", " ", "Enter", "Tab"]);

const COLOR = /^#[0-9a-f]{6}$/i;

/**
 * Why `labels` cannot be saved, one sentence each; empty when they can.
 * `linkTypes` are the project's: their keys are taken.
 */
export function labelProblems(labels: readonly LabelDef[], linkTypes: readonly LinkTypeDef[]): string[] {
  const problems: string[] = [];
  if (labels.length === 0) problems.push("A project needs at least one label.");
  const ids = new Set<string>();
  const names = new Map<string, string>();
  const keys = new Map<string, string>();
  const linkKeys = new Map(linkTypes.filter((t) => t.key).map((t) => [t.key!.toLowerCase(), t.name]));
  for (const label of labels) {
    const name = label.name.trim();
    const called = name || label.id;
    if (label.id === "" || FORBIDDEN_JSON_KEYS.has(label.id)) problems.push(`The label id “${label.id}” cannot be used.`);
    else if (ids.has(label.id)) problems.push(`Two labels have the id “${label.id}”.`);
    ids.add(label.id);
    if (name === "") problems.push(`The label “${label.id}” needs a name.`);
    else if (names.has(name.toLowerCase())) problems.push(`Two labels are called “${name}”.`);
    else names.set(name.toLowerCase(), name);
    if (!COLOR.test(label.color)) problems.push(`The label “${called}” has the colour “${label.color}”; write it as #rrggbb.`);
    const key = label.key;
    if (key === "") continue;
    if (RESERVED_KEYS.has(key) || /^\s$/.test(key)) {
      problems.push(`“${called}” cannot have the key ${keyName(key)}: the app uses it.`);
    } else if ([...key].length !== 1) {
      problems.push(`The key of “${called}” must be a single character, not “${key}”.`);
    } else if (linkKeys.has(key.toLowerCase())) {
      problems.push(`“${called}” cannot have the key “${key}”: it starts a ${linkKeys.get(key.toLowerCase())} link.`);
    } else if (keys.has(key.toLowerCase())) {
      problems.push(`“${called}” and “${keys.get(key.toLowerCase())}” both have the key “${key}”.`);
    } else keys.set(key.toLowerCase(), called);
  }
  for (const label of labels) {
    for (const def of label.attributes ?? []) {
      if (def.name.trim() === "") problems.push(`An attribute of “${label.name}” (id “${def.id}”) needs a name.`);
      if (def.id.trim() === "") problems.push(`An attribute of “${label.name}” has no id.`);
    }
  }
  // The attribute definitions: the checks every project's coding gets.
  const coding = validateCoding({ labels, linkTypes, documents: [], spans: [], links: [], actors: [] });
  for (const problem of coding) if (problem.kind === "label-definition") problems.push(problem.message);
  return problems;
}

function keyName(key: string): string {
  return key === " " ? "Space" : key.startsWith("Arrow") ? `${key.slice(5)} arrow` : key.length === 1 ? `“${key}”` : key;
}

/** An id made from `name` (lower case, words joined by "-"), different from every id in `taken`. */
export function idFromName(name: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  const base =
    name
      .normalize("NFKD")
      .replace(/\p{M}/gu, "")
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, "-")
      .replace(/^-+|-+$/g, "") || "label";
  let id = base;
  for (let n = 2; used.has(id) || FORBIDDEN_JSON_KEYS.has(id); n++) id = `${base}-${n}`;
  return id;
}

/**
 * Ids for what the editor added: a new label or attribute is given an id
 * made from its name as the user left it ("New label" renamed "Location"
 * becomes "location"), so exports read well. Ids already stored never
 * change: spans keep their values under them. `taken` are ids a new label
 * must not take (labels still used by spans, labels removed in this edit).
 */
export function nameNewIds(labels: readonly LabelDef[], stored: readonly LabelDef[], taken: Iterable<string> = []): LabelDef[] {
  const storedById = new Map(stored.map((l) => [l.id, l]));
  const labelIds = new Set([...taken, ...labels.filter((l) => storedById.has(l.id)).map((l) => l.id)]);
  return labels.map((label) => {
    const before = storedById.get(label.id);
    const id = before ? label.id : idFromName(label.name, labelIds);
    labelIds.add(id);
    if (label.attributes === undefined) return { ...label, id };
    const kept = new Set(before ? labelAttributes(before).map((d) => d.id) : []);
    const attrIds = new Set(label.attributes.filter((d) => kept.has(d.id)).map((d) => d.id));
    const attributes = label.attributes.map((def) => {
      if (kept.has(def.id)) return def;
      const attrId = idFromName(def.name, attrIds);
      attrIds.add(attrId);
      return { ...def, id: attrId };
    });
    return { ...label, id, attributes };
  });
}

/** A choice attribute's code list as the editor shows it: one option a line, "value | shown label" when it has a label. */
export function optionsText(options: readonly ChoiceOption[]): string {
  return options.map((o) => (o.label === undefined ? o.value : `${o.value} | ${o.label}`)).join("\n");
}

/**
 * The code list typed in the editor (see {@link optionsText}); blank lines
 * dropped. An option whose value was already listed keeps its `when` (the
 * event types a PLOVER mode belongs to).
 */
export function parseOptions(text: string, previous: readonly ChoiceOption[] = []): ChoiceOption[] {
  const before = new Map(previous.map((o) => [o.value, o]));
  const out: ChoiceOption[] = [];
  for (const line of text.split("\n")) {
    const bar = line.indexOf("|");
    const value = (bar < 0 ? line : line.slice(0, bar)).trim();
    if (value === "") continue;
    const label = bar < 0 ? "" : line.slice(bar + 1).trim();
    const option: ChoiceOption = { value };
    if (label !== "") option.label = label;
    const when = before.get(value)?.when;
    if (when !== undefined) option.when = [...when];
    out.push(option);
  }
  return out;
}

/**
 * Labels as stored: an attribute list equal to the defaults of the label's id
 * is left out, so the label keeps following the defaults (see labelAttributes).
 */
export function compactLabels(labels: readonly LabelDef[]): LabelDef[] {
  return labels.map((label) => {
    const defaults = DEFAULT_ATTRIBUTES[label.id];
    if (label.attributes === undefined || defaults === undefined || JSON.stringify(label.attributes) !== JSON.stringify(defaults)) return label;
    const rest = { ...label };
    delete rest.attributes;
    return rest;
  });
}

/** A fresh attribute for a label, with an id not used by `existing`. */
export function newAttribute(name: string, existing: readonly AttributeDef[]): AttributeDef {
  return { id: idFromName(name, existing.map((d) => d.id)), name, type: "text" };
}

/** How many live spans of the project carry each label id. */
export async function labelUsage(projectId: string): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const span of await projectSpans(projectId)) {
    if (!span.deleted) counts.set(span.label, (counts.get(span.label) ?? 0) + 1);
  }
  return counts;
}

/**
 * Stores `labels` as the project's label set, with `updatedAt` bumped, in one
 * transaction. The live spans of the labels in `removeSpansOfLabels` (which
 * must no longer be in the set) become tombstones there too, with their
 * links. Refuses a set with problems. Returns how many spans were removed.
 */
export async function saveLabels(projectId: string, labels: readonly LabelDef[], removeSpansOfLabels: readonly string[] = []): Promise<{ removedSpans: number }> {
  const stay = removeSpansOfLabels.filter((id) => labels.some((l) => l.id === id));
  if (stay.length) throw new Error(`The spans of “${stay.join("”, “")}” cannot be removed while the label stays.`);
  return saveStatus.track(() =>
    db.transaction("rw", [db.projects, ...SPAN_TABLES(), db.links], async () => {
      const project = await db.projects.get(projectId);
      if (!project) throw new Error("The project is no longer there.");
      const problems = labelProblems(labels, projectLinkTypes(project));
      if (problems.length) throw new Error(problems.join(" "));
      const now = Date.now();
      await db.projects.put({ ...project, labels: compactLabels(labels), updatedAt: now });
      if (removeSpansOfLabels.length === 0) return { removedSpans: 0 };
      const removing = new Set(removeSpansOfLabels);
      const spans = (await projectSpans(projectId)).filter((s) => !s.deleted && removing.has(s.label));
      const ids = new Set(spans.map((s) => s.id));
      const links = await db.links
        .where("projectId")
        .equals(projectId)
        .filter((l) => !l.deleted && (ids.has(l.from) || ids.has(l.to)))
        .toArray();
      const rev = await takeRev();
      await putSpans(spans.map((s) => tombstone(s, now)), rev);
      await putLinks(links.map((l) => tombstone(l, now)), rev);
      return { removedSpans: spans.length };
    }),
  );
}
