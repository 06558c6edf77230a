/**
 * The document list loads in chunks, each read from where the last ended:
 * every document comes once, in list order, even when many share a creation
 * time (documents merged from a colleague's file keep theirs).
 */
import "fake-indexeddb/auto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { DocumentRecord } from "../../shared/model";
import { db, projectDocuments } from "../../renderer/store/db";
import { documentsAfter } from "../../renderer/store/useProjectDocuments";
import { freshStore } from "./storeHelpers";

async function store(docs: DocumentRecord[]): Promise<void> {
  await freshStore();
  await db.documents.bulkAdd(docs);
}

async function loadInChunks(projectId: string, size: number): Promise<string[]> {
  const loaded: DocumentRecord[] = [];
  for (;;) {
    const chunk = await documentsAfter(projectId, loaded, size);
    if (chunk.length === 0) return loaded.map((d) => d.id);
    loaded.push(...chunk);
  }
}

const doc = (id: string, projectId: string, createdAt: number): DocumentRecord => ({ id, projectId, title: id, textHash: id, length: 1, createdAt });

describe("loading the document list in chunks", () => {
  it("gives every document of the project once, in list order, whatever the chunk size and shared times", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.record({ id: fc.string({ minLength: 1, maxLength: 6 }), createdAt: fc.integer({ min: 1, max: 6 }), other: fc.boolean() }), { selector: (d) => d.id, maxLength: 40 }),
        fc.integer({ min: 1, max: 7 }),
        async (rows, size) => {
          await store(rows.map((r) => doc(r.id, r.other ? "other" : "p", r.createdAt)));
          const expected = (await projectDocuments(db, "p").toArray()).map((d) => d.id);
          expect(await loadInChunks("p", size)).toEqual(expected);
        },
      ),
      { numRuns: 60 },
    );
  });
});
