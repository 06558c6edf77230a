/**
 * The files a user asked the app to open on its command line: Windows and
 * Linux start the app with the double-clicked file's path (a `file:` URL
 * from Linux desktop entries), and a second start passes its command line
 * to the running app. Electron's own arguments and Chromium's switches are
 * left out; the paths are checked later (projectFileAt.ts).
 */
import path from "node:path";
import { fileURLToPath } from "node:url";

export interface LaunchContext {
  /**
   * True when the app runs as `electron <app path> …` (development, tests):
   * then the first argument after the switches is the app, not a file.
   */
  defaultApp: boolean;
  /** The folder relative paths are relative to: the starting process's working folder. */
  cwd: string;
}

/** Absolute paths of the files named in `argv` (a whole process.argv, executable first). */
export function filesInArgv(argv: readonly string[], { defaultApp, cwd }: LaunchContext): string[] {
  const files: string[] = [];
  let appPathSkipped = !defaultApp;
  let switchesEnded = false;
  for (const arg of argv.slice(1)) {
    if (!switchesEnded && arg === "--") {
      switchesEnded = true;
      continue;
    }
    // Switches (--flag, --flag=value) and macOS's "-psn_0_123" process serial number.
    if (!switchesEnded && arg.startsWith("-")) continue;
    if (!appPathSkipped) {
      appPathSkipped = true;
      continue;
    }
    const file = toPath(arg, cwd);
    if (file !== undefined) files.push(file);
  }
  return [...new Set(files)];
}

function toPath(arg: string, cwd: string): string | undefined {
  if (arg.trim() === "") return undefined;
  if (/^file:/i.test(arg)) {
    try {
      return fileURLToPath(arg);
    } catch {
      return undefined;
    }
  }
  // Other URLs (a scheme of two letters or more; "C:" is a Windows drive) are not files.
  if (/^[a-z][a-z0-9+.-]+:/i.test(arg)) return undefined;
  return path.resolve(cwd, arg);
}
