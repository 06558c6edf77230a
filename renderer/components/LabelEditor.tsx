import { useState } from "react";
import { useLiveQuery } from "dexie-react-hooks";
import { ATTRIBUTE_TYPES, labelAttributes, projectLinkTypes, type AttributeDef, type AttributeType, type ChoiceOption } from "../../shared/coding/model";
import type { LabelDef, Project } from "../../shared/model";
import { idFromName, labelProblems, labelUsage, nameNewIds, newAttribute, optionsText, parseOptions, saveLabels } from "../store/labels";
import { describeStoreError } from "../store/saveStatus";
import { Dialog } from "./Dialog";

interface LabelEditorProps {
  project: Project;
  notify(text: string, kind: "info" | "problem"): void;
  onClose(): void;
}

const TYPE_NAMES: Record<AttributeType, string> = {
  choice: "Choice from a list",
  text: "Free text",
  number: "Number",
  date: "Date",
  boolean: "Yes / no",
  actor: "Link to a registry actor",
};

const NEW_COLORS = ["#0891b2", "#ca8a04", "#db2777", "#4d7c0f", "#7c3aed", "#ea580c", "#475569"];
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** What happens to a removed label's spans, as the end of a sentence. */
function removalNote(spans: number, choice: "keep" | "remove"): string {
  if (spans === 0) return "no span uses it.";
  const one = spans === 1;
  return `its ${plural(spans, "span")} ${choice === "keep" ? (one ? "stays" : "stay") : one ? "goes too" : "go too"}.`;
}

/** The last character typed into a shortcut field: typing over the old key replaces it. */
function lastCharacter(value: string): string {
  const chars = [...value];
  return chars.at(-1) ?? "";
}

/**
 * The project's labels: add, rename, recolour, remove, set shortcut keys and
 * edit each label's attributes. Nothing is stored until "Save labels"; then
 * the whole set is written in one transaction.
 */
