import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { EVENT_CSV_COLUMNS, eventToJson, eventsCsv, eventsJsonl } from "../../../shared/coding/eventExport";
import { buildEventRows } from "../../../shared/coding/events";
import { codedArticle } from "./article";

describe("buildEventRows", () => {
  it("makes one record per event span with canonical actors, calendar dates, type and mode", () => {
    const source = codedArticle();
    const rows = buildEventRows(source);
    expect(rows.map((r) => r.text)).toEqual(["met", "reject", "Clashes"]);
    const [met, reject, clashes] = rows;

    expect(met).toMatchObject({ type: "CONSULT", mode: "visit", docTitle: "Cairo talks", publishedAt: "2022-05-10", problems: [] });
    expect(met!.date).toMatchObject({ value: "2022-05-05", granularity: "day", text: "Thursday", automatic: true });
    expect(met!.sources).toEqual([{ spanId: "s2", text: "Isma'il Haniya", actorId: "haniyeh", name: "Ismail Haniyeh", identifier: "Q1807386", kind: "person" }]);
    // An actor span without a registry link still names the actor by its text.
    expect(met!.targets).toEqual([{ spanId: "s4", text: "Egyptian mediators" }]);

    expect(reject).toMatchObject({ type: "REJECT", problems: [] });
    expect(reject!.date).toMatchObject({ value: "2022-05-06", automatic: false });
    expect(reject!.sources.map((a) => a.name)).toEqual(["Hamas"]);
    expect(reject!.quote).toMatchObject({ spanId: "s6", text: "“We reject the Israeli proposal, all of it,”" });
    // The speaker's span points to an actor merged into another: the survivor is named.
    expect(reject!.quote!.speakers).toEqual([{ spanId: "s9", text: "Musa Abu Marzouq", actorId: "marzouk", name: "Mousa Abu Marzouk", kind: "person" }]);

    // Bad coding is left out of the fields and said, the evidence stays.
    expect(clashes).toMatchObject({ type: "ASSAULT", text: "Clashes" });
    expect(clashes!.mode).toBeUndefined();
    expect(clashes!.date).toMatchObject({ value: "2022-06", granularity: "month", first: "2022-06-01", last: "2022-06-30" });
    expect(clashes!.targets).toEqual([]);
    expect(clashes!.sources).toEqual([]);
    expect(clashes!.problems).toEqual(['Mode has "visit", which does not go with type "ASSAULT"', "a Target actor link points to a span that does not exist, so it was left out"]);
  });

  it("filters by annotator, skips removed spans, and reports conflicting and unreadable dates", () => {
    const source = codedArticle();
    const spans = source.spans.map((s) => (s.id === "s7" ? { ...s, annotator: "bob" } : s.id === "s10" ? { ...s, attrs: { value: "May the sixth" } } : s));
    expect(buildEventRows({ ...source, spans }, { annotator: "bob" }).map((r) => r.id)).toEqual(["s7"]);
    const [reject] = buildEventRows({ ...source, spans }, { annotator: "bob" });
    expect(reject!.date).toBeUndefined();
    expect(reject!.problems).toEqual(['the date "May 6" has the value "May the sixth", which is not a calendar date']);

    const twoDates = [...source.links, { ...source.links[2]!, id: "l11", to: "s10" }];
    const [met] = buildEventRows({ ...source, links: twoDates });
    expect(met!.date).toBeUndefined();
    expect(met!.problems).toEqual(["it is linked to several dates (2022-05-05, 2022-05-06), so none is given"]);

    const removed = source.spans.map((s) => (s.id === "s3" ? { ...s, deleted: true } : s));
    expect(buildEventRows({ ...source, spans: removed }).map((r) => r.id)).toEqual(["s7", "s11"]);
  });

  it("cannot read a relative date without the document's publication date", () => {
    const source = codedArticle();
    const documents = source.documents.map(({ doc, text }) => ({ doc: { ...doc, publishedAt: undefined }, text }));
    const [met] = buildEventRows({ ...source, documents });
    expect(met!.date).toBeUndefined();
    expect(met!.problems[0]).toMatch(/^the date "Thursday" could not be read: .*publication date/);
  });
});

