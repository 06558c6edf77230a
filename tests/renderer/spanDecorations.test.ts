import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { EditorState } from "prosemirror-state";
import { DEFAULT_LABELS } from "../../shared/model";
import { TextDoc } from "../../renderer/reader/textDoc";
import { spanDecoKey, spanDecoMeta, spanDecorations, type ReaderSpan } from "../../renderer/reader/spanDecorations";

const TEXT = "Foreign Minister Amara Okafor met Jonas Lindqvist.\n\nThey talked on Thursday.";

function stateWith(spans: ReaderSpan[]) {
  const td = new TextDoc(TEXT);
  let state = EditorState.create({ doc: td.doc, plugins: [spanDecorations(td)] });
  state = state.apply(spanDecoMeta.labels(state.tr, DEFAULT_LABELS));
  state = state.apply(spanDecoMeta.spans(state.tr, spans));
  return { td, state };
}

const span = (id: string, start: number, end: number, label = "actor"): ReaderSpan => ({ id, start, end, label, annotator: "a" });

/** The inline decorations drawn, as [spanId, text, lane]. */
function drawn(td: TextDoc, state: EditorState) {
  const set = spanDecoKey.getState(state)!.set;
  return set
    .find()
    .filter((d) => d.from !== d.to)
    .map((d) => [d.spec.spanId as string, td.doc.textBetween(d.from, d.to, "\n"), d.spec.lane as number] as const)
    .sort((a, b) => a[0].localeCompare(b[0]));
}

