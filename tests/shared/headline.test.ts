/**
 * Titles from headlines (issue 20 §4): texts as saved web pages start, each
 * written here (not taken from a real collection).
 */
import { describe, expect, it } from "vitest";
import { firstSentenceTitle, headlineOf, titleFromText } from "../../shared/headline";

const page = (...lines: string[]) => lines.join("\n");

describe("headlineOf", () => {
  it("skips a skip link and takes the heading before the standfirst", () => {
    const text = page("Skip to main content", "", "Ministers meet in Cairo to discuss a ceasefire", "", "Talks between the two delegations began on Thursday and are expected to last a week.", "");
    expect(headlineOf(text)).toBe("Ministers meet in Cairo to discuss a ceasefire");
  });

  it("skips cookie notices, navigation crumbs, language menus and a site's tagline", () => {
    const text = page(
      "We use cookies to improve your experience on our site.",
      "Accept all",
      "Home > World > Middle East",
      "English / Français / العربية",
      "",
      "Independent news since 1998",
      "",
      "Port strike enters its third week as talks stall",
      "",
      "March 3, 2024 at 9:15 am",
      "",
      "DAKAR — Dock workers stayed off the job on Monday.",
    );
    expect(headlineOf(text)).toBe("Port strike enters its third week as talks stall");
  });

  it("keeps a headline in any script, and a question", () => {
    expect(headlineOf(page("وزير الخارجية يزور موسكو لإجراء محادثات", "", "قال الوزير إن الزيارة مهمة."))).toBe("وزير الخارجية يزور موسكو لإجراء محادثات");
    expect(headlineOf(page("Skip to content", "Will the truce hold after the elections?", "Analysts are divided."))).toBe("Will the truce hold after the elections?");
  });

  it("finds none when the text starts with its body, or only has a photo credit and a caption", () => {
    expect(headlineOf(page("The delegation arrived in Moscow on Thursday to meet officials.", "It left on Friday."))).toBeUndefined();
    expect(headlineOf(page("JANE DOE/AFP via Getty Images", "A crowd gathers outside the ministry on May 4."))).toBeUndefined();
    expect(headlineOf("")).toBeUndefined();
  });

  it("looks only at the first lines: a heading far down is a section, not the headline", () => {
    const body = Array.from({ length: 20 }, (_, i) => `Paragraph ${i} of the report says something.`);
    expect(headlineOf(page(...body, "Background to the dispute"))).toBeUndefined();
  });
});

describe("titleFromText", () => {
  it("falls back to the first sentence, cut at a word, then to the file's name", () => {
    expect(titleFromText(page("Officials said the border crossing would reopen on Sunday. Trucks were waiting."), "000_ab12.txt")).toBe("Officials said the border crossing would reopen on Sunday.");
    const long = "A statement released late on Thursday by the movement's political bureau disclosed that a senior delegation had arrived in the capital.";
    const title = firstSentenceTitle(long)!;
    expect(title.endsWith("…")).toBe(true);
    expect(title.length).toBeLessThanOrEqual(91);
    expect(long.startsWith(title.slice(0, -1))).toBe(true);
    expect(titleFromText("Skip to main content\n\n", "000_ab12")).toBe("000_ab12");
  });
});
