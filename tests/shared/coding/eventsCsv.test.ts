/**
 * CSV injection (issue 20 §6): cells a spreadsheet would run as formulas are
 * neutralized by default, the exact values are an explicit choice, and both
 * read back with papaparse and Python's csv module.
 */
import { execFileSync } from "node:child_process";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { EVENT_CSV_COLUMNS, eventsCsv, eventsJsonl } from "../../../shared/coding/eventExport";
import { buildEventRows } from "../../../shared/coding/events";
import { codedArticle } from "./article";

const TITLE = '=HYPERLINK("http://evil.example","Open")';
const HAMAS = "@SUM(1+1)";

/** The article with a formula as its title and a registry name a spreadsheet would run. */
function rowsWithFormulas() {
  const source = codedArticle();
  const documents = source.documents.map(({ doc, text }) => ({ doc: { ...doc, title: TITLE }, text }));
  const actors = source.actors.map((a) => (a.name === "Hamas" ? { ...a, name: HAMAS } : a));
  return buildEventRows({ ...source, documents, actors });
}

function column(rows: string[][], name: (typeof EVENT_CSV_COLUMNS)[number]): string[] {
  const at = EVENT_CSV_COLUMNS.indexOf(name);
  return rows.slice(1).map((row) => row[at]!);
}

const hasPython = (() => {
  try {
    execFileSync("python3", ["-c", "pass"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();

/** The rows as Python's csv module reads them. */
function pythonRows(csv: string): string[][] {
  const script = "import csv, io, json, sys\nprint(json.dumps(list(csv.reader(io.StringIO(sys.stdin.read(), newline='')))))";
  return JSON.parse(execFileSync("python3", ["-c", script], { input: csv }).toString()) as string[][];
}

describe("events CSV for spreadsheets", () => {
  it("puts a single quote before cells starting with =, +, -, @, tab or CR, and nowhere else", () => {
    const rows = rowsWithFormulas();
    const parsed = Papa.parse<string[]>(eventsCsv(rows).trimEnd()).data;
    expect(new Set(column(parsed, "doc_title"))).toEqual(new Set([`'${TITLE}`]));
    expect(column(parsed, "actor")).toContain(`'${HAMAS}`);
    // Ordinary cells are as they were.
    expect(column(parsed, "event")).toEqual(["CONSULT", "REJECT", "ASSAULT"]);
    expect(column(parsed, "date")[0]).toBe("2022-05-05");

    const cells = [["=1+1"], ["+1"], ["-1"], ["@A1"], ["\tTAB"], ["\rCR"], ["a=b"], [" =1"]];
    const expected = eventsCsv(rows.map((r) => ({ ...r, docTitle: "plain" })));
    expect(expected).not.toContain("'plain");
    for (const [i, [value]] of cells.entries()) {
      const csv = eventsCsv([{ ...rows[0]!, docTitle: value! }]);
      const title = column(Papa.parse<string[]>(csv.trimEnd()).data, "doc_title")[0];
      expect(title, JSON.stringify(value)).toBe(i < 6 ? `'${value}` : value);
    }
  });

  it("writes the exact values when asked, and JSON Lines always", () => {
    const rows = rowsWithFormulas();
    const parsed = Papa.parse<string[]>(eventsCsv(rows, { exact: true }).trimEnd()).data;
    expect(new Set(column(parsed, "doc_title"))).toEqual(new Set([TITLE]));
    expect(column(parsed, "actor")).toContain(HAMAS);
    const jsonl = [...eventsJsonl(rows)].map((line) => JSON.parse(line) as { doc_title: string });
    expect(jsonl.map((e) => e.doc_title)).toEqual([TITLE, TITLE, TITLE]);
  });

  it.skipIf(!hasPython)("reads back the same in Python's csv module", () => {
    const rows = rowsWithFormulas();
    const safe = pythonRows(eventsCsv(rows));
    expect(safe[0]).toEqual([...EVENT_CSV_COLUMNS]);
    expect(column(safe, "doc_title")[0]).toBe(`'${TITLE}`);
    expect(safe).toEqual(Papa.parse<string[]>(eventsCsv(rows).trimEnd()).data);
    const exact = pythonRows(eventsCsv(rows, { exact: true }));
    expect(column(exact, "doc_title")[0]).toBe(TITLE);
    expect(column(exact, "actor")).toContain(HAMAS);
  });
});
