/**
 * The kept first screen (renderer/firstPaint/snapshot.ts): what the app keeps
 * in localStorage gives back exactly the screen the first paint would draw
 * from the store (same painted text, same spans that start in it, same
 * labels, layers and hidden annotators), whatever the text (emoji, combining
 * marks, Arabic, long lines, empty lines); the same screen always keeps as
 * the same string (the first paint compares them); and anything else in
 * that key (another layout, another store version, damage) is not read.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { blankSnapshotOf, keptIdentity, paintedEnd, screenOfSnapshot, snapshotOf } from "../../../renderer/firstPaint/snapshot";
import type { PaintedSpan, StoredScreen } from "../../../renderer/firstPaint/screen";
import { STORE_VERSION } from "../../../renderer/store/schemaVersion";

const pieces = ["a", "word ", "😀", "e\u0301", "مرحبا ", "\n", "\n\n", "x".repeat(700), "ﷺ", " "];
const text = fc.array(fc.constantFrom(...pieces), { maxLength: 400 }).map((p) => p.join(""));
/** Texts long enough to be cut: many short lines, or a few very long ones. */
const longText = fc.oneof(
  fc.integer({ min: 150, max: 400 }).map((n) => Array.from({ length: n }, (_, i) => `line ${i} 😀`).join("\n")),
  fc.integer({ min: 10, max: 40 }).map((n) => Array.from({ length: n }, (_, i) => `${"مرحبا ".repeat(200)}${i}`).join("\n")),
);

function screenOf(t: string, spanDraws: [number, number, number, number][], hidden: string[]): StoredScreen {
  const annotators = ["ana", "ben", "Zoë"];
  const spans: PaintedSpan[] = spanDraws.map(([a, b, label, who], i) => {
    const start = Math.min(a, b) % (t.length + 1);
    const end = Math.min(t.length, start + (Math.max(a, b) % 60));
    return { id: `s${i}`, start, end, label: ["actor", "event", "date"][label % 3]!, annotator: annotators[who % 3]! };
  });
  const layers = new Map<string, number>();
  for (const s of spans) layers.set(s.annotator, (layers.get(s.annotator) ?? 0) + 1);
  return {
    projectId: "p1",
    docId: "d1",
    labels: [
      { id: "actor", name: "Actor", color: "#2563eb", key: "1" },
      { id: "event", name: "حدث", color: "#dc2626", key: "2" },
    ],
    title: "Ministers meet 😀",
    publishedAt: null,
    text: t,
    spans,
    layers: [...layers],
    hidden,
  };
}

const screens = fc
  .tuple(fc.oneof(text, longText), fc.array(fc.tuple(fc.nat(20_000), fc.nat(20_000), fc.nat(), fc.nat()), { maxLength: 60 }), fc.subarray(["ana", "ben"]))
  .map(([t, draws, hidden]) => screenOf(t, draws, hidden));

describe("the painted part of a text", () => {
  it("ends at a line's end, at most 160 lines in, and cutting there paints the same lines", () => {
    fc.assert(
      fc.property(fc.oneof(text, longText), (t) => {
        const end = paintedEnd(t);
        expect(end === t.length || t[end] === "\n").toBe(true);
        expect(t.slice(0, end).split("\n").length).toBeLessThanOrEqual(160);
        // The kept copy holds text.slice(0, end): the first paint must find the same end in it.
        expect(paintedEnd(t.slice(0, end))).toBe(end);
        // Nothing is cut that a window shows: the first 12,000 characters' lines (up to 160) are all there.
        if (end < t.length) expect(end >= 12_000 || t.slice(0, end).split("\n").length === 160).toBe(true);
      }),
    );
  });
});

