import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeProjectFile, encodeProjectFile } from "../../shared/projectFile";
import { snapshotSpecArb } from "./projectFileArbitraries";
import { buildSnapshot } from "./projectFileBuilders";

describe("project file round trip (property)", () => {
  it("decode(encode(s)) equals s for random projects with astral text and overlapping spans", async () => {
    await fc.assert(
      fc.asyncProperty(snapshotSpecArb, async (spec) => {
        const snapshot = await buildSnapshot(spec);
        const bytes = await encodeProjectFile(snapshot, { appVersion: "prop" });
        const result = await decodeProjectFile(bytes, "random.spanwise");
        if (!result.ok) throw new Error(result.problems.join("\n"));
        expect(result.snapshot).toStrictEqual(snapshot);
        // And the bytes are a function of the snapshot.
        expect(Buffer.from(await encodeProjectFile(result.snapshot, { appVersion: "prop" })).equals(Buffer.from(bytes))).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});
