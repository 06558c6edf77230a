/**
 * The CLI on a coded project: events as JSON Lines and CSV, the dataset
 * export with attributes, actors and links, stats and merge of links and
 * actors.
 */
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { runCli } from "../../cli/run";
import { decodeProjectFile, encodeProjectFile, type ProjectSnapshot } from "../../shared/projectFile";
import { buildSnapshot } from "../shared/projectFileBuilders";
import { codedArticle } from "../shared/coding/article";
import { memoryIo, text } from "./memoryIo";

/** The coded article of tests/shared/coding/article.ts as a project snapshot. */
async function codedProject(): Promise<ProjectSnapshot> {
  const article = codedArticle();
  const base = await buildSnapshot({ projectId: "project-1", documents: [{ id: "doc-1", text: article.text, title: "Cairo talks" }] });
  return {
    ...base,
    documents: base.documents.map((d) => ({ ...d, doc: { ...d.doc, publishedAt: "2022-05-10" } })),
    spans: article.spans,
    links: article.links,
    actors: article.actors.map((a) => ({ ...a })),
  };
}

const file = async (snapshot?: ProjectSnapshot) => encodeProjectFile(snapshot ?? (await codedProject()), { appVersion: "test" });

describe("spanwise export --format events", () => {
  it("writes one PLOVER-style record per event to standard output", async () => {
    const io = memoryIo({ "p.spanwise": await file() });
    expect(await runCli(["export", "p.spanwise", "--format", "events"], io)).toBe(0);
    const records = io.stdout.trimEnd().split("\n").map((l) => JSON.parse(l));
    expect(records.map((r) => [r.id, r.date, r.event, r.actor.map((a: { identifier_text: string }) => a.identifier_text), r.recipient.length])).toEqual([
      ["s3", "2022-05-05", "CONSULT", ["Ismail Haniyeh"], 1],
      ["s7", "2022-05-06", "REJECT", ["Hamas"], 1],
      ["s11", "2022-06", "ASSAULT", [], 0],
    ]);
    expect(records[0].actor[0].identifier_id).toBe("Q1807386");
    expect(records[2].problems).toHaveLength(2);
    expect(io.stderr).toBe("");
  });

  it("neutralizes cells a spreadsheet would run, unless --csv-exact", async () => {
    const snapshot = await codedProject();
    snapshot.documents = snapshot.documents.map((d) => ({ ...d, doc: { ...d.doc, title: "=HYPERLINK(1)" } }));
    const titles = async (...flags: string[]) => {
      const io = memoryIo({ "p.spanwise": await file(snapshot) });
      expect(await runCli(["export", "p.spanwise", "--format", "events-csv", "-o", "events.csv", ...flags], io)).toBe(0);
      return new Set(Papa.parse<Record<string, string>>(text(io.files.get("events.csv")).trimEnd(), { header: true }).data.map((r) => r.doc_title));
    };
    expect(await titles()).toEqual(new Set(["'=HYPERLINK(1)"]));
    expect(await titles("--csv-exact")).toEqual(new Set(["=HYPERLINK(1)"]));
    const wrong = memoryIo({ "p.spanwise": await file(snapshot) });
    expect(await runCli(["export", "p.spanwise", "--format", "events", "--csv-exact"], wrong)).toBe(2);
    expect(wrong.stderr).toContain("--csv-exact applies to --format events-csv only");
  });

  it("writes CSV to a file, and filters by annotator", async () => {
    const snapshot = await codedProject();
    snapshot.spans = snapshot.spans.map((s) => (s.id === "s7" ? { ...s, annotator: "bob" } : s));
    const io = memoryIo({ "p.spanwise": await file(snapshot) });
    expect(await runCli(["export", "p.spanwise", "--format", "events-csv", "-o", "events.csv"], io)).toBe(0);
    const csv = text(io.files.get("events.csv"));
    const rows = Papa.parse<Record<string, string>>(csv.trimEnd(), { header: true }).data;
    expect(rows.map((r) => `${r.id}|${r.date}|${r.actor}|${r.event}|${r.recipient}`)).toEqual([
      "s3|2022-05-05|Ismail Haniyeh|CONSULT|Egyptian mediators",
      "s7|2022-05-06|Hamas|REJECT|Israeli",
      "s11|2022-06||ASSAULT|",
    ]);
    const bob = memoryIo({ "p.spanwise": await file(snapshot) });
    expect(await runCli(["export", "p.spanwise", "--format", "events", "--annotator", "bob"], bob)).toBe(0);
    expect(bob.stdout.trimEnd().split("\n").map((l) => JSON.parse(l).id)).toEqual(["s7"]);
  });

  it("writes an empty export for a project without events", async () => {
    const io = memoryIo({ "p.spanwise": await file(await buildSnapshot({ documents: [{ id: "d", text: "Nothing happened." }] })) });
    expect(await runCli(["export", "p.spanwise", "--format", "events-csv"], io)).toBe(0);
    expect(io.stdout.split("\r\n")).toHaveLength(2);
  });
});

