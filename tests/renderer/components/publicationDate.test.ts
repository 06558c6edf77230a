import { describe, expect, it } from "vitest";
import { publicationDateValue } from "../../../renderer/components/PublicationDate";

describe("what the publication date field stores", () => {
  it("takes a full date, or a month and day while the year is unknown", () => {
    expect(publicationDateValue("2024-05-06", undefined)).toBe("2024-05-06");
    expect(publicationDateValue(" --03-03 ", undefined)).toBe("--03-03");
  });

  it("completes a month and day with the year alone", () => {
    expect(publicationDateValue("2023", "--03-03")).toBe("2023-03-03");
    // 29 February waits for a leap year.
    expect(publicationDateValue("2024", "--02-29")).toBe("2024-02-29");
    expect(publicationDateValue("2023", "--02-29")).toBeNull();
  });

  it("refuses what is not a date, and a year alone when there is no month and day to complete", () => {
    for (const typed of ["2023", "2022-02-30", "--02-30", "May 6", "06/05/2024"]) expect(publicationDateValue(typed, "2022-01-01"), typed).toBeNull();
  });
});
