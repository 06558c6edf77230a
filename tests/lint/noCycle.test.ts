/**
 * The lint rule that keeps import circles out (eslint.config.js,
 * import-x/no-cycle with type imports counted): run ESLint's Node API with the
 * project's own configuration over tiny files written to a temporary folder.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ESLint } from "eslint";
import { afterAll, describe, expect, it } from "vitest";

const configFile = fileURLToPath(new URL("../../eslint.config.js", import.meta.url));
const folder = mkdtempSync(path.join(tmpdir(), "spanwise-cycle-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

async function cycleErrors(files: Record<string, string>): Promise<Record<string, string[]>> {
  const dir = mkdtempSync(path.join(folder, "case-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  const eslint = new ESLint({ cwd: dir, overrideConfigFile: configFile });
  const results = await eslint.lintFiles(Object.keys(files));
  return Object.fromEntries(
    results.map((r) => [path.basename(r.filePath), r.messages.filter((m) => m.ruleId === "import-x/no-cycle").map((m) => m.message)]),
  );
}

describe("no import circles", () => {
  it("refuses two files that import values from each other", async () => {
    const errors = await cycleErrors({
      "a.ts": 'import { b } from "./b";\nexport const a = (): number => b() + 1;\n',
      "b.ts": 'import { a } from "./a";\nexport const b = (): number => a() - 1;\n',
    });
    expect(errors["a.ts"]).toEqual(["Dependency cycle detected"]);
    expect(errors["b.ts"]).toEqual(["Dependency cycle detected"]);
  });

  it("refuses a circle made only of type imports", async () => {
    const errors = await cycleErrors({
      "record.ts": 'import type { Kind } from "./kind";\nexport interface Record { kind: Kind }\n',
      "kind.ts": 'import type { Record } from "./record";\nexport type Kind = "a" | "b";\nexport const describe = (r: Record): string => r.kind;\n',
    });
    expect(errors["record.ts"]).toEqual(["Dependency cycle detected"]);
    expect(errors["kind.ts"]).toEqual(["Dependency cycle detected"]);
  });

  it("finds a longer circle through inline type specifiers and re-exports", async () => {
    const errors = await cycleErrors({
      "one.ts": 'import { type Two } from "./two";\nexport interface One { two?: Two }\n',
      "two.ts": 'export type { Three as Two } from "./three";\n',
      "three.ts": 'import type { One } from "./one";\nexport interface Three { one?: One }\n',
    });
    expect(errors["one.ts"]?.length).toBe(1);
    expect(errors["three.ts"]?.length).toBe(1);
  });

  it("accepts imports that go one way", async () => {
    const errors = await cycleErrors({
      "types.ts": "export interface Shape { size: number }\n",
      "use.ts": 'import type { Shape } from "./types";\nexport const size = (s: Shape): number => s.size;\n',
      "main.ts": 'import { size } from "./use";\nexport const one = size({ size: 1 });\n',
    });
    expect(errors).toEqual({ "types.ts": [], "use.ts": [], "main.ts": [] });
  });
});
