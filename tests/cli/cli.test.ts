import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseArgs } from "../../cli/args";
import { UsageError } from "../../cli/errors";
import { runCli } from "../../cli/run";
import { decodeProjectFile, encodeProjectFile } from "../../shared/projectFile";
import { T0, buildSnapshot } from "../shared/projectFileBuilders";
import { memoryIo, text } from "./memoryIo";

const fixture = new Uint8Array(readFileSync(new URL("../fixtures/projects/format-v1.spanwise", import.meta.url)));

const ARTICLE = "Le maire 😀 a dit « 𝔸𝔹 ».\nFin.";

async function projectFile(annotator: string, spans: { id: string; at: string; label?: string; updatedAt?: number; deleted?: boolean }[], docId = `${annotator}-doc`) {
  const snapshot = await buildSnapshot({
    projectId: `${annotator}-project`,
    documents: [{ id: docId, text: ARTICLE, title: "Article" }],
    spans: spans.map((s) => ({ ...s, docId, annotator })),
  });
  return encodeProjectFile(snapshot, { appVersion: "test" });
}

function exportedLines(output: string): { id: string; text: string; spans: { start: number; end: number; text: string; annotator: string }[] }[] {
  return output
    .split("\n")
    .filter((l) => l !== "")
    .map((l) => JSON.parse(l));
}

/** Every span's text is the code point slice of its document's text, as Python would slice it. */
function expectCodePointSlicing(output: string): number {
  let count = 0;
  for (const record of exportedLines(output)) {
    const codePoints = Array.from(record.text);
    for (const span of record.spans) {
      expect(codePoints.slice(span.start, span.end).join("")).toBe(span.text);
      count++;
    }
  }
  return count;
}

describe("argument parsing", () => {
  const specs = [
    { name: "output", short: "o", takesValue: true },
    { name: "json", takesValue: false },
  ];

  it("reads options in every spelling, and positionals", () => {
    const args = parseArgs(["a", "-o", "x", "--json", "b", "--output=y", "--", "--c"], specs);
    expect(args.positionals).toEqual(["a", "b", "--c"]);
    expect(args.options.get("output")).toBe("y");
    expect(args.options.get("json")).toBe(true);
  });

  it("refuses unknown options, missing values and values on flags", () => {
    expect(() => parseArgs(["--nope"], specs)).toThrow(new UsageError("unknown option --nope"));
    expect(() => parseArgs(["-o"], specs)).toThrow("option --output needs a value");
    expect(() => parseArgs(["-o", "--json"], specs)).toThrow("option --output needs a value");
    expect(() => parseArgs(["--json=1"], specs)).toThrow("option --json takes no value");
  });
});

describe("usage", () => {
  it("prints usage on standard error and exits 2 without arguments", async () => {
    const io = memoryIo();
    expect(await runCli([], io)).toBe(2);
    expect(io.stderr).toContain("Usage: spanwise <command> [options]");
    expect(io.stderr).toContain("export <project.spanwise> [--format jsonl|events|events-csv] [-o out.jsonl] [--annotator NAME]");
    expect(io.stdout).toBe("");
  });

  it("prints usage on standard output for --help, and a command's own help", async () => {
    const io = memoryIo();
    expect(await runCli(["--help"], io)).toBe(0);
    expect(io.stdout).toContain("merge <a.spanwise> <b.spanwise> -o <merged.spanwise>");
    const sub = memoryIo();
    expect(await runCli(["merge", "--help"], sub)).toBe(0);
    expect(sub.stdout).toContain("Usage: spanwise merge <a.spanwise> <b.spanwise> -o <merged.spanwise>");
    const viaHelp = memoryIo();
    expect(await runCli(["help", "export"], viaHelp)).toBe(0);
    expect(viaHelp.stdout).toContain('record["text"][span["start"]:span["end"]] == span["text"]');
  });

  it.each([
    [["frob"], 'spanwise: unknown command "frob"\nRun "spanwise --help" for usage.\n'],
    [["export"], 'spanwise: missing <project.spanwise>\nRun "spanwise export --help" for usage.\n'],
    [["export", "a.spanwise", "--format", "csv"], 'spanwise: unknown format "csv" (known: jsonl, events, events-csv)\nRun "spanwise export --help" for usage.\n'],
    [["merge", "a.spanwise", "b.spanwise"], 'spanwise: missing -o <merged.spanwise>\nRun "spanwise merge --help" for usage.\n'],
    [["stats", "a", "b"], 'spanwise: unexpected argument "b"\nRun "spanwise stats --help" for usage.\n'],
    [["validate", "--frob"], 'spanwise: unknown option --frob\nRun "spanwise validate --help" for usage.\n'],
  ])("refuses %j with exit 2 and one reason", async (argv, message) => {
    const io = memoryIo();
    expect(await runCli(argv, io)).toBe(2);
    expect(io.stderr).toBe(message);
  });
});