describe("the kept first screen", () => {
  it("gives back the screen's painted part exactly, and keeps as the same string", () => {
    fc.assert(
      fc.property(screens, (screen) => {
        const kept = snapshotOf(screen);
        const back = screenOfSnapshot(kept);
        expect(back).not.toBeNull();
        const end = paintedEnd(screen.text);
        expect(back!.text).toBe(screen.text.slice(0, end));
        expect(back!.spans.map((s) => s.id).sort()).toEqual(screen.spans.filter((s) => s.start < end).map((s) => s.id).sort());
        for (const s of back!.spans) expect(s).toEqual(screen.spans.find((o) => o.id === s.id));
        expect(back!.title).toBe(screen.title);
        expect(new Map(back!.layers)).toEqual(new Map(screen.layers));
        expect([...back!.hidden].sort()).toEqual([...screen.hidden].sort());
        expect(snapshotOf(back!)).toBe(kept);
      }),
    );
  });

  it("does not depend on the order of spans, layers or hidden annotators", () => {
    fc.assert(
      fc.property(screens, fc.infiniteStream(fc.nat()), (screen, draws) => {
        const shuffle = <T>(xs: readonly T[]) => xs.map((x) => [draws.next().value as number, x] as const).sort((a, b) => a[0] - b[0]).map(([, x]) => x);
        const other = { ...screen, spans: shuffle(screen.spans), layers: shuffle(screen.layers), hidden: shuffle(screen.hidden) };
        expect(snapshotOf(other)).toBe(snapshotOf(screen));
      }),
    );
  });

  it("a changed span, title, label or hidden layer keeps as another string", () => {
    const screen = screenOf("Ana met Ben.\nThey spoke.", [[0, 3, 0, 0], [8, 11, 0, 1]], []);
    const kept = snapshotOf(screen);
    expect(snapshotOf({ ...screen, title: "Other" })).not.toBe(kept);
    expect(snapshotOf({ ...screen, spans: screen.spans.slice(1) })).not.toBe(kept);
    expect(snapshotOf({ ...screen, spans: screen.spans.map((s, i) => (i ? { ...s, label: "event" } : s)) })).not.toBe(kept);
    expect(snapshotOf({ ...screen, labels: screen.labels.map((l) => ({ ...l, color: "#000000" })) })).not.toBe(kept);
    expect(snapshotOf({ ...screen, hidden: ["ben"] })).not.toBe(kept);
  });

  it("a blank (the reopened project shows no document) says which project, and holds no screen", () => {
    const blank = blankSnapshotOf("p1");
    expect(keptIdentity(blank)).toEqual({ projectId: "p1", docId: null });
    expect(screenOfSnapshot(blank)).toBeNull();
    expect(keptIdentity(snapshotOf(screenOf("Ana met Ben.", [], [])))).toEqual({ projectId: "p1", docId: "d1" });
    const other = JSON.parse(blank) as Record<string, unknown>;
    for (const v of [{ ...other, store: STORE_VERSION + 1 }, { ...other, layout: 0 }, { ...other, projectId: 3 }, { ...other, docId: 3 }]) expect(keptIdentity(JSON.stringify(v))).toBeNull();
    expect(keptIdentity("[]")).toBeNull();
  });

  it("reads nothing from a value that is not a kept screen of this layout and store version", () => {
    const kept = JSON.parse(snapshotOf(screenOf("Ana met Ben.", [[0, 3, 0, 0]], []))) as Record<string, unknown>;
    const variants: unknown[] = [
      { ...kept, layout: 2 },
      { ...kept, store: STORE_VERSION + 1 },
      { ...kept, store: STORE_VERSION - 1 },
      { ...kept, spans: [["s0", 5, 3, "actor", "ana"]] },
      { ...kept, spans: [["s0", 40, 41, "actor", "ana"]] },
      { ...kept, spans: [["s0", -1, 3, "actor", "ana"]] },
      { ...kept, spans: [["s0", 0, 3, "actor"]] },
      { ...kept, labels: [{ id: "actor" }] },
      { ...kept, title: 7 },
      { ...kept, layers: [["ana", -1]] },
      { ...kept, hidden: [1] },
      [],
      null,
    ];
    for (const v of variants) expect(screenOfSnapshot(JSON.stringify(v))).toBeNull();
    expect(screenOfSnapshot(null)).toBeNull();
    expect(screenOfSnapshot("")).toBeNull();
    expect(screenOfSnapshot("{not json")).toBeNull();
    expect(screenOfSnapshot(JSON.stringify(kept).slice(0, 40))).toBeNull();
    expect(screenOfSnapshot(JSON.stringify(kept))).not.toBeNull();
  });
});
