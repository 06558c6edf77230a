/**
 * Checks for everything that crosses the bridge from the renderer. The
 * renderer is untrusted, so each parser takes `unknown` and returns a typed
 * value or throws an Error that says what was wrong.
 */
import type { FileFilter, SaveRequest } from "../shared/bridge";

/** Largest content `saveFile` accepts: bigger exports need a streaming operation. */
export const MAX_SAVE_BYTES = 512 * 1024 * 1024;
const MAX_FILTERS = 16;
const MAX_EXTENSIONS = 32;
const MAX_FILTER_NAME_LENGTH = 100;
const MAX_FILE_NAME_LENGTH = 255;
const EXTENSION = /^(?:\*|[A-Za-z0-9][A-Za-z0-9_-]{0,15})$/;
const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f]/;

/** The renderer's arguments to `openFiles`. */
export function parseOpenFilesArgs(args: readonly unknown[]): FileFilter[] {
  expectArgCount("openFiles", args, 1);
  return parseFileFilters(args[0]);
}

/** The renderer's arguments to `saveFile`. */
export function parseSaveFileArgs(args: readonly unknown[], maxBytes = MAX_SAVE_BYTES): SaveRequest {
  expectArgCount("saveFile", args, 1);
  return parseSaveRequest(args[0], maxBytes);
}

export function parseFileFilters(value: unknown): FileFilter[] {
  if (!Array.isArray(value)) throw new Error("filters must be an array");
  if (value.length > MAX_FILTERS) throw new Error(`at most ${MAX_FILTERS} filters are allowed`);
  return value.map((filter, index) => parseFileFilter(filter, `filters[${index}]`));
}

function parseFileFilter(value: unknown, where: string): FileFilter {
  const record = expectRecord(value, where, ["name", "extensions"]);
  const name = record.name;
  if (typeof name !== "string" || name.trim() === "" || name.length > MAX_FILTER_NAME_LENGTH || CONTROL_CHARS.test(name)) {
    throw new Error(`${where}.name must be a non-empty string of at most ${MAX_FILTER_NAME_LENGTH} printable characters`);
  }
  const extensions = record.extensions;
  if (!Array.isArray(extensions) || extensions.length === 0 || extensions.length > MAX_EXTENSIONS) {
    throw new Error(`${where}.extensions must be an array of 1 to ${MAX_EXTENSIONS} extensions`);
  }
  for (const [i, extension] of extensions.entries()) {
    if (typeof extension !== "string" || !EXTENSION.test(extension)) {
      throw new Error(`${where}.extensions[${i}] must be "*" or letters and digits without a dot, like "txt"`);
    }
  }
  return { name, extensions: [...(extensions as string[])] };
}

export function parseSaveRequest(value: unknown, maxBytes = MAX_SAVE_BYTES): SaveRequest {
  const record = expectRecord(value, "request", ["suggestedName", "filters", "data"]);
  return {
    suggestedName: parseFileName(record.suggestedName, "request.suggestedName"),
    filters: parseFileFilters(record.filters),
    data: parseData(record.data, maxBytes),
  };
}

/** A bare file name: no directories, nothing the save dialog could read as a path. */
export function parseFileName(value: unknown, where = "file name"): string {
  if (typeof value !== "string" || value.trim() === "") throw new Error(`${where} must be a non-empty string`);
  if (value.length > MAX_FILE_NAME_LENGTH) throw new Error(`${where} must be at most ${MAX_FILE_NAME_LENGTH} characters`);
  if (/[/\\]/.test(value)) throw new Error(`${where} must not contain path separators`);
  if (CONTROL_CHARS.test(value)) throw new Error(`${where} must not contain control characters`);
  if (value === "." || value === "..") throw new Error(`${where} must not be "." or ".."`);
  return value;
}

function parseData(value: unknown, maxBytes: number): string | Uint8Array {
  if (typeof value === "string") {
    // UTF-8 never takes fewer bytes than UTF-16 code units, so long strings fail before encoding.
    if (value.length > maxBytes || Buffer.byteLength(value, "utf8") > maxBytes) throw tooLarge(maxBytes);
    return value;
  }
  if (value instanceof Uint8Array) {
    if (value.byteLength > maxBytes) throw tooLarge(maxBytes);
    return value;
  }
  throw new Error("request.data must be a string or a Uint8Array");
}

function tooLarge(maxBytes: number): Error {
  return new Error(`request.data is larger than ${Math.floor(maxBytes / (1024 * 1024))} MB`);
}

function expectArgCount(operation: string, args: readonly unknown[], count: number): void {
  if (args.length !== count) throw new Error(`${operation} takes ${count} argument(s), got ${args.length}`);
}

/** A plain object with only the `allowed` keys. */
function expectRecord(value: unknown, where: string, allowed: readonly string[]): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new Error(`${where} must be an object`);
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) throw new Error(`${where} must be a plain object`);
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) throw new Error(`${where} has an unexpected field "${key}"`);
  }
  return value as Record<string, unknown>;
}
