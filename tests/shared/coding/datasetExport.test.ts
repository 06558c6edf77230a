import { describe, expect, it } from "vitest";
import { actorsById } from "../../../shared/coding/actors";
import { parseJsonlExport, toExportRecord, jsonlChunks } from "../../../shared/formats/jsonl";
import { codedArticle } from "./article";

describe("the dataset export with event coding", () => {
  it("carries checked attributes, the linked actor, the publication date and the document's links", () => {
    const source = codedArticle();
    const { doc, text } = source.documents[0]!;
    const record = toExportRecord(doc, text, source.spans, { labels: source.labels, actors: actorsById(source.actors), links: source.links });
    expect(record.published_at).toBe("2022-05-10");
    const span = (id: string) => record.spans.find((s) => s.id === id)!;
    expect(span("s2")).toMatchObject({ text: "Isma'il Haniya", attrs: { kind: "person" }, actor: { id: "haniyeh", name: "Ismail Haniyeh", identifier: "Q1807386" } });
    expect(span("s9").actor).toEqual({ id: "marzouk", name: "Mousa Abu Marzouk" });
    expect(span("s3").attrs).toEqual({ type: "CONSULT", mode: "visit" });
    // A value outside its list stays out of attrs and is said; the span itself stays.
    expect(span("s11")).toMatchObject({ text: "Clashes", attrs: { type: "ASSAULT" }, problems: ['Mode has "visit", which does not go with type "ASSAULT"'] });
    expect(span("s4")).not.toHaveProperty("attrs");
    expect(span("s4")).not.toHaveProperty("problems");
    // The dangling link and the deleted one are left out.
    expect(record.links!.map((l) => `${l.id}:${l.type}:${l.from}->${l.to}`)).toEqual([
      "l1:source:s3->s2",
      "l2:target:s3->s4",
      "l3:date:s3->s5",
      "l4:speaker:s6->s9",
      "l5:source:s7->s1",
      "l6:target:s7->s8",
      "l7:date:s7->s10",
      "l8:date:s11->s12",
    ]);
  });

  it("leaves links to spans of another annotator out when only one annotator is exported", () => {
    const source = codedArticle();
    const { doc, text } = source.documents[0]!;
    const spans = source.spans.filter((s) => s.id !== "s2");
    const record = toExportRecord(doc, text, spans, { links: source.links });
    expect(record.links!.map((l) => l.id)).not.toContain("l1");
  });

  it("stays readable by the export reader, and unchanged without coding", async () => {
    const source = codedArticle();
    const { doc, text } = source.documents[0]!;
    let out = "";
    for await (const chunk of jsonlChunks([{ doc, text, spans: source.spans, links: source.links }], { labels: source.labels, actors: actorsById(source.actors) })) out += chunk;
    expect(parseJsonlExport(out, "out.jsonl").records[0]!.spans).toHaveLength(source.spans.length);
    const plain = toExportRecord({ ...doc, publishedAt: undefined }, text, source.spans.map(({ attrs: _a, actorId: _b, ...rest }) => rest));
    expect(Object.keys(plain)).toEqual(["id", "title", "text", "spans"]);
    expect(Object.keys(plain.spans[0]!)).toEqual(["id", "start", "end", "label", "text", "annotator", "created_at", "updated_at"]);
  });
});
