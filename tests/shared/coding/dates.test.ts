import { describe, expect, it } from "vitest";
import { normalizeDate, parseDateValue } from "../../../shared/coding/dates";

// Tuesday, 10 May 2022.
const PUBLISHED = "2022-05-10";
/** The value and granularity read from `text`, or the problem; `null` for a document without a publication date. */
const value = (text: string, publishedAt: string | null = PUBLISHED) => {
  const result = normalizeDate(text, publishedAt ?? undefined);
  return result.ok ? `${result.value} (${result.granularity})` : `problem: ${result.problem}`;
};

describe("normalizeDate, relative to a publication date", () => {
  it("reads the dates of real-looking sentences", () => {
    expect(value("on May 6")).toBe("2022-05-06 (day)");
    expect(value("Thursday")).toBe("2022-05-05 (day)");
    expect(value("on Thursday night")).toBe("2022-05-05 (day)");
    expect(value("in early June")).toBe("2022-06 (month)");
    expect(value("2021")).toBe("2021 (year)");
    expect(value("in 2021")).toBe("2021 (year)");
    expect(value("May 4-6")).toBe("2022-05-04/2022-05-06 (range)");
    expect(value("between May 4 and May 6")).toBe("2022-05-04/2022-05-06 (range)");
    expect(value("from 2019 to 2021")).toBe("2019/2021 (range)");
    expect(value("yesterday")).toBe("2022-05-09 (day)");
    expect(value("three days ago")).toBe("2022-05-07 (day)");
    expect(value("on 3 May 2021")).toBe("2021-05-03 (day)");
    expect(value("last month")).toBe("2022-04 (month)");
    expect(value("last year")).toBe("2021 (year)");
    expect(value("this morning")).toBe("2022-05-10 (day)");
  });

  it("reads a bare weekday as the last one on or before publication, as news does", () => {
    expect(value("Tuesday")).toBe("2022-05-10 (day)");
    expect(value("on Wednesday")).toBe("2022-05-04 (day)");
    expect(value("Monday", "2022-05-09")).toBe("2022-05-09 (day)");
    expect(value("Sunday", "2022-05-09")).toBe("2022-05-08 (day)");
    // Explicit words win over the convention.
    expect(value("next Thursday")).toBe("2022-05-19 (day)");
    expect(value("last Thursday")).toBe("2022-05-05 (day)");
  });

  it("gives a month and day without a year the year closest to publication", () => {
    expect(value("December 28", "2022-01-05")).toBe("2021-12-28 (day)");
    expect(value("on January 3", "2021-12-30")).toBe("2022-01-03 (day)");
  });

  it("reads day-first numeric dates when told to", () => {
    expect(normalizeDate("10/05/2022", PUBLISHED)).toMatchObject({ value: "2022-10-05" });
    expect(normalizeDate("10/05/2022", PUBLISHED, { dayFirst: true })).toMatchObject({ value: "2022-05-10" });
  });

  it("gives the first and last day each value covers", () => {
    expect(normalizeDate("in early June", PUBLISHED)).toMatchObject({ first: "2022-06-01", last: "2022-06-30" });
    expect(normalizeDate("February 2024", PUBLISHED)).toMatchObject({ value: "2024-02", first: "2024-02-01", last: "2024-02-29" });
    expect(normalizeDate("from 2019 to 2021", PUBLISHED)).toMatchObject({ first: "2019-01-01", last: "2021-12-31" });
  });

  it("does not depend on the machine's time zone", () => {
    // chrono is given the reference instant with a UTC offset of 0; late-evening publication dates stay put.
    expect(value("yesterday", "2022-12-31T23:30:00-05:00")).toBe("2022-12-30 (day)");
  });
});

describe("normalizeDate, what it refuses", () => {
  it("reads absolute dates without a publication date, and refuses relative ones", () => {
    expect(value("on 3 May 2021", null)).toBe("2021-05-03 (day)");
    expect(value("June 2020", null)).toBe("2020-06 (month)");
    expect(value("2019", null)).toBe("2019 (year)");
    for (const relative of ["Thursday", "yesterday", "May 6", "May 4-6", "in early June"]) {
      expect(value(relative, null), relative).toMatch(/^problem: .*relative to when the text was published/);
    }
  });

  it("refuses text without a date, weeks, and bad publication dates", () => {
    expect(value("the talks")).toBe('problem: No calendar date could be read from "the talks".');
    expect(value("   ")).toBe("problem: There is no text to read a date from.");
    expect(value("last week")).toMatch(/names a week/);
    expect(value("May 6", "2022-02-30")).toBe('problem: The publication date "2022-02-30" is not a calendar date (YYYY-MM-DD).');
    expect(value("May 6", "10 May")).toMatch(/not a calendar date/);
  });
});

describe("normalizeDate, with a publication date known only by its month and day", () => {
  // From a dateline "BEIRUT, March 5 —" that gives no year.
  const MONTH_DAY = "--03-05";

  it("gives a month and day in the text its month and day, year unknown", () => {
    expect(value("March 3", MONTH_DAY)).toBe("--03-03 (month-day)");
    expect(value("on 3 March", MONTH_DAY)).toBe("--03-03 (month-day)");
  });

  it("still reads a date that states its year", () => {
    expect(value("March 3, 2024", MONTH_DAY)).toBe("2024-03-03 (day)");
    expect(value("in 2021", MONTH_DAY)).toBe("2021 (year)");
  });

  it("asks for the year before placing a weekday or a relative day", () => {
    for (const text of ["on Thursday", "yesterday", "in June", "May 4-6"]) {
      expect(value(text, MONTH_DAY), text).toMatch(/^problem: .*the year it was published is unknown; set the year of the publication date first\.$/);
    }
  });

  it("refuses a month and day that no year has", () => {
    expect(value("March 3", "--02-30")).toBe('problem: The publication date "--02-30" is not a day of the year (--MM-DD).');
  });
});

describe("parseDateValue", () => {
  it("accepts a month and day without a year, 29 February included", () => {
    expect(parseDateValue("--03-03")).toMatchObject({ value: "--03-03", granularity: "month-day", first: "--03-03", last: "--03-03" });
    expect(parseDateValue("--02-29")).toMatchObject({ granularity: "month-day" });
    for (const bad of ["--02-30", "--13-01", "--3-3", "---03-03"]) expect(parseDateValue(bad), bad).toBeUndefined();
  });

  it("accepts the four ISO forms and gives their precision", () => {
    expect(parseDateValue("2022-05-06")).toMatchObject({ granularity: "day", first: "2022-05-06", last: "2022-05-06" });
    expect(parseDateValue("2022-06")).toMatchObject({ granularity: "month", last: "2022-06-30" });
    expect(parseDateValue("2022")).toMatchObject({ granularity: "year" });
    expect(parseDateValue("2022-05-04/2022-05-06")).toMatchObject({ granularity: "range", first: "2022-05-04", last: "2022-05-06" });
    expect(parseDateValue("2021/2022-03")).toMatchObject({ granularity: "range", last: "2022-03-31" });
  });

  it("refuses anything else", () => {
    for (const bad of ["", "May 6", "2022-13", "2022-02-30", "22-05-06", "2022-05-06/2022-05-01", "2022/2023/2024", "2022-5-6", "2022-05-06T10:00"]) {
      expect(parseDateValue(bad), bad).toBeUndefined();
    }
  });
});
