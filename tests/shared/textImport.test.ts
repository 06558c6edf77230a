import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DEFAULT_IMPORT_LIMITS, decodeTextFile, titleFromFileName, type DecodedText, type ImportProblem } from "../../shared/textImport";

const utf8 = (s: string) => new TextEncoder().encode(s);
const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../fixtures/text/${name}`, import.meta.url)));

function decoded(result: DecodedText | ImportProblem): DecodedText {
  if (!result.ok) throw new Error(`expected a decoded text, got: ${result.reason}`);
  return result;
}

function reason(result: DecodedText | ImportProblem): string {
  if (result.ok) throw new Error("expected an import problem, got a decoded text");
  return result.reason;
}

describe("decodeTextFile", () => {
  it("decodes UTF-8 text and titles it after the file", () => {
    const text = "قالَ الرئيسُ 👨‍👩‍👧 e\u0301 北京\n";
    expect(decodeTextFile("reports/Statement 12.txt", utf8(text))).toEqual({ ok: true, fileName: "reports/Statement 12.txt", title: "Statement 12", text });
  });

  it("strips a UTF-8 byte order mark and turns CRLF into LF", () => {
    const result = decoded(decodeTextFile("windows-crlf-bom.txt", fixture("windows-crlf-bom.txt")));
    expect(result.text).toBe("Reuters, 1 May 2024\nقالَ الرئيسُ إنّ الحكومة 👨‍👩‍👧\nO'Brien met e\u0301mile in 北京.\n");
    expect(result.title).toBe("windows-crlf-bom");
  });

  it("turns lone CR line endings into LF", () => {
    expect(decoded(decodeTextFile("classic-mac-cr.txt", fixture("classic-mac-cr.txt"))).text).toBe("Line one\nLine two\nLine three\n");
    expect(decoded(decodeTextFile("mixed.txt", utf8("a\r\nb\rc\nd\r\r\ne"))).text).toBe("a\nb\nc\nd\n\ne");
  });

  it("keeps everything else exactly, without Unicode normalization", () => {
    const text = "  cafe\u0301 caf\u00e9\t\u200F\u00A0 ";
    expect(decoded(decodeTextFile("x.txt", utf8(text))).text).toBe(text);
  });

  it("refuses an empty file and a file of only whitespace", () => {
    expect(reason(decodeTextFile("empty.txt", new Uint8Array()))).toBe('"empty.txt" is empty.');
    expect(reason(decodeTextFile("blank.txt", utf8(" \r\n\t\u00A0\n")))).toBe('"blank.txt" is empty (it contains only whitespace).');
    expect(reason(decodeTextFile("bom-only.txt", new Uint8Array([0xef, 0xbb, 0xbf])))).toMatch(/is empty/);
  });

  it("refuses a file over the size limit before decoding it", () => {
    // All NUL bytes: decoding would report a binary file, so the size message
    // proves the size was checked first.
    const bytes = new Uint8Array(Math.round(25.3 * 1024 * 1024));
    expect(reason(decodeTextFile("big/report.txt", bytes))).toBe('"report.txt" is 25.3 MB, larger than the 20 MB limit.');
    expect(reason(decodeTextFile("a.txt", utf8("hello world"), { maxBytes: 10 }))).toBe('"a.txt" is 11 bytes, larger than the 10 bytes limit.');
  });

  it("accepts a file of exactly the limit and rounds a size just over it up", () => {
    expect(decodeTextFile("a.txt", utf8("0123456789"), { maxBytes: 10 }).ok).toBe(true);
    const justOver = new Uint8Array(DEFAULT_IMPORT_LIMITS.maxBytes + 1);
    expect(reason(decodeTextFile("a.txt", justOver))).toBe('"a.txt" is 20.1 MB, larger than the 20 MB limit.');
  });

  it.each([
    ["utf16le-bom.txt", "UTF-16"],
    ["utf16be-bom.txt", "UTF-16"],
  ])("reports %s as %s, not UTF-8", (name, encoding) => {
    expect(reason(decodeTextFile(name, fixture(name)))).toBe(
      `"${name}" is not UTF-8 text: it is ${encoding} (it starts with a ${encoding} byte order mark). Save it as UTF-8 and import it again.`,
    );
  });

  it("reports UTF-32 by its byte order mark", () => {
    expect(reason(decodeTextFile("u32.txt", new Uint8Array([0xff, 0xfe, 0, 0, 0x41, 0, 0, 0])))).toMatch(/^"u32.txt" is not UTF-8 text: it is UTF-32/);
  });

  it("reports Latin-1 text as invalid UTF-8 with the first bad byte's position and line", () => {
    // "Le caf" is six bytes, so é (0xE9) is at position 6, counted from 0 as Python does.
    expect(reason(decodeTextFile("latin1.txt", fixture("latin1.txt")))).toBe(
      '"latin1.txt" is not valid UTF-8 text (invalid byte 0xE9 at position 6, line 1). Save it as UTF-8 and import it again.',
    );
    const bytes = new Uint8Array([...utf8("first line\r\nsecond\rthird ü "), 0xfc, ...utf8(" end")]);
    expect(reason(decodeTextFile("mixed.txt", bytes))).toMatch(/\(invalid byte 0xFC at position 28, line 3\)/);
  });

  it("counts the position from the start of the file, byte order mark included", () => {
    expect(reason(decodeTextFile("a.txt", new Uint8Array([0xef, 0xbb, 0xbf, 0x41, 0xff])))).toMatch(/invalid byte 0xFF at position 4, line 1/);
  });

  it.each([
    ["a truncated sequence at the end", [0x41, 0xe2, 0x82], 1, "E2"],
    ["a stray continuation byte", [0x41, 0x42, 0x80], 2, "80"],
    ["an overlong encoding", [0xc0, 0xaf], 0, "C0"],
    ["an encoded surrogate (CESU-8)", [0x61, 0xed, 0xa0, 0x80], 1, "ED"],
    ["a code point above U+10FFFF", [0xf4, 0x90, 0x80, 0x80], 0, "F4"],
    ["a bad continuation", [0xe2, 0x28, 0xa1], 0, "E2"],
  ])("reports %s where Python would", (_what, bytes, position, byte) => {
    expect(reason(decodeTextFile("x.txt", new Uint8Array(bytes)))).toMatch(new RegExp(`invalid byte 0x${byte} at position ${position},`));
  });

  it("refuses a file containing NUL bytes as binary", () => {
    expect(reason(decodeTextFile("image.png", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d])))).toBe(
      '"image.png" looks like a binary file (it contains NUL bytes).',
    );
    expect(reason(decodeTextFile("a.txt", utf8("text\0more")))).toMatch(/binary file/);
  });

  it("names PDF and zip (Word .docx) files", () => {
    expect(reason(decodeTextFile("paper.pdf", utf8("%PDF-1.7\n%\u00e2\u00e3")))).toMatch(/^"paper.pdf" is a PDF, not a plain text file\./);
    expect(reason(decodeTextFile("memo.docx", new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0])))).toMatch(/^"memo.docx" is a zip archive \(such as a Word .docx/);
  });

  it("uses only the last part of a Windows path in messages, and returns fileName as given", () => {
    const result = decodeTextFile("C:\\Users\\ana\\empty.txt", new Uint8Array());
    expect(result).toEqual({ ok: false, fileName: "C:\\Users\\ana\\empty.txt", reason: '"empty.txt" is empty.' });
  });
});

describe("titleFromFileName", () => {
  it.each([
    ["report.txt", "report"],
    ["Report 2024.final.txt", "Report 2024.final"],
    ["data/nested/statement.md", "statement"],
    ["C:\\Users\\ana\\Interview 3.txt", "Interview 3"],
    ["README", "README"],
    [".notes", ".notes"],
    ["notes.", "notes"],
    ["تقرير.txt", "تقرير"],
    ["dir/.txt", ".txt"],
    ["", "Untitled"],
    ["dir/", "Untitled"],
    ["  spaced  .txt", "spaced"],
  ])("%j -> %j", (fileName, title) => {
    expect(titleFromFileName(fileName)).toBe(title);
  });
});