describe("event export", () => {
  it("writes JSON Lines with PLOVER's field names and code point offsets", () => {
    const source = codedArticle();
    const lines = [...eventsJsonl(buildEventRows(source))];
    expect(lines.every((line) => line.endsWith("\n") && !line.slice(0, -1).includes("\n"))).toBe(true);
    const records = lines.map((line) => JSON.parse(line));
    const [met, reject, clashes] = records;
    expect(Object.keys(met)).toEqual([
      "id", "date", "enddate", "date_granularity", "actor", "recipient", "event", "mode", "text", "text_info", "quote",
      "doc_id", "doc_title", "published_at", "coder", "coded_date", "coded_time",
    ]);
    expect(met).toMatchObject({ id: "s3", date: "2022-05-05", enddate: null, date_granularity: "day", event: "CONSULT", mode: "visit", coder: "ana", coded_date: "2024-05-01" });
    expect(met.actor).toEqual([{ actor_text: "Isma'il Haniya", identifier_text: "Ismail Haniyeh", identifier_id: "Q1807386", kind: "person", actor_id: "haniyeh", span_id: "s2" }]);
    expect(met.recipient).toEqual([{ actor_text: "Egyptian mediators", identifier_text: null, identifier_id: null, kind: null, actor_id: null, span_id: "s4" }]);
    expect(reject.quote.speaker[0].identifier_text).toBe("Mousa Abu Marzouk");
    expect(clashes.problems).toHaveLength(2);
    // Offsets are code points, as Python counts: the flag before them is two code points, four UTF-16 units.
    const text = source.text;
    for (const record of records) {
      expect(Array.from(text).slice(record.text_info.start, record.text_info.end).join("")).toBe(record.text);
      if (record.quote) expect(Array.from(text).slice(record.quote.start, record.quote.end).join("")).toBe(record.quote.text);
    }
  });

  it("writes ranges as date and enddate", () => {
    const source = codedArticle();
    const spans = source.spans.map((s) => (s.id === "s12" ? { ...s, attrs: { value: "2022-06-01/2022-06-10" } } : s));
    const clashes = eventToJson(buildEventRows({ ...source, spans })[2]!);
    expect(clashes).toMatchObject({ date: "2022-06-01", enddate: "2022-06-10", date_granularity: "range" });
  });

  it("writes CSV that a CSV reader reads back cell for cell", () => {
    const source = codedArticle();
    const csv = eventsCsv(buildEventRows(source));
    expect(csv.startsWith(`${EVENT_CSV_COLUMNS.join(",")}\r\n`)).toBe(true);
    expect(csv.endsWith("\r\n")).toBe(true);
    const parsed = Papa.parse<Record<string, string>>(csv.trimEnd(), { header: true });
    expect(parsed.errors).toEqual([]);
    const [met, reject, clashes] = parsed.data;
    expect(met).toMatchObject({ id: "s3", date: "2022-05-05", actor: "Ismail Haniyeh", actor_identifier: "Q1807386", recipient: "Egyptian mediators", recipient_identifier: "", event: "CONSULT" });
    // Commas and quotes inside a field survive the round trip.
    expect(reject).toMatchObject({ quote: "“We reject the Israeli proposal, all of it,”", speaker: "Mousa Abu Marzouk", actor: "Hamas", actor_identifier: "Q38799" });
    expect(clashes!.problems).toContain('Mode has "visit"');
    expect(csv).toContain('"“We reject the Israeli proposal, all of it,”"');
  });

  it("quotes fields with line breaks and double quotes as RFC 4180 says", () => {
    const source = codedArticle();
    const spans = source.spans.map((s) => (s.id === "s3" ? { ...s, end: source.text.indexOf("\n") + 3 } : s));
    const rows = buildEventRows({ ...source, spans });
    const csv = eventsCsv(rows);
    const text = rows[0]!.text;
    expect(text).toContain("\n");
    expect(csv).toContain(`"${text.replace(/"/g, '""')}"`);
    expect(Papa.parse<string[]>(csv.trimEnd()).data[1]![EVENT_CSV_COLUMNS.indexOf("text")]).toBe(text);
  });
});
