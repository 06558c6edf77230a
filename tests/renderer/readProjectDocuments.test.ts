/**
 * Reading a project's documents with their spans for the export, in batches:
 * whatever the batch size, each document of the project comes once, in list
 * order, with exactly its spans (tombstones too), never another project's.
 */
import "fake-indexeddb/auto";
import { beforeEach, describe, expect, it } from "vitest";
import { readProjectDocuments, shareRange, type Share } from "../../renderer/store/documents";
import { openAsNewProject } from "../../renderer/store/projectFiles";
import { buildSnapshot } from "../shared/projectFileBuilders";
import { freshStore } from "./storeHelpers";

beforeEach(freshStore);

async function readAll(projectId: string, batchSize: number, share?: Share) {
  const out: { id: string; text: string; spans: string[] }[] = [];
  for await (const { doc, text, spans } of readProjectDocuments(projectId, share ? { batchSize, share } : { batchSize })) {
    out.push({ id: doc.id, text, spans: spans.map((s) => s.id).sort() });
  }
  return out;
}

describe("reading a project's documents and spans", () => {
  it("splits a list into consecutive shares that cover it once", () => {
    for (let length = 0; length < 30; length++) {
      for (let count = 1; count <= 5; count++) {
        const ranges = Array.from({ length: count }, (_, index) => shareRange(length, { index, count }));
        expect(ranges[0]![0]).toBe(0);
        expect(ranges.at(-1)![1]).toBe(length);
        for (let i = 1; i < count; i++) expect(ranges[i]![0]).toBe(ranges[i - 1]![1]);
        for (const [from, to] of ranges) expect(to - from).toBeLessThanOrEqual(Math.ceil(length / count));
      }
    }
  });

  it("gives the same documents and spans in one batch as in batches of one or two", async () => {
    const texts = ["Ana met Ben in Oslo.", "Carl wrote to Dana.", "Eve left 👋 on Friday.", "No spans in this one.", "Gil and Hal agreed."];
    await openAsNewProject(
      await buildSnapshot({
        projectId: "p1",
        documents: texts.map((text, i) => ({ id: `d${i}`, text, createdAt: 1_000 + (4 - i) })),
        spans: [
          { id: "s1", docId: "d0", at: "Ana" },
          { id: "s2", docId: "d0", at: "Oslo", label: "event" },
          { id: "s3", docId: "d1", at: "Dana", deleted: true },
          { id: "s4", docId: "d2", at: "Friday", label: "date" },
          { id: "s5", docId: "d4", at: "Gil" },
        ],
      }),
    );
    // Another project in the same store, with the same span ids: its spans are never given.
    await openAsNewProject(
      await buildSnapshot({ projectId: "p2", documents: [{ id: "e0", text: "Ana met Ben in Oslo, again." }], spans: [{ id: "s1", docId: "e0", at: "Ben" }] }),
    );

    const swept = await readAll("p1", 200);
    expect(await readAll("p1", 1)).toEqual(swept);
    expect(await readAll("p1", 2)).toEqual(swept);
    expect(swept.map((d) => d.id)).toEqual(["d4", "d3", "d2", "d1", "d0"]);
    expect(swept.map((d) => d.spans)).toEqual([["s5"], [], ["s4"], ["s3"], ["s1", "s2"]]);
    expect(swept[2]!.text).toBe(texts[2]);
    // Split into shares (one worker each), the shares in order give the same documents once each.
    for (const count of [1, 2, 3, 4, 7]) {
      const shares = [];
      for (let index = 0; index < count; index++) shares.push(...(await readAll("p1", 2, { index, count })));
      expect(shares).toEqual(swept);
    }
  });
});