describe("validate", () => {
  it("exits 0 for a valid file", async () => {
    const io = memoryIo({ "v1.spanwise": fixture });
    expect(await runCli(["validate", "v1.spanwise"], io)).toBe(0);
    expect(io.stdout).toBe("v1.spanwise: valid (file format 1): 2 documents, 5 spans and 1 deleted by 2 annotators\n");
  });

  it("exits 1 with every reason, checking every file given", async () => {
    const broken = fixture.slice(0, fixture.length - 30);
    const io = memoryIo({ "v1.spanwise": fixture, "cut.spanwise": broken });
    expect(await runCli(["validate", "cut.spanwise", "missing.spanwise", "v1.spanwise"], io)).toBe(1);
    expect(io.stderr).toBe(
      'cut.spanwise: truncated or damaged: the end of its zip directory is missing\nspanwise: cannot read "missing.spanwise": no such file or folder\n',
    );
    expect(io.stdout).toContain("v1.spanwise: valid");
  });
});

describe("stats", () => {
  it("counts documents, spans per label and per annotator", async () => {
    const io = memoryIo({ "v1.spanwise": fixture });
    expect(await runCli(["stats", "v1.spanwise"], io)).toBe(0);
    expect(io.stdout).toBe(
      [
        'v1.spanwise: project "Format 1 fixture" (file format 1, saved by Spanwise 0.1.0 on 2026-01-01)',
        "  2 documents, 5 spans (and 1 deleted)",
        "",
        "Spans per label:",
        "  Actor (actor)  3",
        "  Event (event)  0",
        "  Date (date)    1",
        "  Quote (quote)  1",
        "",
        "Spans per annotator:",
        "  ana  3 in 2 documents",
        "  bob  2 in 2 documents",
        "",
        "Links: 0",
        "  Speaker (speaker)      0",
        "  Source actor (source)  0",
        "  Target actor (target)  0",
        "  Date (date)            0",
        "",
        "Registry actors: 0",
        "",
      ].join("\n"),
    );
  });

  it("prints JSON with --json", async () => {
    const io = memoryIo({ "v1.spanwise": fixture });
    expect(await runCli(["stats", "--json", "v1.spanwise"], io)).toBe(0);
    const stats = JSON.parse(io.stdout);
    expect(stats).toMatchObject({ documents: 2, spans: 5, deletedSpans: 1 });
    expect(stats.annotators).toEqual([
      { name: "ana", spans: 3, documents: 2, labels: { date: 1, actor: 2 } },
      { name: "bob", spans: 2, documents: 2, labels: { quote: 1, actor: 1 } },
    ]);
  });
});

describe("export", () => {
  it("writes JSON Lines to standard output with code point offsets, leaving out deleted spans", async () => {
    const io = memoryIo({ "v1.spanwise": fixture });
    expect(await runCli(["export", "v1.spanwise", "--format", "jsonl"], io)).toBe(0);
    expect(expectCodePointSlicing(io.stdout)).toBe(5);
    const [first] = exportedLines(io.stdout);
    expect(first!.spans.map((s) => s.text)).toEqual(["On 3 May", "the mayor 🏛️", "mayor 🏛️ said: «We will rebuild.»"]);
    expect(io.stderr).toBe("");
  });

  it("writes to a file with -o, and only one annotator's spans with --annotator", async () => {
    const io = memoryIo({ "v1.spanwise": fixture });
    expect(await runCli(["export", "v1.spanwise", "-o", "out.jsonl", "--annotator", "bob"], io)).toBe(0);
    expect(io.stdout).toBe("");
    expect(io.writes).toEqual(["out.jsonl"]);
    const out = text(io.files.get("out.jsonl"));
    expect(expectCodePointSlicing(out)).toBe(2);
    expect(exportedLines(out).flatMap((r) => r.spans.map((s) => s.annotator))).toEqual(["bob", "bob"]);
    expect(exportedLines(out)).toHaveLength(2);
  });

  it("warns when no span is by the annotator asked for", async () => {
    const io = memoryIo({ "v1.spanwise": fixture });
    expect(await runCli(["export", "v1.spanwise", "--annotator", "zoe"], io)).toBe(0);
    expect(io.stderr).toBe('spanwise: warning: no spans by annotator "zoe" in v1.spanwise (annotators: ana, bob)\n');
  });

  it("refuses a bad file with one line naming it, and writes nothing", async () => {
    const broken = fixture.slice();
    const middle = Math.floor(broken.length / 2);
    broken[middle] = broken[middle]! ^ 0xff;
    const io = memoryIo({ "bad.spanwise": broken });
    expect(await runCli(["export", "bad.spanwise", "-o", "out.jsonl"], io)).toBe(1);
    expect(io.stderr.split("\n")).toHaveLength(2);
    expect(io.stderr).toMatch(/^spanwise: bad\.spanwise: /);
    expect(io.files.has("out.jsonl")).toBe(false);
  });

  it("shows progress on a terminal, and not with --quiet", async () => {
    const tty = memoryIo({ "v1.spanwise": fixture }, { tty: true });
    expect(await runCli(["export", "v1.spanwise", "-o", "o.jsonl"], tty)).toBe(0);
    expect(tty.stderr).toContain("\rspanwise: reading v1.spanwise: spans 6/6");
    expect(tty.stderr).toContain("\rspanwise: exporting documents 2/2");
    const quiet = memoryIo({ "v1.spanwise": fixture }, { tty: true });
    expect(await runCli(["export", "-q", "v1.spanwise", "-o", "o.jsonl"], quiet)).toBe(0);
    expect(quiet.stderr).toBe("");
  });
});

