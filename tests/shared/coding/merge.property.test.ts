/**
 * The merge laws of tests/shared/merge.property.test.ts, with event coding:
 * links and registry actors merge like spans (by id, later updatedAt wins,
 * tombstones, idempotent, commutative, associative).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { actorVersionKey, canonicalContent, linkVersionKey, mergeSnapshots } from "../../../shared/merge";
import { checkSnapshot, decodeProjectFile, encodeProjectFile, type ProjectSnapshot } from "../../../shared/projectFile";
import { buildCodedSides, codedSidesArb } from "./codingArbitraries";

const RUNS = { numRuns: 150 };

const hashOf = (snapshot: ProjectSnapshot, docId: string) => snapshot.documents.find((d) => d.doc.id === docId)!.doc.textHash;
const linkKeys = (s: ProjectSnapshot) => new Map((s.links ?? []).map((l) => [l.id, { record: l, key: linkVersionKey(l, hashOf(s, l.docId)) }]));
const actorKeys = (s: ProjectSnapshot) => new Map((s.actors ?? []).map((a) => [a.id, { record: a, key: actorVersionKey(a) }]));

describe("merge laws with links and actors (property)", () => {
  it("is idempotent and reports no change the second time", async () => {
    await fc.assert(
      fc.asyncProperty(codedSidesArb(2), async (sides) => {
        const [a, b] = await buildCodedSides(sides);
        const once = mergeSnapshots(a!, b!);
        const twice = mergeSnapshots(once.snapshot, b!);
        expect(twice.snapshot).toStrictEqual(once.snapshot);
        for (const counts of [twice.report.links, twice.report.actors]) expect(counts).toMatchObject({ added: 0, tombstonesAdded: 0, changed: 0, removed: 0 });
        expect(twice.report.documentsUpdated).toBe(0);
        expect(twice.changes.links).toEqual([]);
        expect(twice.changes.actors).toEqual([]);
        expect(mergeSnapshots(a!, a!).snapshot).toStrictEqual(a);
      }),
      RUNS,
    );
  });

  it("is commutative and associative on the canonical content", async () => {
    await fc.assert(
      fc.asyncProperty(codedSidesArb(3), async (sides) => {
        const [a, b, c] = await buildCodedSides(sides);
        expect(canonicalContent(mergeSnapshots(a!, b!).snapshot)).toBe(canonicalContent(mergeSnapshots(b!, a!).snapshot));
        const left = mergeSnapshots(mergeSnapshots(a!, b!).snapshot, c!).snapshot;
        const right = mergeSnapshots(a!, mergeSnapshots(b!, c!).snapshot).snapshot;
        expect(canonicalContent(left)).toBe(canonicalContent(right));
      }),
      RUNS,
    );
  });

  it("keeps the later version of each link and actor, a deletion at equal times, and counts what changed", async () => {
    await fc.assert(
      fc.asyncProperty(codedSidesArb(2), async (sides) => {
        const [a, b] = await buildCodedSides(sides);
        const { snapshot, report, changes } = mergeSnapshots(a!, b!);
        for (const [keysOf, counts, changed] of [
          [linkKeys, report.links, changes.links],
          [actorKeys, report.actors, changes.actors],
        ] as const) {
          const ours = keysOf(a!);
          const theirs = keysOf(b!);
          const merged = keysOf(snapshot);
          expect([...merged.keys()].sort()).toEqual([...new Set([...ours.keys(), ...theirs.keys()])].sort());
          let disagreements = 0;
          for (const [id, result] of merged) {
            const x = ours.get(id);
            const y = theirs.get(id);
            if (!x || !y) {
              expect(result.key).toBe((x ?? y)!.key);
              continue;
            }
            if (x.key !== y.key) disagreements++;
            if (x.record.updatedAt !== y.record.updatedAt) expect(result.key).toBe((x.record.updatedAt > y.record.updatedAt ? x : y).key);
            else if (x.record.deleted !== y.record.deleted) expect(result.record.deleted).toBe(true);
          }
          expect(counts.conflicts).toHaveLength(disagreements);
          expect(changed).toHaveLength(counts.added + counts.tombstonesAdded + counts.changed + counts.removed);
        }
        // A base document without a publication date takes the incoming one.
        for (const d of snapshot.documents) {
          const theirs = b!.documents.find((x) => x.doc.textHash === d.doc.textHash);
          const ours = a!.documents.find((x) => x.doc.textHash === d.doc.textHash);
          expect(d.doc.publishedAt).toBe(ours ? (ours.doc.publishedAt ?? theirs?.doc.publishedAt) : theirs!.doc.publishedAt);
        }
      }),
      RUNS,
    );
  });

  it("produces a project that saves and opens unchanged", async () => {
    await fc.assert(
      fc.asyncProperty(codedSidesArb(2), async (sides) => {
        const [a, b] = await buildCodedSides(sides);
        const { snapshot } = mergeSnapshots(a!, b!);
        expect(await checkSnapshot(snapshot)).toEqual([]);
        const reopened = await decodeProjectFile(await encodeProjectFile(snapshot, { appVersion: "test" }), "merged.spanwise");
        expect(reopened.ok && reopened.snapshot).toStrictEqual(snapshot);
      }),
      { numRuns: 60 },
    );
  });
});
