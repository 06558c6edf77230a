import { describe, expect, it } from "vitest";
import {
  MAX_MENU_COMMANDS,
  parseFileFilters,
  parseFileName,
  parseOpenFilesArgs,
  parseOpenRecentArgs,
  parseSaveFileArgs,
  parseSaveRequest,
  parseSetMenuCommandsArgs,
} from "../../electron/ipcValidation";

const textFilter = { name: "Text", extensions: ["txt", "md"] };
const request = (overrides: Record<string, unknown> = {}) => ({
  suggestedName: "annotations.jsonl",
  filters: [{ name: "JSON Lines", extensions: ["jsonl"] }],
  data: '{"a":1}\n',
  ...overrides,
});

describe("parseFileFilters", () => {
  it("accepts well-formed filters and returns copies", () => {
    const input = [textFilter, { name: "All files", extensions: ["*"] }];
    const parsed = parseFileFilters(input);
    expect(parsed).toEqual(input);
    expect(parsed[0]).not.toBe(input[0]);
    expect(parseFileFilters([])).toEqual([]);
  });

  it.each([
    ["not an array", "txt", /filters must be an array/],
    ["a null filter", [null], /filters\[0\] must be an object/],
    ["a missing name", [{ extensions: ["txt"] }], /filters\[0\]\.name/],
    ["an empty name", [{ name: " ", extensions: ["txt"] }], /filters\[0\]\.name/],
    ["a control character in the name", [{ name: "a\u0007", extensions: ["txt"] }], /filters\[0\]\.name/],
    ["no extensions", [{ name: "Text", extensions: [] }], /extensions must be an array/],
    ["a dotted extension", [{ name: "Text", extensions: [".txt"] }], /extensions\[0\]/],
    ["a path in an extension", [{ name: "Text", extensions: ["../x"] }], /extensions\[0\]/],
    ["a non-string extension", [{ name: "Text", extensions: [7] }], /extensions\[0\]/],
    ["an unexpected field", [{ ...textFilter, onSelect: "x" }], /unexpected field "onSelect"/],
    ["too many filters", Array.from({ length: 17 }, () => textFilter), /at most 16 filters/],
  ])("rejects %s", (_case, value, message) => {
    expect(() => parseFileFilters(value)).toThrow(message);
  });

  it("rejects objects that are not plain", () => {
    class Filter {
      name = "Text";
      extensions = ["txt"];
    }
    expect(() => parseFileFilters([new Filter()])).toThrow(/plain object/);
  });
});

describe("parseFileName", () => {
  it("accepts bare names, including Unicode", () => {
    expect(parseFileName("Müller – Gespräch 2024.spanwise")).toBe("Müller – Gespräch 2024.spanwise");
  });

  it.each([
    ["", /non-empty/],
    ["../annotations.jsonl", /path separators/],
    ["/etc/passwd", /path separators/],
    ["..\\..\\boot.ini", /path separators/],
    ["a\u0000b.jsonl", /control characters/],
    ["a\nb.jsonl", /control characters/],
    ["..", /must not be/],
    ["x".repeat(256), /at most 255/],
    [42, /non-empty string/],
  ])("rejects %j", (value, message) => {
    expect(() => parseFileName(value)).toThrow(message);
  });
});

describe("parseSaveRequest", () => {
  it("accepts string and byte data", () => {
    expect(parseSaveRequest(request())).toEqual(request());
    const bytes = new Uint8Array([80, 75, 3, 4]);
    expect(parseSaveRequest(request({ data: bytes })).data).toBe(bytes);
  });

  it("rejects data of the wrong type", () => {
    for (const data of [undefined, null, 1, { length: 1 }, [1, 2], new ArrayBuffer(2)]) {
      expect(() => parseSaveRequest(request({ data }))).toThrow(/string or a Uint8Array/);
    }
  });

  it("caps the size, counting UTF-8 bytes for strings", () => {
    expect(() => parseSaveRequest(request({ data: new Uint8Array(11) }), 10)).toThrow(/larger than/);
    expect(() => parseSaveRequest(request({ data: "x".repeat(11) }), 10)).toThrow(/larger than/);
    // Four characters, twelve bytes in UTF-8.
    expect(() => parseSaveRequest(request({ data: "€€€€" }), 10)).toThrow(/larger than/);
    expect(parseSaveRequest(request({ data: "€€€" }), 10).data).toBe("€€€");
  });

  it("rejects unknown fields, such as a path", () => {
    expect(() => parseSaveRequest(request({ path: "/tmp/x" }))).toThrow(/unexpected field "path"/);
  });

  it("rejects a suggested name with directories", () => {
    expect(() => parseSaveRequest(request({ suggestedName: "../../.bashrc" }))).toThrow(/request\.suggestedName must not contain path separators/);
  });
});

