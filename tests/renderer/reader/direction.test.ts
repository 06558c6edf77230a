import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { paragraphDirection } from "../../../renderer/reader/direction";

describe("paragraphDirection", () => {
  it("reads the direction from the first letter, as dir=auto does", () => {
    expect(paragraphDirection("قال المتحدث إن المحادثات ستستمر.")).toBe("rtl");
    expect(paragraphDirection("The spokesman said: قال المتحدث")).toBe("ltr");
    expect(paragraphDirection("שלום, world")).toBe("rtl");
    expect(paragraphDirection("Zoë Müller")).toBe("ltr");
  });

  it("skips digits, punctuation, emoji and spaces before the first letter", () => {
    expect(paragraphDirection("6 مايو 2022 - وصل الوزير")).toBe("rtl");
    expect(paragraphDirection("«١٢٣» 🌍 — الدوحة")).toBe("rtl");
    expect(paragraphDirection("2022 — 🇶🇦 Doha")).toBe("ltr");
    expect(paragraphDirection("  ...  ")).toBe("ltr");
    expect(paragraphDirection("")).toBe("ltr");
  });

  it("honours right-to-left and left-to-right marks", () => {
    expect(paragraphDirection("\u200f2022 Doha")).toBe("rtl");
    expect(paragraphDirection("\u200e2022 الدوحة")).toBe("ltr");
  });

  it("looks only inside the given stretch (one line of a longer text)", () => {
    const text = "English first.\nثم العربية.";
    expect(paragraphDirection(text, 0, 14)).toBe("ltr");
    expect(paragraphDirection(text, 15)).toBe("rtl");
  });

  it("is decided by the first letter whatever follows", () => {
    fc.assert(
      fc.property(fc.constantFrom("ق", "ש", "a", "Ж", "漢"), fc.string(), (first, rest) => {
        const expected = "قש".includes(first) ? "rtl" : "ltr";
        expect(paragraphDirection(`12, 🌍 ${first}${rest}`)).toBe(expected);
      }),
    );
  });
});
