import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fileStem, MAX_PART_BYTES, projectFileName, safeNamePart } from "../../shared/fileNames";

const MAY_10 = new Date(2024, 4, 10, 23, 30);
const bytes = (text: string) => new TextEncoder().encode(text).length;

describe("project file names", () => {
  it("say the project, the annotator and the local date, with en dashes", () => {
    expect(projectFileName("Moscow visits", "Ana", MAY_10)).toBe("Moscow visits – Ana – 2024-05-10.spanwise");
    expect(projectFileName("Moscow visits", "Ana", new Date(2024, 0, 2, 0, 5))).toBe("Moscow visits – Ana – 2024-01-02.spanwise");
  });

  it("keep emoji and Arabic names whole", () => {
    expect(projectFileName("🇵🇸 تصريحات حماس 👩🏽‍🔬", "ليلى", MAY_10)).toBe("🇵🇸 تصريحات حماس 👩🏽‍🔬 – ليلى – 2024-05-10.spanwise");
  });

  it("replace what Windows, macOS or Linux refuse in a name", () => {
    expect(projectFileName('a/b\\c:d*e?f"g<h>i|j', "A\tB\nC", MAY_10)).toBe("a_b_c_d_e_f_g_h_i_j – A B C – 2024-05-10.spanwise");
    expect(projectFileName("x\u0000\u0007y", "Ana", MAY_10)).toBe("x_y – Ana – 2024-05-10.spanwise");
  });

  it("drop bidirectional controls that would disguise the extension", () => {
    expect(projectFileName("report\u202Egpj.exe", "Ana", MAY_10)).toBe("reportgpj.exe – Ana – 2024-05-10.spanwise");
  });

  it("trim spaces and dots, never start hidden or name a Windows device", () => {
    expect(projectFileName("  ..secret project.  ", "  Ana  ", MAY_10)).toBe("secret project – Ana – 2024-05-10.spanwise");
    expect(fileStem("CON")).toBe("_CON");
    expect(fileStem("lpt1.txt")).toBe("_lpt1.txt");
    expect(fileStem("Console")).toBe("Console");
  });

  it("fall back to a name when nothing is left, and leave out a missing annotator", () => {
    expect(projectFileName("///", "", MAY_10)).toBe("_ – 2024-05-10.spanwise");
    expect(projectFileName(" .. ", " ", MAY_10)).toBe("spanwise – 2024-05-10.spanwise");
  });

  it("cut long names between whole characters, with an ellipsis", () => {
    const long = "👩🏽‍🔬".repeat(40);
    const part = safeNamePart(long);
    expect(part.endsWith("…")).toBe(true);
    expect(bytes(part)).toBeLessThanOrEqual(MAX_PART_BYTES);
    expect(part.slice(0, -1)).toBe("👩🏽‍🔬".repeat(part.slice(0, -1).length / "👩🏽‍🔬".length));
    const arabic = safeNamePart("بيان ".repeat(40));
    expect(bytes(arabic)).toBeLessThanOrEqual(MAX_PART_BYTES);
    expect(arabic.endsWith("…")).toBe(true);
    expect("بيان ".repeat(40).startsWith(arabic.slice(0, -1))).toBe(true);
  });

  it("are always safe and short enough (property)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 300 }), fc.string({ unit: "binary", maxLength: 300 }), (project, annotator) => {
        const name = projectFileName(project, annotator, MAY_10);
        expect(name).not.toMatch(/[\\/:*?"<>|\p{Cc}\u202a-\u202e\u2066-\u2069]/u);
        expect(name).toMatch(/^[^\s.].* – 2024-05-10\.spanwise$/u);
        expect(bytes(name)).toBeLessThanOrEqual(255);
      }),
    );
  });
});
