/**
 * fast-check generators for random projects: texts with astral characters,
 * combining marks, RTL script and (for the codec) lone surrogates; spans that
 * overlap and nest; unknown fields and members.
 */
import fc from "fast-check";
import { DEFAULT_LABELS } from "../../shared/model";
import { createOffsetMap } from "../../shared/offsets";
import { findForbiddenKey } from "../../shared/safeJson";
import type { DocSpec, SnapshotSpec, SpanSpec } from "./projectFileBuilders";
import { T0 } from "./projectFileBuilders";

const WELL_FORMED_UNITS = ["a", "b", "Z", " ", "\n", "\t", "é", "e\u0301", "😀", "𝔸", "👏🏽", "🏛️", "中", "ا", "ل", '"', "\\", "\u0000", "\u2028"];
const LONE_SURROGATES = ["\ud800", "\udfff"];

/** A text of 1 to `max` units; with `loneSurrogates`, also unpaired surrogate halves. */
export function textArb(max = 30, loneSurrogates = false): fc.Arbitrary<string> {
  return fc.string({ unit: fc.constantFrom(...WELL_FORMED_UNITS, ...(loneSurrogates ? LONE_SURROGATES : [])), minLength: 1, maxLength: max });
}

/** How TextEncoder (and so textHash) sees a text: lone surrogates become U+FFFD. */
export function hashIdentity(text: string): string {
  return text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd");
}

const RESERVED = new Set(["id", "projectId", "docId", "start", "end", "label", "text", "annotator", "createdAt", "updatedAt", "deleted", "title", "textHash", "length", "name", "labels", "color", "key", "extra"]);

/** Unknown fields as a newer version might write them: JSON values, keys that are not ours. */
export const extraArb: fc.Arbitrary<Record<string, unknown> | undefined> = fc.option(
  fc
    .dictionary(
      fc.string({ minLength: 1, maxLength: 8 }).filter((k) => !RESERVED.has(k)),
      fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.parse(JSON.stringify(v)) as unknown),
      { minKeys: 1, maxKeys: 3, noNullPrototype: true },
    )
    .filter((extra) => findForbiddenKey(extra) === undefined),
  { nil: undefined },
);

const labelIds = DEFAULT_LABELS.map((l) => l.id);

/** A span at code point offsets `[a, b)` of `text` (taken modulo its length), as UTF-16 offsets. */
export function placeSpan(text: string, a: number, b: number): { start: number; end: number } {
  const map = createOffsetMap(text);
  const length = map.codePointLength;
  const start = a % length;
  const end = start + 1 + (b % (length - start));
  return { start: map.toUtf16(start), end: map.toUtf16(end) };
}

/** Any valid project, for the codec round trip. */
export const snapshotSpecArb: fc.Arbitrary<SnapshotSpec> = fc
  .uniqueArray(
    fc.record({ text: textArb(40, true), title: fc.string({ maxLength: 12 }), createdAt: fc.integer({ min: 0, max: 2 ** 45 }), extra: extraArb }),
    { maxLength: 4, selector: (d) => hashIdentity(d.text) },
  )
  .chain((docs) => {
    const documents: DocSpec[] = docs.map((d, i) => ({ id: `doc-${i}`, text: d.text, title: d.title, createdAt: d.createdAt, ...(d.extra ? { extra: d.extra } : {}) }));
    const spanArb = fc.record({
      id: fc.string({ minLength: 1, maxLength: 10 }),
      doc: fc.nat(Math.max(0, documents.length - 1)),
      a: fc.nat(),
      b: fc.nat(),
      label: fc.constantFrom(...labelIds),
      annotator: fc.constantFrom("ana", "bob", "Zoë 🦊", ""),
      createdAt: fc.integer({ min: 0, max: 2 ** 45 }),
      edited: fc.nat(1_000_000),
      deleted: fc.boolean(),
      extra: extraArb,
    });
    const spans = fc.uniqueArray(spanArb, { maxLength: documents.length === 0 ? 0 : 12, selector: (s) => s.id });
    return fc.record({
      spans,
      unknown: fc.dictionary(fc.constantFrom("relations.jsonl", "future/actors.jsonl", "notes.md", "ü/x.bin"), fc.uint8Array({ maxLength: 64 }), { maxKeys: 2, noNullPrototype: true }),
      projectExtra: extraArb,
      name: fc.string({ maxLength: 20 }),
    }).map(({ spans: raw, unknown, projectExtra, name }): SnapshotSpec => ({
      name,
      documents,
      spans: raw.map((s): SpanSpec => {
        const doc = documents[s.doc]!;
        return {
          id: s.id,
          docId: doc.id,
          ...placeSpan(doc.text, s.a, s.b),
          label: s.label,
          annotator: s.annotator,
          createdAt: s.createdAt,
          updatedAt: s.createdAt + s.edited,
          deleted: s.deleted,
          ...(s.extra ? { extra: s.extra } : {}),
        };
      }),
      unknownMembers: unknown,
      ...(projectExtra ? { projectExtra } : {}),
    }));
  });

