import { describe, expect, it } from "vitest";
import { validateCoding } from "../../../shared/coding/validate";
import { DEFAULT_LABELS } from "../../../shared/model";
import { codedArticle } from "./article";
import { actor, link } from "./builders";

const kinds = (problems: { kind: string }[]) => problems.map((p) => p.kind);

describe("validateCoding", () => {
  it("reports each problem of the coded article where it occurs, without throwing", () => {
    const problems = validateCoding(codedArticle());
    expect(problems).toEqual([
      {
        kind: "attr-invalid",
        docId: "doc-1",
        spanId: "s11",
        labelId: "event",
        attributeId: "mode",
        message: 'In "Cairo talks", event "Clashes": Mode has "visit", which does not go with type "ASSAULT".',
      },
      { kind: "link-missing-span", docId: "doc-1", linkId: "l9", spanId: "s11", message: 'The Target actor link "l9" points to spans that do not exist: its target "gone".' },
    ]);
  });

  it("reports values outside their list, of the wrong type, unknown attributes and unreadable stored dates", () => {
    const source = codedArticle();
    const spans = source.spans.map((s) => {
      if (s.id === "s3") return { ...s, attrs: { type: "ATTACK", extra: 1 } };
      if (s.id === "s4") return { ...s, attrs: { kind: 7 } };
      if (s.id === "s10") return { ...s, attrs: { value: "2022-02-30" } };
      return s;
    });
    const problems = validateCoding({ ...source, spans });
    expect(problems.map((p) => `${p.spanId}:${p.kind}:${p.attributeId}`)).toEqual([
      "s3:attr-invalid:type",
      "s3:attr-unknown:extra",
      "s4:attr-invalid:kind",
      "s10:attr-invalid:value",
      "s11:attr-invalid:mode",
      "s11:link-missing-span:undefined",
    ]);
    expect(problems[0]!.message).toBe('In "Cairo talks", event "met": Event type has "ATTACK", which is not in its list.');
    expect(problems[3]!.message).toMatch(/Calendar date has "2022-02-30", which is not a calendar date/);
  });

  it("reports broken links: wrong labels, other documents, removed spans, unknown types, duplicates, two dates", () => {
    const source = codedArticle();
    const links = [
      link("a", "date", "s3", "s2"),
      link("b", "speaker", "s6", "s9"),
      link("c", "nonsense", "s3", "s2"),
      link("d", "source", "s3", "s2", { docId: "elsewhere" }),
      link("e", "date", "s3", "s10"),
      link("f", "source", "s3", "s3"),
      link("g", "source", "s7", "s1"),
      link("h", "source", "s7", "s1"),
      link("i", "date", "s7", "s10"),
      link("j", "date", "s7", "s5"),
    ];
    const spans = source.spans.map((s) => (s.id === "s9" ? { ...s, deleted: true } : s));
    const problems = validateCoding({ ...source, spans, links }).filter((p) => p.kind.startsWith("link"));
    expect(problems.map((p) => `${p.linkId}:${p.kind}`)).toEqual([
      "a:link-invalid",
      "b:link-invalid",
      "c:link-unknown-type",
      "d:link-invalid",
      "f:link-invalid",
      "h:link-duplicate",
      "j:link-too-many",
    ]);
    expect(problems[0]!.message).toBe('In "Cairo talks", event "met": The Date link "a" points to an actor span, but a Date link points to date.');
    expect(problems[1]!.message).toMatch(/joins a removed span/);
  });

  it("reports aliases shared by two actors, dangling actor links and bad merges", () => {
    const source = codedArticle();
    const actors = [
      ...source.actors.filter((a) => a.id !== "hamas"),
      actor("hamas-2", "Harakat al-Muqawama", ["HAMAS"]),
      actor("hamas-3", "Hamás"),
      actor("loop-a", "A", [], { mergedInto: "loop-b" }),
      actor("loop-b", "B", [], { mergedInto: "loop-a" }),
      actor("nameless", " "),
      actor("dead", "Dead", [], { deleted: true }),
    ];
    const spans = source.spans.map((s) => (s.id === "s4" ? { ...s, actorId: "dead" } : s));
    const problems = validateCoding({ ...source, spans, actors });
    expect(kinds(problems)).toEqual(["actor-link", "actor-link", "attr-invalid", "link-missing-span", "alias-shared", "actor-invalid", "actor-invalid", "actor-invalid"]);
    expect(problems[0]!.message).toBe('In "Cairo talks", actor "Hamas": links to actor "hamas", which is not in the registry.');
    expect(problems[1]!.message).toBe('In "Cairo talks", actor "Egyptian mediators": links to a deleted registry actor.');
    expect(problems[4]).toMatchObject({ actorIds: ["hamas-2", "hamas-3"], message: 'The alias "HAMAS" belongs to "Harakat al-Muqawama" and "Hamás"; suggestions cannot tell them apart.' });
  });

  it("checks label and link type definitions and publication dates", () => {
    const source = codedArticle();
    const labels = [
      ...DEFAULT_LABELS.filter((l) => l.id !== "event"),
      {
        id: "event",
        name: "Event",
        color: "#000",
        key: "2",
        attributes: [
          { id: "type", name: "Type", type: "choice" as const, options: [] },
          { id: "type", name: "Again", type: "text" as const },
          { id: "mode", name: "Mode", type: "choice" as const, dependsOn: "missing", options: [{ value: "x" }, { value: "x" }] },
          { id: "who", name: "Who", type: "actor" as const },
          { id: "whom", name: "Whom", type: "actor" as const },
          { id: "geo", name: "Place", type: "geo" as never },
        ],
      },
    ];
    const linkTypes = [{ id: "source", name: "Source", from: ["event"], to: ["person"], role: "source" as const }, { id: "source", name: "Dup", from: [], to: [], role: "cause" as never }];
    const documents = source.documents.map(({ doc, text }) => ({ doc: { ...doc, publishedAt: "10 May 2022" }, text }));
    const problems = validateCoding({ ...source, labels, linkTypes, documents, links: [] });
    expect(problems.filter((p) => p.kind.endsWith("definition") || p.kind === "published-at").map((p) => p.message)).toEqual([
      'Label "Event": the choice "Type" has an empty list.',
      'Label "Event": the attribute id "type" is used twice.',
      'Label "Event": the choice "Mode" lists "x" twice.',
      'Label "Event": attribute "Place" has the type "geo", which this version of Spanwise does not know.',
      'Label "Event": attribute "Mode" depends on "missing", which the label does not have.',
      'Label "Event": only one attribute can link a span to a registry actor.',
      'Link type "Source": the label "person" is not defined.',
      'Link type "Dup": the id "source" is used twice.',
      'Link type "Dup": the role "cause" is not one of source, target, date, speaker.',
      '"Cairo talks": the publication date "10 May 2022" is not a calendar date (YYYY-MM-DD).',
    ]);
  });

  it("reads date spans without a stored value only when asked", () => {
    const source = codedArticle();
    const documents = source.documents.map(({ doc, text }) => ({ doc: { ...doc, publishedAt: undefined }, text }));
    expect(kinds(validateCoding({ ...source, documents })).filter((k) => k === "date-unparseable")).toEqual([]);
    const problems = validateCoding({ ...source, documents }, { parseDates: true }).filter((p) => p.kind === "date-unparseable");
    expect(problems.map((p) => p.spanId)).toEqual(["s5", "s12"]);
  });
});
