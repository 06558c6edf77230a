/**
 * A coded news article for event tests: markup in the spirit of
 * tests/shared/builders.ts `annotated`, plus attributes, links and a registry.
 */
import { withAttrValue } from "../../../shared/coding/attributes";
import { labelAttributes, type CodingSource, type LinkRecord } from "../../../shared/coding/model";
import { DEFAULT_LABELS, type SpanRecord } from "../../../shared/model";
import { T0, annotated, docRecord } from "../builders";
import { actor, link } from "./builders";

export const PUBLISHED = "2022-05-10";

/**
 * s1 Hamas, s2 Isma'il Haniya, s3 met, s4 Egyptian mediators, s5 Thursday,
 * s6 the quote, s7 reject, s8 Israeli, s9 Musa Abu Marzouq, s10 May 6,
 * s11 Clashes, s12 in early June.
 */
export const MARKUP =
  "🇵🇸 GAZA CITY — [actor: Hamas] leader [actor: Isma'il Haniya] [event: met] [actor: Egyptian mediators] in Cairo on [date: Thursday]. " +
  "[quote: “We [event: reject] the [actor: Israeli] proposal, all of it,”] [actor: Musa Abu Marzouq] said on [date: May 6].\n" +
  "[event: Clashes] erupted [date: in early June].";

export const registry = [
  actor("hamas", "Hamas", [], { kind: "armed-group", identifier: "Q38799" }),
  actor("haniyeh", "Ismail Haniyeh", ["Haniyeh"], { kind: "person", identifier: "Q1807386" }),
  actor("old-marzouk", "Abu Marzouk", [], { mergedInto: "marzouk" }),
  actor("marzouk", "Mousa Abu Marzouk", ["Abu Marzouk"], { kind: "person" }),
];

const label = (id: string) => DEFAULT_LABELS.find((l) => l.id === id)!;
const attr = (span: SpanRecord, id: string, value: string) => withAttrValue(span, labelAttributes(label(span.label)).find((d) => d.id === id)!, value, T0 + 1);

export function codedArticle(): CodingSource & { text: string; spans: SpanRecord[]; links: LinkRecord[] } {
  const { text, spans: raw } = annotated(MARKUP);
  const spans = raw.map((span) => {
    switch (span.id) {
      case "s1":
        return attr(span, "actor", "hamas");
      case "s2":
        return attr(attr(span, "actor", "haniyeh"), "kind", "person");
      case "s3":
        return attr(attr(span, "type", "CONSULT"), "mode", "visit");
      case "s7":
        return attr(span, "type", "REJECT");
      case "s9":
        return attr(span, "actor", "old-marzouk");
      case "s10":
        return attr(span, "value", "2022-05-06");
      case "s11":
        // "visit" is a CONSULT mode, not an ASSAULT one.
        return attr(attr(span, "type", "ASSAULT"), "mode", "visit");
      case "s6":
        return attr(span, "form", "direct");
      default:
        return span;
    }
  });
  const links = [
    link("l1", "source", "s3", "s2"),
    link("l2", "target", "s3", "s4"),
    link("l3", "date", "s3", "s5"),
    link("l4", "speaker", "s6", "s9"),
    link("l5", "source", "s7", "s1"),
    link("l6", "target", "s7", "s8"),
    link("l7", "date", "s7", "s10"),
    link("l8", "date", "s11", "s12"),
    link("l9", "target", "s11", "gone"),
    link("l10", "source", "s11", "s1", { deleted: true }),
  ];
  const doc = docRecord(text, { title: "Cairo talks", publishedAt: PUBLISHED });
  return { text, labels: DEFAULT_LABELS.map((l) => ({ ...l })), documents: [{ doc, text }], spans, links, actors: registry };
}