/**
 * Several copies of one project as colleagues would have them: each holds some
 * of a shared pool of texts (under its own or a colliding document id) and its
 * own version of some of a shared pool of spans. Times come from a small range
 * so that equal `updatedAt` (the tie rule) happens often.
 */
export function sidesArb(count: number): fc.Arbitrary<SnapshotSpec[]> {
  return fc.uniqueArray(textArb(16), { minLength: 1, maxLength: 4, selector: hashIdentity }).chain((texts) => {
    const versionArb = fc.record({
      a: fc.nat(),
      b: fc.nat(),
      label: fc.constantFrom(...labelIds),
      annotator: fc.constantFrom("ana", "bob"),
      createdAt: fc.integer({ min: 0, max: 1 }),
      updatedAt: fc.integer({ min: 0, max: 3 }),
      deleted: fc.boolean(),
      extra: fc.option(fc.constantFrom({ note: "x" }, { note: "y" }), { nil: undefined }),
    });
    const sideArb = (side: number) =>
      fc.record({
        has: fc.array(fc.boolean(), { minLength: texts.length, maxLength: texts.length }),
        idStyle: fc.array(fc.constantFrom("own", "shared", "shifted"), { minLength: texts.length, maxLength: texts.length }),
        titles: fc.array(fc.constantFrom("Title A", "Title B"), { minLength: texts.length, maxLength: texts.length }),
        versions: fc.array(fc.option(versionArb, { nil: undefined }), { minLength: 8, maxLength: 8 }),
        extraLabel: fc.boolean(),
        updatedAt: fc.integer({ min: 0, max: 5 }),
      }).map(({ has, idStyle, titles, versions, extraLabel, updatedAt }): SnapshotSpec => {
        const documents: DocSpec[] = [];
        const used = new Set<string>();
        texts.forEach((text, i) => {
          if (!has[i]) return;
          // "shifted" gives a document the id another text has elsewhere: ids collide across sides.
          let id = idStyle[i] === "own" ? `side${side}-doc${i}` : idStyle[i] === "shared" ? `doc${i}` : `doc${(i + 1) % texts.length}`;
          if (used.has(id)) id = `side${side}-doc${i}`;
          used.add(id);
          documents.push({ id, text, title: titles[i], createdAt: T0 + i });
        });
        const spans: SpanSpec[] = [];
        versions.forEach((v, k) => {
          const textIndex = k % texts.length;
          const doc = documents.find((d) => d.text === texts[textIndex]);
          if (!v || !doc) return;
          spans.push({
            id: `span${k}`,
            docId: doc.id,
            ...placeSpan(doc.text, v.a, v.b),
            label: v.label,
            annotator: v.annotator,
            createdAt: T0 + v.createdAt,
            updatedAt: T0 + v.updatedAt,
            deleted: v.deleted,
            ...(v.extra ? { extra: v.extra } : {}),
          });
        });
        const labels = [...DEFAULT_LABELS.map((l) => ({ ...l })), ...(extraLabel ? [{ id: `label-of-${side}`, name: "Mine", color: "#000", key: "9" }] : [])];
        return { projectId: `project${side}`, name: `Side ${side}`, labels, documents, spans, updatedAt: T0 + updatedAt };
      });
    return fc.tuple(...Array.from({ length: count }, (_, side) => sideArb(side)));
  });
}