describe("argument lists", () => {
  it("require exactly one argument", () => {
    expect(parseOpenFilesArgs([[textFilter]])).toEqual([textFilter]);
    expect(() => parseOpenFilesArgs([])).toThrow(/takes 1 argument/);
    expect(() => parseOpenFilesArgs([[textFilter], "/etc/passwd"])).toThrow(/takes 1 argument/);
    expect(parseSaveFileArgs([request()])).toEqual(request());
    expect(() => parseSaveFileArgs([request(), "extra"])).toThrow(/takes 1 argument/);
  });
});

describe("parseSetMenuCommandsArgs", () => {
  const command = { id: "project.save", title: "Save project", accelerator: "Mod+S", enabled: true, menu: "file" };

  it("accepts the renderer's commands, with keys turned into Electron accelerators", () => {
    expect(
      parseSetMenuCommandsArgs([
        [
          command,
          { id: "reader.next-span", title: "Next span", accelerator: "Alt+ArrowDown", enabled: false, menu: "edit" },
          { id: "label.actor", title: "Tag as actor", accelerator: "1", enabled: true, menu: "edit" },
          { id: "help.keys", title: "Keyboard & mouse", enabled: true, menu: "help" },
        ],
      ]),
    ).toEqual([
      { ...command, accelerator: "CmdOrCtrl+S" },
      { id: "reader.next-span", title: "Next span", accelerator: "Alt+Down", enabled: false, menu: "edit" },
      { id: "label.actor", title: "Tag as actor", accelerator: "1", enabled: true, menu: "edit" },
      { id: "help.keys", title: "Keyboard & mouse", enabled: true, menu: "help" },
    ]);
  });

  it("refuses what a menu cannot hold", () => {
    const refused = (value: unknown) => () => parseSetMenuCommandsArgs([value]);
    expect(refused("project.save")).toThrow(/must be an array/);
    expect(refused([command, command])).toThrow(/"project.save" is used twice/);
    expect(refused([{ ...command, id: "../x" }])).toThrow(/\.id must be/);
    expect(refused([{ ...command, title: "Save\u0007" }])).toThrow(/\.title must be/);
    expect(refused([{ ...command, menu: "window" }])).toThrow(/\.menu must be one of file, edit, view, export, help/);
    expect(refused([{ ...command, enabled: "yes" }])).toThrow(/\.enabled must be/);
    expect(refused([{ ...command, accelerator: "Hyper+S" }])).toThrow(/"Hyper" is not a modifier key/);
    expect(refused([{ ...command, accelerator: "Mod+Mod+S" }])).toThrow(/names a modifier twice/);
    expect(refused([{ ...command, accelerator: "Mod+Smile" }])).toThrow(/does not end in a key/);
    expect(refused([{ ...command, click: "alert(1)" }])).toThrow(/unexpected field "click"/);
    expect(refused(Array.from({ length: MAX_MENU_COMMANDS + 1 }, (_, i) => ({ ...command, id: `c${i}` })))).toThrow(/at most 200/);
    expect(() => parseSetMenuCommandsArgs([])).toThrow(/takes 1 argument/);
  });
});

describe("parseOpenRecentArgs", () => {
  it("takes only an id of the form the main process hands out, never a path", () => {
    expect(parseOpenRecentArgs(["6f1c2a34-5b6d-4e7f-8a9b-0c1d2e3f4a5b"])).toBe("6f1c2a34-5b6d-4e7f-8a9b-0c1d2e3f4a5b");
    for (const bad of ["/home/ana/a.spanwise", "", 7, { id: "x" }]) expect(() => parseOpenRecentArgs([bad])).toThrow(/id of a recent project file/);
    expect(() => parseOpenRecentArgs([])).toThrow(/takes 1 argument/);
  });
});
