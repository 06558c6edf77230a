/**
 * Whose change won a merge: `updatedBy` travels through project files, and
 * the merge report (app and command line) names the person and the time of
 * each version in a conflict.
 */
import { describe, expect, it } from "vitest";
import { runCli } from "../../cli/run";
import { mergeSnapshots } from "../../shared/merge";
import { describeSpanVersion } from "../../shared/mergeReportText";
import { decodeProjectFile, encodeProjectFile, type ProjectSnapshot } from "../../shared/projectFile";
import { memoryIo } from "../cli/memoryIo";
import { T0, buildSnapshot } from "./projectFileBuilders";

const TEXT = "Mayor Ana Okafor met the council.";

async function sides(): Promise<[ProjectSnapshot, ProjectSnapshot]> {
  const base = await buildSnapshot({ documents: [{ id: "d1", text: TEXT }], spans: [{ id: "s1", docId: "d1", at: "Ana Okafor", annotator: "ana", updatedAt: T0 + 1000 }] });
  const theirs = await buildSnapshot({ documents: [{ id: "d1", text: TEXT }], spans: [{ id: "s1", docId: "d1", at: "Ana Okafor", annotator: "ana", label: "event", updatedAt: T0 + 5000 }] });
  theirs.spans[0] = { ...theirs.spans[0]!, updatedBy: "ben" };
  return [base, theirs];
}

describe("whose change won", () => {
  it("keeps updatedBy on spans, links and actors through a project file", async () => {
    const [, theirs] = await sides();
    theirs.links = [{ id: "l1", projectId: "p1", docId: "d1", type: "speaker", from: "s1", to: "s1", annotator: "ana", updatedBy: "ben", createdAt: T0, updatedAt: T0, deleted: false }];
    theirs.actors = [{ id: "a1", projectId: "p1", name: "Ana Okafor", aliases: [], updatedBy: "chidi", createdAt: T0, updatedAt: T0, deleted: false }];
    const decoded = await decodeProjectFile(await encodeProjectFile(theirs, { appVersion: "test" }), "theirs.spanwise");
    if (!decoded.ok) throw new Error(decoded.problems.join("\n"));
    expect(decoded.snapshot.spans[0]!.updatedBy).toBe("ben");
    expect(decoded.snapshot.links![0]!.updatedBy).toBe("ben");
    expect(decoded.snapshot.actors![0]!.updatedBy).toBe("chidi");
  });

  it("the report names who changed each version and when", async () => {
    const [base, theirs] = await sides();
    const [conflict] = mergeSnapshots(base, theirs).report.conflicts;
    expect(conflict).toMatchObject({ kept: "incoming", incoming: { annotator: "ana", updatedBy: "ben", label: "event" }, base: { annotator: "ana" } });
    expect(describeSpanVersion(conflict!.incoming)).toBe('event "Ana Okafor" by ana, changed by ben at 2023-11-14 22:13:25.000 UTC');
    expect(describeSpanVersion(conflict!.base)).toBe('actor "Ana Okafor" by ana at 2023-11-14 22:13:21.000 UTC');
    expect(describeSpanVersion({ ...conflict!.base, deleted: true, updatedBy: "ben" })).toBe('the deletion of actor "Ana Okafor" by ana, changed by ben at 2023-11-14 22:13:21.000 UTC');
  });

  it("spanwise merge says whose change it kept", async () => {
    const [base, theirs] = await sides();
    const io = memoryIo({ "mine.spanwise": await encodeProjectFile(base, { appVersion: "test" }), "ben.spanwise": await encodeProjectFile(theirs, { appVersion: "test" }) });
    expect(await runCli(["merge", "mine.spanwise", "ben.spanwise", "-o", "out.spanwise", "-q"], io)).toBe(0);
    expect(io.stdout).toContain(
      `span s1 in "d1": kept ben.spanwise's event "Ana Okafor" by ana, changed by ben at 2023-11-14 22:13:25.000 UTC over mine.spanwise's actor "Ana Okafor" by ana at 2023-11-14 22:13:21.000 UTC`,
    );
  });
});
