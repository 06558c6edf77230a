import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findForbiddenKey, mightHaveForbiddenKey, parseJsonSafe } from "../../shared/safeJson";

describe("parseJsonSafe", () => {
  it("parses ordinary JSON, including text that merely mentions the words", () => {
    expect(parseJsonSafe('{"a":[1,{"b":"the constructor of the prototype"}]}')).toEqual({ ok: true, value: { a: [1, { b: "the constructor of the prototype" }] } });
    expect(parseJsonSafe('"\\u00e9"')).toEqual({ ok: true, value: "é" });
  });

  it.each([
    ['{"__proto__":{"x":1}}', "__proto__"],
    ['{"a":{"b":[{"constructor":{}}]}}', "constructor"],
    ['{"prototype":1}', "prototype"],
    ['{"\\u005f\\u005fproto\\u005f\\u005f":1}', "__proto__"],
    ['{"con\\u0073tructor":1}', "constructor"],
  ])("refuses %s", (text, key) => {
    expect(parseJsonSafe(text)).toEqual({ ok: false, reason: `has the forbidden key "${key}"` });
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it("explains invalid JSON", () => {
    const result = parseJsonSafe("{nope");
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(/^is not valid JSON \(/);
  });
});

describe("mightHaveForbiddenKey", () => {
  it("says yes exactly when a forbidden key's name or a \\u escape is in the text", () => {
    const piece = fc.oneof(fc.string(), fc.constantFrom("__proto__", "constructor", "prototype", "\\u", "proto", "construct", "\\", "u", "_"));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (pieces) => {
        const text = pieces.join("");
        expect(mightHaveForbiddenKey(text)).toBe(/__proto__|constructor|prototype|\\u/.test(text));
      }),
      { numRuns: 500 },
    );
  });
});

describe("findForbiddenKey", () => {
  it("finds a forbidden key at any depth, and nothing in clean values", () => {
    expect(findForbiddenKey({ a: [{ b: JSON.parse('{"__proto__":1}') }] })).toBe("__proto__");
    expect(findForbiddenKey({ a: [1, "constructor", { prototypes: 2 }] })).toBeUndefined();
    expect(findForbiddenKey(null)).toBeUndefined();
  });
});
