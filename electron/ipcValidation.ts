/**
 * Checks for everything that crosses the bridge from the renderer. The
 * renderer is untrusted, so each parser takes `unknown` and returns a typed
 * value or throws an Error that says what was wrong.
 */
import { MENU_NAMES, type FileFilter, type MenuCommand, type SaveRequest } from "../shared/bridge";
import { toAccelerator } from "./accelerator";

/** Largest content `saveFile` accepts: bigger exports need a streaming operation. */
export const MAX_SAVE_BYTES = 512 * 1024 * 1024;
const MAX_FILTERS = 16;
const MAX_EXTENSIONS = 32;
const MAX_FILTER_NAME_LENGTH = 100;
const MAX_FILE_NAME_LENGTH = 255;
const EXTENSION = /^(?:\*|[A-Za-z0-9][A-Za-z0-9_-]{0,15})$/;
const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f]/;
/** More commands than any menu should hold; a longer list is a bug in the renderer or an attack. */
export const MAX_MENU_COMMANDS = 200;
const MAX_TITLE_LENGTH = 100;
/** Command ids as the renderer's registry writes them: "project.save", "export-jsonl". */
const COMMAND_ID = /^[a-z][a-z0-9]*(?:[.:-][a-z0-9]+)*$/i;
/** Ids this process hands out for recent files (UUIDs). */
const RECENT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

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

/** The renderer's arguments to `openRecent`: the id of an entry of the list it was given. */
export function parseOpenRecentArgs(args: readonly unknown[]): string {
  expectArgCount("openRecent", args, 1);
  const id = args[0];
  if (typeof id !== "string" || !RECENT_ID.test(id)) throw new Error("openRecent takes the id of a recent project file");
  return id;
}

/**
 * The renderer's arguments to `setMenuCommands`: unique ids, printable
 * titles, keys that are key combinations (returned as Electron
 * accelerators), one of the known menus.
 */
export function parseSetMenuCommandsArgs(args: readonly unknown[]): MenuCommand[] {
  expectArgCount("setMenuCommands", args, 1);
  const value = args[0];
  if (!Array.isArray(value)) throw new Error("commands must be an array");
  if (value.length > MAX_MENU_COMMANDS) throw new Error(`at most ${MAX_MENU_COMMANDS} menu commands are allowed`);
  const seen = new Set<string>();
  return value.map((item, index) => {
    const where = `commands[${index}]`;
    const record = expectRecord(item, where, ["id", "title", "accelerator", "enabled", "menu"]);
    const { id, title, accelerator, enabled, menu } = record;
    if (typeof id !== "string" || id.length > 64 || !COMMAND_ID.test(id)) throw new Error(`${where}.id must be letters and digits joined by ".", ":" or "-", at most 64 characters`);
    if (seen.has(id)) throw new Error(`${where}.id "${id}" is used twice`);
    seen.add(id);
    if (typeof title !== "string" || title.trim() === "" || title.length > MAX_TITLE_LENGTH || CONTROL_CHARS.test(title)) {
      throw new Error(`${where}.title must be a non-empty string of at most ${MAX_TITLE_LENGTH} printable characters`);
    }
    if (typeof enabled !== "boolean") throw new Error(`${where}.enabled must be true or false`);
    if (typeof menu !== "string" || !(MENU_NAMES as readonly string[]).includes(menu)) throw new Error(`${where}.menu must be one of ${MENU_NAMES.join(", ")}`);
    const command: MenuCommand = { id, title, enabled, menu: menu as MenuCommand["menu"] };
    if (accelerator !== undefined) {
      if (typeof accelerator !== "string" || accelerator.length > 40) throw new Error(`${where}.accelerator must be a short string`);
      try {
        command.accelerator = toAccelerator(accelerator);
      } catch (error) {
        throw new Error(`${where}.accelerator: ${(error as Error).message}`);
      }
    }
    return command;
  });
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