describe("span decorations", () => {
  it("draws nested and overlapping spans in separate lanes", () => {
    const { td, state } = stateWith([span("outer", 0, 29), span("inner", 17, 29), span("cross", 23, 39, "event")]);
    expect(drawn(td, state)).toEqual([
      ["cross", "Okafor met Jonas", 2],
      ["inner", "Amara Okafor", 1],
      ["outer", "Foreign Minister Amara Okafor", 0],
    ]);
  });

  it("updates incrementally: a changed span is redrawn, a removed one disappears, the rest stay", () => {
    const { td, state } = stateWith([span("a", 0, 7), span("b", 34, 49)]);
    const before = spanDecoKey.getState(state)!.set.find().filter((d) => d.spec.spanId === "b");
    const next = state.apply(spanDecoMeta.spans(state.tr, [span("a", 0, 16, "event")]));
    expect(drawn(td, next)).toEqual([["a", "Foreign Minister", 0]]);
    const again = next.apply(spanDecoMeta.spans(next.tr, [span("a", 0, 16, "event"), span("b", 34, 49)]));
    const after = spanDecoKey.getState(again)!.set.find().filter((d) => d.spec.spanId === "b");
    expect(after.map((d) => [d.from, d.to])).toEqual(before.map((d) => [d.from, d.to]));
  });

  it("draws a new span ahead of the list, keeps it through an older list, and lets a later list own it", () => {
    const { td, state } = stateWith([span("a", 0, 7)]);
    const tagged = { ...span("new", 34, 49), pending: true };
    const ahead = state.apply(spanDecoMeta.ahead(state.tr, tagged));
    expect(drawn(td, ahead)).toEqual([["a", "Foreign", 0], ["new", "Jonas Lindqvist", 0]]);
    // A list made before the tag (a save landing meanwhile) does not take it away.
    const older = ahead.apply(spanDecoMeta.spans(ahead.tr, [span("a", 0, 7)]));
    expect(drawn(td, older).map((d) => d[0])).toEqual(["a", "new"]);
    // The list with it, saved, redraws it as saved; after that a list without it removes it.
    const saved = older.apply(spanDecoMeta.spans(older.tr, [span("a", 0, 7), span("new", 34, 49)]));
    expect(spanDecoKey.getState(saved)!.drawn.get("new")?.span.pending).toBeFalsy();
    const removed = saved.apply(spanDecoMeta.spans(saved.tr, [span("a", 0, 7)]));
    expect(drawn(td, removed).map((d) => d[0])).toEqual(["a"]);
  });

  it("takes away a span drawn ahead whose save failed", () => {
    const { td, state } = stateWith([span("a", 0, 7)]);
    const ahead = state.apply(spanDecoMeta.ahead(state.tr, { ...span("new", 8, 16), pending: true }));
    expect(drawn(td, ahead).map((d) => d[0])).toEqual(["a", "new"]);
    const dropped = ahead.apply(spanDecoMeta.dropAhead(ahead.tr, "new"));
    expect(drawn(td, dropped)).toEqual([["a", "Foreign", 0]]);
    expect(spanDecoKey.getState(dropped)!.drawn.has("new")).toBe(false);
  });

  it("marks the selected span and unmarks it again", () => {
    const { state } = stateWith([span("a", 0, 7)]);
    const selected = state.apply(spanDecoMeta.select(state.tr, "a"));
    const classOf = (s: EditorState) =>
      spanDecoKey
        .getState(s)!
        .set.find()
        .find((d) => d.from !== d.to)!.spec;
    expect(spanDecoKey.getState(selected)!.selectedId).toBe("a");
    expect(classOf(selected).spanId).toBe("a");
    const cleared = selected.apply(spanDecoMeta.select(selected.tr, null));
    expect(spanDecoKey.getState(cleared)!.selectedId).toBeNull();
  });

  it("incremental updates draw the same spans as a fresh build, and overlapping spans never share a lane", () => {
    const spanArb = fc
      .tuple(fc.nat(TEXT.length - 1), fc.integer({ min: 1, max: 20 }), fc.constantFrom("actor", "event"))
      .map(([start, len, label]) => ({ start, end: Math.min(TEXT.length, start + len), label }));
    fc.assert(
      fc.property(fc.array(spanArb, { maxLength: 12 }), fc.array(spanArb, { maxLength: 12 }), (first, second) => {
        const a = first.map((s, i) => span(`s${i}`, s.start, s.end, s.label));
        const b = second.map((s, i) => span(`s${i}`, s.start, s.end, s.label));
        const { td, state } = stateWith(a);
        const updated = state.apply(spanDecoMeta.spans(state.tr, b));
        const fresh = stateWith(b).state;
        const strip = (rows: ReturnType<typeof drawn>) => rows.map(([id, text]) => [id, text]);
        expect(strip(drawn(td, updated))).toEqual(strip(drawn(td, fresh)));
        const decos = spanDecoKey.getState(updated)!.set.find().filter((d) => d.from !== d.to);
        const lanes = new Map<string, { from: number; to: number; lane: number }>();
        for (const d of decos) lanes.set(d.spec.spanId, { from: d.from, to: d.to, lane: d.spec.lane });
        const all = [...lanes.values()];
        for (let i = 0; i < all.length; i++)
          for (let j = i + 1; j < all.length; j++) {
            const x = all[i]!;
            const y = all[j]!;
            if (x.from < y.to && y.from < x.to) expect(x.lane).not.toBe(y.lane);
          }
      }),
    );
  });

  it("per-record changes (put and remove) draw the same spans as a fresh build of the list they lead to", () => {
    const spanArb = fc
      .tuple(fc.nat(TEXT.length - 1), fc.integer({ min: 1, max: 20 }), fc.constantFrom("actor", "event"))
      .map(([start, len, label]) => ({ start, end: Math.min(TEXT.length, start + len), label }));
    fc.assert(
      fc.property(fc.array(spanArb, { maxLength: 12 }), fc.array(fc.option(spanArb, { nil: null }), { maxLength: 12 }), (first, second) => {
        const a = first.map((s, i) => span(`s${i}`, s.start, s.end, s.label));
        // Each id of `second`: a new version (put), or null: removed.
        const put = second.flatMap((s, i) => (s ? [span(`s${i}`, s.start, s.end, s.label)] : []));
        const remove = second.flatMap((s, i) => (s ? [] : [`s${i}`]));
        const b = [...a.filter((x) => !remove.includes(x.id) && !put.some((p) => p.id === x.id)), ...put];
        const { td, state } = stateWith(a);
        const updated = state.apply(spanDecoMeta.changes(state.tr, put, remove));
        const strip = (rows: ReturnType<typeof drawn>) => rows.map(([id, text]) => [id, text]);
        expect(strip(drawn(td, updated))).toEqual(strip(drawn(td, stateWith(b).state)));
        const decos = spanDecoKey.getState(updated)!.set.find().filter((d) => d.from !== d.to);
        for (const x of decos)
          for (const y of decos) if (x !== y && x.from < y.to && y.from < x.to) expect(x.spec.lane).not.toBe(y.spec.lane);
      }),
    );
  });

  it("a saved span's change replaces the one drawn ahead of it", () => {
    const { td, state } = stateWith([span("s1", 0, 7)]);
    let next = state.apply(spanDecoMeta.ahead(state.tr, { ...span("new", 17, 29), pending: true }));
    next = next.apply(spanDecoMeta.changes(next.tr, [span("new", 17, 29)], []));
    expect(drawn(td, next).map(([id, text]) => [id, text])).toEqual([
      ["new", "Amara Okafor"],
      ["s1", "Foreign"],
    ]);
    expect(spanDecoKey.getState(next)!.ahead.size).toBe(0);
    // Drawn as saved now, no longer dashed as pending.
    const classes = spanDecoKey.getState(next)!.set.find().map((d) => String((d as unknown as { type: { attrs?: { class?: string } } }).type.attrs?.class ?? ""));
    expect(classes.some((c) => c.includes("sw-pending"))).toBe(false);
  });

  it("decorates only the spans touching the window, and draws the others when the window moves to them", () => {
    const { td, state } = stateWith([span("first", 0, 7), span("mid", 17, 29), span("last", 67, 75, "date")]);
    const lanesBefore = new Map(drawn(td, state).map(([id, , lane]) => [id, lane]));
    const top = state.apply(spanDecoMeta.window(state.tr, { from: 0, to: 10 }));
    expect(drawn(td, top).map(([id]) => id)).toEqual(["first"]);
    // A span tagged outside the window is kept and drawn once the window reaches it.
    const tagged = top.apply(spanDecoMeta.spans(top.tr, [span("first", 0, 7), span("mid", 17, 29), span("last", 67, 75, "date"), span("new", 52, 56)]));
    expect(drawn(td, tagged).map(([id]) => id)).toEqual(["first"]);
    const bottom = tagged.apply(spanDecoMeta.window(tagged.tr, { from: 52, to: TEXT.length }));
    expect(drawn(td, bottom).map(([id, text]) => [id, text])).toEqual([
      ["last", "Thursday"],
      ["new", "They"],
    ]);
    // Lanes do not depend on what is in view.
    const all = bottom.apply(spanDecoMeta.window(bottom.tr, null));
    for (const [id, , lane] of drawn(td, all)) if (lanesBefore.has(id)) expect(lane).toBe(lanesBefore.get(id));
    expect(drawn(td, all).map(([id]) => id)).toEqual(["first", "last", "mid", "new"]);
  });

  it("keeps its decorations when handed the same labels again", () => {
    const { state } = stateWith([span("a", 0, 7)]);
    const again = state.apply(spanDecoMeta.labels(state.tr, DEFAULT_LABELS.map((l) => ({ ...l }))));
    expect(spanDecoKey.getState(again)!.set).toBe(spanDecoKey.getState(state)!.set);
    const renamed = state.apply(spanDecoMeta.labels(state.tr, DEFAULT_LABELS.map((l) => (l.id === "actor" ? { ...l, name: "Person" } : l))));
    const badge = spanDecoKey.getState(renamed)!.set.find().find((d) => d.from === d.to)!;
    expect(String(badge.spec.key)).toContain(":Person:");
  });
});
