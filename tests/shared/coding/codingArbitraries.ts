/**
 * fast-check generators that add event coding (links, registry actors, span
 * attributes, publication dates) to the random projects of
 * tests/shared/projectFileArbitraries.ts.
 */
import fc from "fast-check";
import type { AttrValue } from "../../../shared/coding/model";
import type { ProjectSnapshot, SnapshotActor, SnapshotLink } from "../../../shared/projectFile";
import { sidesArb } from "../projectFileArbitraries";
import { T0, buildSnapshot, type SnapshotSpec } from "../projectFileBuilders";

/** What one side adds to its snapshot: indexes into its documents and into shared id pools. */
export interface CodingSpec {
  links: ({ doc: number; type: string; from: number; to: number; annotator: string; createdAt: number; updatedAt: number; deleted: boolean } | undefined)[];
  actors: ({ name: string; aliases: string[]; kind?: string; identifier?: string; mergedInto?: number; updatedAt: number; deleted: boolean } | undefined)[];
  attrs: (Record<string, AttrValue> | undefined)[];
  actorIds: (number | undefined)[];
  publishedAt: (string | undefined)[];
}

const LINK_POOL = 6;
const ACTOR_POOL = 4;
const SPAN_POOL = 8;

export const codingSpecArb: fc.Arbitrary<CodingSpec> = fc.record({
  links: fc.array(
    fc.option(
      fc.record({
        doc: fc.nat(3),
        type: fc.constantFrom("source", "target", "date", "speaker"),
        from: fc.nat(SPAN_POOL + 1),
        to: fc.nat(SPAN_POOL + 1),
        annotator: fc.constantFrom("ana", "bob"),
        createdAt: fc.integer({ min: 0, max: 1 }),
        updatedAt: fc.integer({ min: 0, max: 3 }),
        deleted: fc.boolean(),
      }),
      { nil: undefined },
    ),
    { minLength: LINK_POOL, maxLength: LINK_POOL },
  ),
  actors: fc.array(
    fc.option(
      fc.record(
        {
          name: fc.constantFrom("Hamas", "Ismail Haniyeh", "Haniya", "Zoë 🦊"),
          aliases: fc.subarray(["Haniyeh", "HAMAS", "Isma'il Haniya"]),
          kind: fc.constantFrom("person", "organization"),
          identifier: fc.constantFrom("Q1", "Q2"),
          mergedInto: fc.nat(ACTOR_POOL - 1),
          updatedAt: fc.integer({ min: 0, max: 3 }),
          deleted: fc.boolean(),
        },
        { requiredKeys: ["name", "aliases", "updatedAt", "deleted"] },
      ),
      { nil: undefined },
    ),
    { minLength: ACTOR_POOL, maxLength: ACTOR_POOL },
  ),
  attrs: fc.array(fc.option(fc.constantFrom<Record<string, AttrValue>>({ type: "AGREE" }, { type: "ASSAULT", mode: "firearms" }, { value: "2022-05" }, { n: 3, ok: true }), { nil: undefined }), {
    minLength: SPAN_POOL,
    maxLength: SPAN_POOL,
  }),
  actorIds: fc.array(fc.option(fc.nat(ACTOR_POOL), { nil: undefined }), { minLength: SPAN_POOL, maxLength: SPAN_POOL }),
  publishedAt: fc.array(fc.option(fc.constantFrom("2022-05-10", "2021-01-31"), { nil: undefined }), { minLength: 4, maxLength: 4 }),
});

/**
 * `snapshot` with the coding of `spec`: links between span ids of the shared
 * pool (some of which the side lacks: dangling links are kept), actors of a
 * shared id pool, attributes and actor links on its spans, publication dates.
 */
export function withCoding(snapshot: ProjectSnapshot, spec: CodingSpec): ProjectSnapshot {
  const projectId = snapshot.project.id;
  const docs = snapshot.documents;
  const links: SnapshotLink[] = [];
  spec.links.forEach((l, i) => {
    if (!l || docs.length === 0) return;
    links.push({
      id: `link${i}`,
      projectId,
      docId: docs[l.doc % docs.length]!.doc.id,
      type: l.type,
      from: `span${l.from}`,
      to: `span${l.to}`,
      annotator: l.annotator,
      createdAt: T0 + l.createdAt,
      updatedAt: T0 + l.updatedAt,
      deleted: l.deleted,
    });
  });
  const actors: SnapshotActor[] = [];
  spec.actors.forEach((a, i) => {
    if (!a) return;
    const actor: SnapshotActor = { id: `actor${i}`, projectId, name: a.name, aliases: a.aliases, createdAt: T0, updatedAt: T0 + a.updatedAt, deleted: a.deleted };
    if (a.kind !== undefined) actor.kind = a.kind;
    if (a.identifier !== undefined) actor.identifier = a.identifier;
    if (a.mergedInto !== undefined && a.mergedInto !== i) actor.mergedInto = `actor${a.mergedInto}`;
    actors.push(actor);
  });
  const spans = snapshot.spans.map((span) => {
    const k = Number(span.id.replace(/\D/g, "")) % SPAN_POOL;
    const attrs = spec.attrs[k];
    const actorId = spec.actorIds[k];
    return { ...span, ...(attrs ? { attrs } : {}), ...(actorId !== undefined ? { actorId: `actor${actorId}` } : {}) };
  });
  const documents = docs.map((d, i) => {
    const publishedAt = spec.publishedAt[i % spec.publishedAt.length];
    return publishedAt === undefined ? d : { ...d, doc: { ...d.doc, publishedAt } };
  });
  return { ...snapshot, documents, spans, links, actors };
}

/** Several colleagues' copies of one project, with coding. */
export function codedSidesArb(count: number): fc.Arbitrary<{ specs: SnapshotSpec[]; coding: CodingSpec[] }> {
  return sidesArb(count).chain((specs) => fc.record({ specs: fc.constant(specs), coding: fc.array(codingSpecArb, { minLength: count, maxLength: count }) }));
}

export async function buildCodedSides(sides: { specs: SnapshotSpec[]; coding: CodingSpec[] }): Promise<ProjectSnapshot[]> {
  const snapshots = await Promise.all(sides.specs.map(buildSnapshot));
  return snapshots.map((snapshot, i) => withCoding(snapshot, sides.coding[i]!));
}