export function LabelEditor({ project, notify, onClose }: LabelEditorProps) {
  const [labels, setLabels] = useState<LabelDef[]>(() => structuredClone(project.labels));
  const [selectedId, setSelectedId] = useState<string | null>(project.labels[0]?.id ?? null);
  /** Labels of the project the user removed, and whether their spans go with them. */
  const [removed, setRemoved] = useState<{ label: LabelDef; spans: "keep" | "remove" }[]>([]);
  const [asking, setAsking] = useState<LabelDef | null>(null);
  const [saving, setSaving] = useState(false);
  const usage = useLiveQuery(() => labelUsage(project.id), [project.id]);
  const linkTypes = projectLinkTypes(project);
  const problems = labelProblems(labels, linkTypes);
  const selected = labels.find((l) => l.id === selectedId) ?? null;

  const update = (id: string, change: (label: LabelDef) => LabelDef) => setLabels((all) => all.map((l) => (l.id === id ? change(l) : l)));
  const updateAttributes = (id: string, change: (defs: AttributeDef[]) => AttributeDef[]) =>
    // The first edit stores the label's whole list (its defaults until then).
    update(id, (l) => ({ ...l, attributes: change(structuredClone([...labelAttributes(l)])) }));

  const addLabel = () => {
    const taken = [...labels.map((l) => l.id), ...project.labels.map((l) => l.id), ...(usage?.keys() ?? [])];
    const name = "New label";
    const used = new Set(labels.map((l) => l.key));
    const key = [..."123456789"].find((k) => !used.has(k)) ?? "";
    const label: LabelDef = { id: idFromName(name, taken), name, color: NEW_COLORS[labels.length % NEW_COLORS.length]!, key, attributes: [] };
    setLabels((all) => [...all, label]);
    setSelectedId(label.id);
  };

  const removeLabel = (label: LabelDef, spans: "keep" | "remove") => {
    setLabels((all) => all.filter((l) => l.id !== label.id));
    const original = project.labels.find((l) => l.id === label.id);
    if (original) setRemoved((r) => [...r.filter((x) => x.label.id !== label.id), { label: original, spans }]);
    setSelectedId(labels.find((l) => l.id !== label.id)?.id ?? null);
    setAsking(null);
  };

  const save = () => {
    if (problems.length) return;
    setSaving(true);
    const removeSpans = removed.filter((r) => r.spans === "remove").map((r) => r.label.id);
    const taken = [...(usage?.keys() ?? []), ...removed.map((r) => r.label.id)];
    saveLabels(project.id, nameNewIds(labels, project.labels, taken), removeSpans).then(
      ({ removedSpans }) => {
        notify(`Saved the labels${removedSpans ? ` and removed ${plural(removedSpans, "span")}` : ""}.`, "info");
        onClose();
      },
      (err: unknown) => {
        setSaving(false);
        notify(describeStoreError(err), "problem");
      },
    );
  };

  if (asking) {
    const count = usage?.get(asking.id) ?? 0;
    const links = linkTypes.filter((t) => t.from.includes(asking.id) || t.to.includes(asking.id));
    return (
      <Dialog
        key="remove"
        title={`Remove the label “${asking.name}”?`}
        onCancel={() => setAsking(null)}
        actions={
          <>
            <button type="button" className="sw-button" autoFocus onClick={() => setAsking(null)}>
              Cancel
            </button>
            <button type="button" className="sw-button" onClick={() => removeLabel(asking, "keep")}>
              Keep the spans
            </button>
            <button type="button" className="sw-button sw-danger" onClick={() => removeLabel(asking, "remove")}>
              Remove the spans too
            </button>
          </>
        }
      >
        <p>
          {plural(count, "span")} of this project {count === 1 ? "uses" : "use"} it. Kept, they stay in the documents and show the label id “{asking.id}” in grey;
          removed, they go with their links (Ctrl+Z does not bring them back; an earlier project file or backup does).
        </p>
        {links.length > 0 && <p className="sw-note">Links of type {links.map((t) => t.name).join(", ")} use this label; without it they cannot be made.</p>}
        <p className="sw-note">Nothing changes until you save the labels.</p>
      </Dialog>
    );
  }

  return (
    <Dialog
      key="labels"
      title="Labels"
      onCancel={onClose}
      actions={
        <>
          <button type="button" className="sw-button" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="sw-button sw-primary" disabled={problems.length > 0 || saving} onClick={save}>
            Save labels
          </button>
        </>
      }
    >
      <div className="sw-wide sw-labeleditor">
        <div className="sw-labellist">
          <ul aria-label="Labels">
            {labels.map((l) => (
              <li key={l.id}>
                <button
                  type="button"
                  className={`sw-labelpick${l.id === selectedId ? " sw-current" : ""}`}
                  aria-pressed={l.id === selectedId}
                  style={{ "--sw-color": l.color } as React.CSSProperties}
                  onClick={() => setSelectedId(l.id)}
                >
                  <span className="sw-swatch" aria-hidden="true" />
                  <span className="sw-labelpick-name">{l.name || l.id}</span>
                  {l.key && <kbd>{l.key}</kbd>}
                  <span className="sw-count">{usage?.get(l.id) ?? 0}</span>
                </button>
              </li>
            ))}
          </ul>
          <button type="button" className="sw-button" onClick={addLabel}>
            Add label
          </button>
        </div>
        {selected ? (
          <LabelForm
            key={selected.id}
            label={selected}
            spans={usage?.get(selected.id) ?? 0}
            original={project.labels.find((l) => l.id === selected.id)}
            onChange={(change) => update(selected.id, change)}
            onAttributes={(change) => updateAttributes(selected.id, change)}
            onRemove={() => {
              const inUse = (usage?.get(selected.id) ?? 0) > 0 && project.labels.some((l) => l.id === selected.id);
              if (inUse) setAsking(selected);
              else removeLabel(selected, "keep");
            }}
          />
        ) : (
          <p className="sw-empty">Add a label to begin.</p>
        )}
      </div>
      {removed.length > 0 && (
        <ul className="sw-note sw-removed" aria-label="Labels to remove">
          {removed.map((r) => (
            <li key={r.label.id}>
              Removing “{r.label.name}”: {removalNote(usage?.get(r.label.id) ?? 0, r.spans)}
            </li>
          ))}
        </ul>
      )}
      {problems.length > 0 && (
        <ul className="sw-label-problems" aria-label="Problems">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
    </Dialog>
  );
}

interface LabelFormProps {
  label: LabelDef;
  /** How many live spans use the label. */
  spans: number;
  /** The label as stored, when it is not new: its code lists keep the `when` of their options. */
  original: LabelDef | undefined;
  onChange(change: (label: LabelDef) => LabelDef): void;
  onAttributes(change: (defs: AttributeDef[]) => AttributeDef[]): void;
  onRemove(): void;
}

function LabelForm({ label, spans, original, onChange, onAttributes, onRemove }: LabelFormProps) {
  const attributes = labelAttributes(label);
  const setAttribute = (id: string, change: (def: AttributeDef) => AttributeDef) => onAttributes((defs) => defs.map((d) => (d.id === id ? change(d) : d)));
  const originalOptions = (id: string): ChoiceOption[] => (original ? (labelAttributes(original).find((d) => d.id === id)?.options ?? []) : []);

  return (
    <div className="sw-labelform">
      <div className="sw-labelform-row">
        <label className="sw-field sw-grow">
          Name
          <input value={label.name} maxLength={100} onChange={(e) => onChange((l) => ({ ...l, name: e.target.value }))} />
        </label>
        <label className="sw-field">
          Colour
          <input type="color" value={label.color} onChange={(e) => onChange((l) => ({ ...l, color: e.target.value }))} />
        </label>
        <label className="sw-field sw-keyfield">
          Key
          <input value={label.key} aria-describedby="sw-key-help" onChange={(e) => onChange((l) => ({ ...l, key: lastCharacter(e.target.value) }))} />
        </label>
      </div>
      <p id="sw-key-help" className="sw-note">
        Id “{label.id}” · {plural(spans, "span")} · the key is one character (empty: no shortcut).
      </p>
      <h3 className="sw-subhead">Attributes</h3>
      {attributes.length === 0 && <p className="sw-empty">No attributes: a span of this label records only its text.</p>}
      <ul className="sw-attributes" aria-label={`Attributes of ${label.name}`}>
        {attributes.map((def) => (
          <li key={def.id} className="sw-attribute">
            <div className="sw-labelform-row">
              <label className="sw-field sw-grow">
                Attribute name
                <input value={def.name} maxLength={100} onChange={(e) => setAttribute(def.id, (d) => ({ ...d, name: e.target.value }))} />
              </label>
              <label className="sw-field">
                Type
                <select value={def.type} onChange={(e) => setAttribute(def.id, (d) => withType(d, e.target.value as AttributeType))}>
                  {ATTRIBUTE_TYPES.map((t) => (
                    <option key={t} value={t}>
                      {TYPE_NAMES[t]}
                    </option>
                  ))}
                </select>
              </label>
              <button type="button" className="sw-button sw-attr-remove" aria-label={`Remove the attribute ${def.name || def.id}`} onClick={() => onAttributes((defs) => defs.filter((d) => d.id !== def.id))}>
                Remove
              </button>
            </div>
            {def.type === "choice" && (
              <CodeList
                name={def.name || def.id}
                options={def.options ?? []}
                onChange={(text) => setAttribute(def.id, (d) => ({ ...d, options: parseOptions(text, [...originalOptions(d.id), ...(d.options ?? [])]) }))}
              />
            )}
            {def.dependsOn && <p className="sw-note">Its options depend on “{attributes.find((d) => d.id === def.dependsOn)?.name ?? def.dependsOn}”.</p>}
          </li>
        ))}
      </ul>
      <div className="sw-labelform-row">
        <button type="button" className="sw-button" onClick={() => onAttributes((defs) => [...defs, newAttribute("New attribute", defs)])}>
          Add attribute
        </button>
        <span className="sw-spacer" />
        <button type="button" className="sw-button sw-danger" onClick={onRemove}>
          Remove label…
        </button>
      </div>
    </div>
  );
}

/** An attribute with another type: a code list only for a choice, filling from the text only for a date. */
function withType(def: AttributeDef, type: AttributeType): AttributeDef {
  const next: AttributeDef = { ...def, type };
  if (type === "choice") next.options = def.options ?? [];
  else {
    delete next.options;
    delete next.dependsOn;
  }
  if (type !== "date") delete next.autoFill;
  return next;
}

/** A choice's code list as text, one option a line; kept as typed while editing so blank lines do not vanish under the cursor. */
function CodeList({ name, options, onChange }: { name: string; options: readonly ChoiceOption[]; onChange(text: string): void }) {
  const [text, setText] = useState(() => optionsText(options));
  return (
    <label className="sw-field">
      Options of {name}, one per line (“value | description” to describe one)
      <textarea
        rows={Math.min(8, Math.max(3, options.length + 1))}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          onChange(e.target.value);
        }}
      />
    </label>
  );
}
