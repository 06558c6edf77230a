/**
 * Ways to spoil a valid input, as fast-check arbitraries: byte-level edits of
 * a file (flip a bit, overwrite, truncate, insert, delete, duplicate a chunk)
 * and text-level edits that keep a JSON-ish shape (insert JSON punctuation,
 * forbidden keys, line breaks, huge numbers), so the readers' deeper checks
 * are reached, not only the first one.
 */
import fc from "fast-check";

type ByteEdit =
  | { kind: "flip"; at: number; bit: number }
  | { kind: "set"; at: number; value: number }
  | { kind: "truncate"; at: number }
  | { kind: "insert"; at: number; bytes: Uint8Array }
  | { kind: "delete"; at: number; length: number }
  | { kind: "duplicate"; from: number; to: number; length: number };

/** Positions are fractions of the length, so one edit list fits any input. */
const position = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });

// Edits that keep the length are likelier: they leave a zip's directory where
// it is, so the reader gets past it to the members.
const byteEdit: fc.Arbitrary<ByteEdit> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant("flip" as const), at: position, bit: fc.integer({ min: 0, max: 7 }) }) },
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant("set" as const), at: position, value: fc.constantFrom(0x00, 0xff, 0x7f, 0x80, 0x0a, 0x0d, 0x22, 0x50, 0x4b) }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("truncate" as const), at: position }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("insert" as const), at: position, bytes: fc.uint8Array({ minLength: 1, maxLength: 16 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("delete" as const), at: position, length: fc.integer({ min: 1, max: 64 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("duplicate" as const), from: position, to: position, length: fc.integer({ min: 1, max: 256 }) }) },
);

function applyByteEdit(bytes: Uint8Array, edit: ByteEdit): Uint8Array {
  const n = bytes.length;
  const index = (fraction: number) => Math.floor(fraction * n);
  switch (edit.kind) {
    case "flip":
    case "set": {
      if (n === 0) return bytes;
      const out = bytes.slice();
      const at = index(edit.at);
      out[at] = edit.kind === "flip" ? out[at]! ^ (1 << edit.bit) : edit.value;
      return out;
    }
    case "truncate":
      return bytes.slice(0, index(edit.at));
    case "insert": {
      const at = index(edit.at);
      return concat(bytes.subarray(0, at), edit.bytes, bytes.subarray(at));
    }
    case "delete": {
      const at = index(edit.at);
      return concat(bytes.subarray(0, at), bytes.subarray(at + edit.length));
    }
    case "duplicate": {
      const from = index(edit.from);
      const to = index(edit.to);
      return concat(bytes.subarray(0, to), bytes.subarray(from, from + edit.length), bytes.subarray(to));
    }
  }
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, p) => sum + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** `base` with one to `maxEdits` byte-level edits. */
export function mutatedBytes(base: Uint8Array, maxEdits = 6): fc.Arbitrary<Uint8Array> {
  return fc.array(byteEdit, { minLength: 1, maxLength: maxEdits }).map((edits) => edits.reduce(applyByteEdit, base));
}

/** Snippets that matter to a JSON or JSONL reader. */
const JSON_SNIPPETS = [
  "{", "}", "[", "]", '"', ":", ",", "\\", "\\u", "\\ud800", "\n", "\r\n", "\r", " ", "\u2028", "\uFEFF",
  "null", "true", "-1", "1e999", "9007199254740993", "0.5", '""',
  '"__proto__"', '"constructor"', '"prototype"', '"\\u005f_proto__"', '{"__proto__":{"polluted":1}}',
  '"start"', '"end"', '"text"', '"spans"', '"id"', '"deleted"', "😀", "\ud83d", "e\u0301", "ا",
];

type TextEdit =
  | { kind: "insert"; at: number; text: string }
  | { kind: "delete"; at: number; length: number }
  | { kind: "truncate"; at: number }
  | { kind: "swap-lines"; a: number; b: number }
  | { kind: "duplicate-line"; line: number };

const snippet = fc.oneof(fc.constantFrom(...JSON_SNIPPETS), fc.string({ maxLength: 8 }), fc.string({ unit: "binary", maxLength: 4 }));

const textEdit: fc.Arbitrary<TextEdit> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant("insert" as const), at: position, text: snippet }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("delete" as const), at: position, length: fc.integer({ min: 1, max: 24 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("truncate" as const), at: position }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("swap-lines" as const), a: position, b: position }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("duplicate-line" as const), line: position }) },
);

function applyTextEdit(text: string, edit: TextEdit): string {
  const index = (fraction: number) => Math.floor(fraction * text.length);
  switch (edit.kind) {
    case "insert": {
      const at = index(edit.at);
      return text.slice(0, at) + edit.text + text.slice(at);
    }
    case "delete": {
      const at = index(edit.at);
      return text.slice(0, at) + text.slice(at + edit.length);
    }
    case "truncate":
      return text.slice(0, index(edit.at));
    case "swap-lines": {
      const lines = text.split("\n");
      const a = Math.floor(edit.a * lines.length);
      const b = Math.floor(edit.b * lines.length);
      [lines[a], lines[b]] = [lines[b]!, lines[a]!];
      return lines.join("\n");
    }
    case "duplicate-line": {
      const lines = text.split("\n");
      const at = Math.floor(edit.line * lines.length);
      lines.splice(at, 0, lines[at]!);
      return lines.join("\n");
    }
  }
}

/** `base` with one to `maxEdits` text-level edits. */
export function mutatedText(base: string, maxEdits = 4): fc.Arbitrary<string> {
  return fc.array(textEdit, { minLength: 1, maxLength: maxEdits }).map((edits) => edits.reduce(applyTextEdit, base));
}

/**
 * `records` (parsed JSON Lines) with one record's field replaced by any JSON
 * value, removed, or joined by a new key (forbidden keys included), then
 * written back as JSON Lines. Reaches the record checks behind the parser.
 */
export function mutatedRecords(records: readonly Record<string, unknown>[]): fc.Arbitrary<string> {
  const keys = [...new Set(records.flatMap((r) => Object.keys(r)))];
  const edit = fc.record({
    record: position,
    key: fc.oneof(fc.constantFrom(...keys, "__proto__", "constructor", "prototype", "extra"), fc.string({ maxLength: 6 })),
    value: fc.option(fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.integer({ min: -5, max: 200 }), fc.constantFrom("", "😀", "\ud800", "actor")), {
      nil: undefined,
    }),
  });
  return fc.array(edit, { minLength: 1, maxLength: 3 }).map((edits) => {
    const copy = records.map((r) => ({ ...r }));
    for (const { record, key, value } of edits) {
      if (copy.length === 0) break;
      const target = copy[Math.floor(record * copy.length)]!;
      if (value === undefined) delete target[key];
      // defineProperty, so "__proto__" becomes a real key and is written out.
      else Object.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: true });
    }
    return copy.map((r) => JSON.stringify(r)).join("\n") + "\n";
  });
}
