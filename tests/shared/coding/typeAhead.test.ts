import { describe, expect, it } from "vitest";
import { ploverEventOptions } from "../../../shared/coding/plover";
import { rankChoices, withRecentCode, RECENT_CODES } from "../../../shared/coding/typeAhead";

const options = ploverEventOptions();
const codes = (query: string, recent: string[] = []) => rankChoices(options, query, recent).map((o) => o.value);

describe("the event type type-ahead", () => {
  it("lists every type in the code list's order when nothing is typed and nothing was used", () => {
    expect(codes("")).toEqual(options.map((o) => o.value));
    expect(codes("")).toHaveLength(16);
  });

  it("puts recently used types first, most recent first", () => {
    expect(codes("", ["ASSAULT", "CONSULT"]).slice(0, 3)).toEqual(["ASSAULT", "CONSULT", "AGREE"]);
  });

  it("matches the code and the description, case and accents aside", () => {
    expect(codes("cons")).toEqual(["CONSULT"]);
    // "visit" is only in CONSULT's description.
    expect(codes("visit")).toEqual(["CONSULT"]);
    expect(codes("CEASEFIRE")).toEqual(["CONCEDE", "RETREAT"]);
    expect(codes("démonstrations")).toEqual(["PROTEST"]);
  });

  it("needs every word typed, in the code or the description", () => {
    expect(codes("release captives")).toEqual(["RETREAT"]);
    expect(codes("release mortgage")).toEqual([]);
  });

  it("ranks codes that start with the query before matches elsewhere, then by recency", () => {
    // RETREAT, REQUEST and REJECT start with "re"; AGREE and others hold it elsewhere.
    const ranked = codes("re", ["AGREE", "REJECT"]);
    expect(ranked.slice(0, 4)).toEqual(["REJECT", "RETREAT", "REQUEST", "AGREE"]);
    expect(ranked.length).toBeGreaterThan(4);
  });

  it("keeps a short list of recent codes without repeats", () => {
    let recent: string[] = [];
    for (const code of ["AID", "CONSULT", "AID", "ASSAULT", "REJECT", "PROTEST", "COERCE", "SANCTION"]) recent = withRecentCode(recent, code);
    expect(recent).toEqual(["SANCTION", "COERCE", "PROTEST", "REJECT", "ASSAULT"]);
    expect(recent).toHaveLength(RECENT_CODES);
  });
});
