/**
 * The dataset export the app builds (in its worker; here, without workers
 * in Node, the same code runs directly): Blob parts that together are the
 * JSONL file, with code point offsets that slice the text.
 */
import "fake-indexeddb/auto";
import { beforeEach, describe, expect, it } from "vitest";
import { decodeProjectFile, encodeProjectFile } from "../../shared/projectFile";
import { openAsNewProject } from "../../renderer/store/projectFiles";
import { exportJsonlInBackground, projectFileInBackground } from "../../renderer/workers/client";
import { buildSnapshot } from "../shared/projectFileBuilders";
import { freshStore } from "./storeHelpers";

beforeEach(freshStore);

describe("the app's dataset export", () => {
  it("streams every document as one JSON line whose offsets are code points", async () => {
    const text = "Zoë 👏🏽 met مرحبا in Genève.";
    const snapshot = await buildSnapshot({
      projectId: "p1",
      documents: [
        { id: "d1", text, title: "emoji" },
        { id: "d2", text: "Plain text here.", title: "plain", createdAt: 2_000_000_000_000 },
      ],
      spans: [
        { id: "s1", docId: "d1", at: "مرحبا", label: "actor" },
        { id: "s2", docId: "d1", at: "Genève", label: "event", deleted: true },
      ],
    });
    await openAsNewProject(snapshot);
    const { parts, documents } = await exportJsonlInBackground("p1");
    expect(documents).toBe(2);
    const lines = (await new Blob(parts).text()).split("\n");
    expect(lines.pop()).toBe("");
    const records = lines.map((l) => JSON.parse(l) as { title: string; text: string; spans: { start: number; end: number; text: string }[] });
    expect(records.map((r) => r.title)).toEqual(["emoji", "plain"]);
    const [emoji] = records;
    expect(emoji!.spans).toHaveLength(1);
    const [span] = emoji!.spans;
    expect(Array.from(emoji!.text).slice(span!.start, span!.end).join("")).toBe("مرحبا");
  });

  it("writes the project file the store holds", async () => {
    const snapshot = await buildSnapshot({ projectId: "p1", documents: [{ id: "d1", text: "Amara Okafor met Jonas." }], spans: [{ id: "s1", docId: "d1", at: "Amara Okafor" }] });
    const decoded = await decodeProjectFile(await encodeProjectFile(snapshot, { appVersion: "test" }), "in.spanwise");
    if (!decoded.ok) throw new Error(decoded.problems.join());
    await openAsNewProject(decoded.snapshot);
    const again = await decodeProjectFile(await projectFileInBackground("p1"), "out.spanwise");
    expect(again.ok && again.snapshot.spans.map((s) => s.id)).toEqual(["s1"]);
  });
});
