import { describe, expect, it } from "vitest";
import { extractPublicationDate } from "../../../shared/coding/publication";

const date = (text: string) => {
  const found = extractPublicationDate(text);
  return found && { value: found.value, text: text.slice(found.start, found.end) };
};

describe("extractPublicationDate", () => {
  it("takes a labelled date from the first lines", () => {
    expect(date("Hamas leader visits Cairo\nPublished: 2022-05-10\n\nThe head of the group…")).toEqual({ value: "2022-05-10", text: "2022-05-10" });
    expect(date("Talks resume\nPosted on May 10, 2022 at 9:14 am\nBody")).toMatchObject({ value: "2022-05-10" });
    expect(date("Date: 10 May 2022\nBody")).toMatchObject({ value: "2022-05-10", text: "10 May 2022" });
  });

  it("takes a byline or dateline that is mostly a full date", () => {
    expect(date("Ceasefire holds\nMay 10, 2022\nGAZA CITY — The truce…")).toEqual({ value: "2022-05-10", text: "May 10, 2022" });
    expect(date("Tuesday 10 May 2022 | By Jane Doe\nText")).toMatchObject({ value: "2022-05-10" });
    expect(date("GAZA CITY, May 10, 2022 (Reuters) - Text")).toMatchObject({ value: "2022-05-10" });
    // A dateline opening a long first paragraph.
    const long = "Ministers meet\n\nGENEVA, March 3, 2023 — Foreign Minister Amara Okafor met her counterpart Jonas Lindqvist on Thursday to restart talks.";
    expect(date(long)).toEqual({ value: "2023-03-03", text: "March 3, 2023" });
  });

  it("prefers a labelled line to an earlier unlabelled one, and skips update lines", () => {
    expect(date("Updated: May 12, 2022\nMay 11, 2022\nPublished: 2022-05-10\nText")).toMatchObject({ value: "2022-05-10" });
    expect(date("Last updated May 12, 2022\nText without a date")).toBeUndefined();
  });

  it("keeps the month and day of a dateline without a year, until the year is known", () => {
    expect(date("GAZA CITY, May 10 (Reuters) - Hamas said on Thursday…")).toEqual({ value: "--05-10", text: "May 10" });
    expect(date("Talks stall\n\nBEIRUT, March 3 — Envoys met on Thursday.")).toEqual({ value: "--03-03", text: "March 3" });
    expect(date("Published: 3 March\nBody")).toMatchObject({ value: "--03-03" });
    // A full date anywhere in the head wins over a day without its year.
    expect(date("BEIRUT, March 3 — Envoys met.\nMarch 4, 2024\n")).toMatchObject({ value: "2024-03-04" });
    // A month and day in an ordinary line is not a dateline.
    expect(date("The envoys met on March 3 in Beirut.")).toBeUndefined();
  });

  it("finds nothing when the head has no date", () => {
    expect(date("")).toBeUndefined();
    expect(date("A long first paragraph that mentions a date only in passing, like the meeting on May 6, 2022, between the two delegations.")).toBeUndefined();
    // Too deep in the text to be its publication date.
    expect(date(`${"Line\n".repeat(20)}Published: 2022-05-10`)).toBeUndefined();
  });

  it("gives offsets into the whole document", () => {
    const text = "Title\r\n\nDate: 10 May 2022\nBody";
    const found = extractPublicationDate(text)!;
    expect(text.slice(found.start, found.end)).toBe("10 May 2022");
  });
});