describe("spanwise export --format jsonl with coding", () => {
  it("carries attributes, registry actors, the publication date and links", async () => {
    const io = memoryIo({ "p.spanwise": await file() });
    expect(await runCli(["export", "p.spanwise"], io)).toBe(0);
    const [record] = io.stdout.trimEnd().split("\n").map((l) => JSON.parse(l));
    expect(record.published_at).toBe("2022-05-10");
    expect(record.spans.find((s: { id: string }) => s.id === "s2")).toMatchObject({ attrs: { kind: "person" }, actor: { id: "haniyeh", name: "Ismail Haniyeh" } });
    expect(record.links).toHaveLength(8);
  });
});

describe("spanwise stats and merge with coding", () => {
  it("counts links per type, registry actors and coding problems", async () => {
    const io = memoryIo({ "p.spanwise": await file() });
    expect(await runCli(["stats", "p.spanwise"], io)).toBe(0);
    expect(io.stdout).toContain(
      [
        "Links: 9 (and 1 deleted)",
        "  Speaker (speaker)      1",
        "  Source actor (source)  2",
        "  Target actor (target)  3",
        "  Date (date)            3",
        "",
        "Registry actors: 3, 1 merged into others",
        "",
        "Coding problems (left out of exports' structured fields):",
        "  attr-invalid       1",
        "  link-missing-span  1",
      ].join("\n"),
    );
    const json = memoryIo({ "p.spanwise": await file() });
    expect(await runCli(["stats", "--json", "p.spanwise"], json)).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ links: { total: 9, deleted: 1 }, actors: { live: 3, merged: 1, deleted: 0 }, codingProblems: { "attr-invalid": 1 } });
  });

  it("merges links and actors and reports them", async () => {
    const a = await codedProject();
    const b = await codedProject();
    b.links = [...b.links!.filter((l) => l.id !== "l9"), { ...b.links![0]!, id: "l11", type: "target", to: "s1", updatedAt: b.links![0]!.updatedAt + 5 }];
    b.actors = b.actors!.map((x) => (x.id === "hamas" ? { ...x, aliases: ["Harakat al-Muqawama"], updatedAt: x.updatedAt + 5 } : x));
    const io = memoryIo({ "a.spanwise": await file(a), "b.spanwise": await file(b) });
    expect(await runCli(["merge", "a.spanwise", "b.spanwise", "-o", "m.spanwise"], io)).toBe(0);
    expect(io.stdout).toContain("  links added         1\n");
    expect(io.stdout).toContain("  actors changed      1\n");
    expect(io.stdout).toContain("  actor conflicts     1\n");
    const merged = await decodeProjectFile(io.files.get("m.spanwise")!, "m.spanwise");
    if (!merged.ok) throw new Error(merged.problems.join());
    expect(merged.snapshot.links!.map((l) => l.id)).toContain("l11");
    expect(merged.snapshot.links!.map((l) => l.id)).toContain("l9");
    expect(merged.snapshot.actors!.find((x) => x.id === "hamas")!.aliases).toEqual(["Harakat al-Muqawama"]);
  });
});