describe("merge", () => {
  it("merges two files, prints the report and writes a valid project", async () => {
    const a = await projectFile("ana", [
      { id: "s1", at: "Le maire", label: "actor", updatedAt: T0 + 1 },
      { id: "s2", at: "𝔸𝔹", label: "quote" },
    ]);
    const b = await projectFile("bob", [
      { id: "s1", at: "Le maire", label: "event", updatedAt: T0 + 2 },
      { id: "s3", at: "😀", label: "event" },
    ]);
    const io = memoryIo({ "a.spanwise": a, "b.spanwise": b });
    expect(await runCli(["merge", "a.spanwise", "b.spanwise", "-o", "m.spanwise"], io)).toBe(0);
    expect(io.stdout).toBe(
      [
        "Merged b.spanwise into a.spanwise and wrote m.spanwise:",
        "  documents added     0",
        "  labels added        0",
        "  spans added         1",
        "  spans changed       1",
        "  spans removed       0",
        "  deletions carried   0",
        "  conflicts resolved  1",
        "Conflicts (the later edit wins; at equal times a deletion wins):",
        '  span s1 in "Article": kept b.spanwise\'s event "Le maire" by bob at 2023-11-14 22:13:20.002 UTC over a.spanwise\'s actor "Le maire" by ana at 2023-11-14 22:13:20.001 UTC',
        "",
      ].join("\n"),
    );
    const merged = await decodeProjectFile(io.files.get("m.spanwise")!, "m.spanwise");
    expect(merged.ok && merged.snapshot.spans.map((s) => `${s.id}:${s.annotator}:${s.label}`)).toEqual(["s1:bob:event", "s2:ana:quote", "s3:bob:event"]);
    expect(merged.ok && merged.snapshot.project.id).toBe("ana-project");

    // Merging the same file again changes nothing.
    const again = memoryIo({ "m.spanwise": io.files.get("m.spanwise")!, "b.spanwise": b });
    expect(await runCli(["merge", "m.spanwise", "b.spanwise", "-o", "m2.spanwise", "--json"], again)).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ documentsAdded: 0, spansAdded: 0, spansChanged: 0, spansRemoved: 0, conflicts: [] });
  });

  it("refuses to merge when either file is invalid", async () => {
    const io = memoryIo({ "a.spanwise": fixture, "b.spanwise": new TextEncoder().encode("hello") });
    expect(await runCli(["merge", "a.spanwise", "b.spanwise", "-o", "m.spanwise"], io)).toBe(1);
    expect(io.stderr).toBe("spanwise: b.spanwise: not a zip archive, so not a Spanwise project file\n");
    expect(io.files.has("m.spanwise")).toBe(false);
  });
});

describe("failures", () => {
  it("reports an unexpected error as one line", async () => {
    const io = memoryIo({ "v1.spanwise": fixture });
    io.writeStdout = async () => {
      throw new Error("stdout exploded\n    at somewhere (file.ts:1:1)");
    };
    expect(await runCli(["stats", "v1.spanwise"], io)).toBe(1);
    expect(io.stderr).toBe("spanwise: unexpected error: stdout exploded\n");
  });

  it("reports a failed write as one line", async () => {
    const io = memoryIo({ "v1.spanwise": fixture }, { failWrites: true });
    expect(await runCli(["export", "v1.spanwise", "-o", "out.jsonl"], io)).toBe(1);
    expect(io.stderr).toBe('spanwise: cannot write "out.jsonl": the disk is full\n');
  });
});
