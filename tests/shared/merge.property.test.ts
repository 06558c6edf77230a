/**
 * The merge laws, over random copies of one project held by colleagues:
 * shared and private texts under colliding document ids, shared span ids with
 * different versions, equal timestamps, tombstones, astral text and
 * overlapping spans.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalContent, mergeSnapshots } from "../../shared/merge";
import { spanVersionKey } from "../../shared/mergeSpan";
import { checkSnapshot, type ProjectSnapshot, type SnapshotSpan } from "../../shared/projectFile";
import { sidesArb } from "./projectFileArbitraries";
import { buildSnapshot, type SnapshotSpec } from "./projectFileBuilders";

const RUNS = { numRuns: 200 };

const build = (specs: SnapshotSpec[]) => Promise.all(specs.map(buildSnapshot));

function hashOf(snapshot: ProjectSnapshot, docId: string): string {
  return snapshot.documents.find((d) => d.doc.id === docId)!.doc.textHash;
}

/** The version a span has on one side, in side-independent terms. */
function versionOn(snapshot: ProjectSnapshot, spanId: string): { span: SnapshotSpan; key: string } | undefined {
  const span = snapshot.spans.find((s) => s.id === spanId);
  return span && { span, key: spanVersionKey(span, hashOf(snapshot, span.docId)) };
}

describe("merge laws (property)", () => {
  it("is idempotent: merging the same project again changes nothing and reports no change", async () => {
    await fc.assert(
      fc.asyncProperty(sidesArb(2), async (specs) => {
        const [a, b] = await build(specs);
        const once = mergeSnapshots(a!, b!);
        const twice = mergeSnapshots(once.snapshot, b!);
        expect(twice.snapshot).toStrictEqual(once.snapshot);
        expect(twice.report).toMatchObject({ documentsAdded: 0, labelsAdded: 0, spansAdded: 0, tombstonesAdded: 0, spansChanged: 0, spansRemoved: 0 });
        // A conflict settled in the base's favour is listed again, but never changes anything.
        for (const conflict of twice.report.conflicts) expect(conflict.kept).toBe("base");
        // Merging a project with itself changes nothing at all.
        const self = mergeSnapshots(a!, a!);
        expect(self.snapshot).toStrictEqual(a);
        expect(self.report.conflicts).toEqual([]);
      }),
      RUNS,
    );
  });

  it("is commutative on the canonical content", async () => {
    await fc.assert(
      fc.asyncProperty(sidesArb(2), async (specs) => {
        const [a, b] = await build(specs);
        expect(canonicalContent(mergeSnapshots(a!, b!).snapshot)).toBe(canonicalContent(mergeSnapshots(b!, a!).snapshot));
      }),
      RUNS,
    );
  });

  it("is associative on the canonical content", async () => {
    await fc.assert(
      fc.asyncProperty(sidesArb(3), async (specs) => {
        const [a, b, c] = await build(specs);
        const left = mergeSnapshots(mergeSnapshots(a!, b!).snapshot, c!).snapshot;
        const right = mergeSnapshots(a!, mergeSnapshots(b!, c!).snapshot).snapshot;
        expect(canonicalContent(left)).toBe(canonicalContent(right));
      }),
      { numRuns: 150 },
    );
  });

  it("keeps for each span the later version, ties to the deletion, and lists every disagreement", async () => {
    await fc.assert(
      fc.asyncProperty(sidesArb(2), async (specs) => {
        const [a, b] = await build(specs);
        const { snapshot, report } = mergeSnapshots(a!, b!);
        const ids = new Set([...a!.spans, ...b!.spans].map((s) => s.id));
        expect(snapshot.spans.map((s) => s.id).sort()).toEqual([...ids].sort());
        let disagreements = 0;
        for (const id of ids) {
          const ours = versionOn(a!, id);
          const theirs = versionOn(b!, id);
          const merged = versionOn(snapshot, id)!;
          if (!ours || !theirs) {
            expect(merged.key).toBe((ours ?? theirs)!.key);
            continue;
          }
          if (ours.key !== theirs.key) disagreements++;
          const later = ours.span.updatedAt === theirs.span.updatedAt ? undefined : ours.span.updatedAt > theirs.span.updatedAt ? ours : theirs;
          if (later) expect(merged.key).toBe(later.key);
          else if (ours.span.deleted !== theirs.span.deleted) expect(merged.span.deleted).toBe(true);
          else expect([ours.key, theirs.key]).toContain(merged.key);
          // Tombstones: a deletion at least as late as the other side's last edit wins.
          const deletion = [ours, theirs].find((v) => v.span.deleted);
          const other = deletion === ours ? theirs : ours;
          if (deletion && deletion.span.updatedAt >= other.span.updatedAt) expect(merged.span.deleted).toBe(true);
        }
        expect(report.conflicts).toHaveLength(disagreements);
      }),
      RUNS,
    );
  });

  it("counts in its report, and lists in its changes, exactly what changed in the base", async () => {
    await fc.assert(
      fc.asyncProperty(sidesArb(2), async (specs) => {
        const [a, b] = await build(specs);
        const { snapshot, report, changes } = mergeSnapshots(a!, b!);
        const before = new Map(a!.spans.map((s) => [s.id, s]));
        let added = 0;
        let tombstones = 0;
        let changed = 0;
        let removed = 0;
        for (const span of snapshot.spans) {
          const old = before.get(span.id);
          if (!old) {
            if (span.deleted) tombstones++;
            else added++;
          } else if (old !== span) {
            if (span.deleted && !old.deleted) removed++;
            else changed++;
          }
        }
        expect(report).toMatchObject({ spansAdded: added, tombstonesAdded: tombstones, spansChanged: changed, spansRemoved: removed });
        expect(report.documentsAdded).toBe(snapshot.documents.length - a!.documents.length);
        // The changes a store must write are exactly the records that differ from the base.
        const byId = (x: SnapshotSpan, y: SnapshotSpan) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);
        expect([...changes.spans].sort(byId)).toEqual(snapshot.spans.filter((s) => before.get(s.id) !== s).sort(byId));
        expect(changes.spans).toHaveLength(added + tombstones + changed + removed);
        expect(changes.documents).toEqual(snapshot.documents.slice(a!.documents.length));
      }),
      RUNS,
    );
  });

  it("always produces a valid project that keeps every text once", async () => {
    await fc.assert(
      fc.asyncProperty(sidesArb(2), async (specs) => {
        const [a, b] = await build(specs);
        const { snapshot } = mergeSnapshots(a!, b!);
        expect(await checkSnapshot(snapshot)).toEqual([]);
        const texts = new Set([...a!.documents, ...b!.documents].map((d) => d.doc.textHash));
        expect(snapshot.documents.map((d) => d.doc.textHash).sort()).toEqual([...texts].sort());
      }),
      RUNS,
    );
  });
});
