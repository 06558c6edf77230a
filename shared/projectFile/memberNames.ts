import { FORBIDDEN_JSON_KEYS } from "../safeJson";

/** Longest member name accepted, in UTF-16 code units. */
const MAX_NAME_LENGTH = 1024;

/**
 * Why `name` is not acceptable as the path of a member of a project file, or
 * undefined when it is. Names are relative paths with `/` separators, as the
 * zip format says; anything a careless extractor could resolve outside its
 * target folder (`..`, absolute paths, drive letters, backslashes) is refused,
 * even though Spanwise itself never extracts to disk, because users unzip
 * these files with other tools.
 */
export function memberNameProblem(name: string): string | undefined {
  if (name.length === 0) return "has an empty name";
  if (name.length > MAX_NAME_LENGTH) return `has a name longer than ${MAX_NAME_LENGTH} characters`;
  if (/[\u0000-\u001f\u007f]/.test(name)) return "has control characters in its name";
  if (name.includes("\\")) return "has a backslash in its path";
  if (name.startsWith("/")) return "has an absolute path";
  if (/^[A-Za-z]:/.test(name)) return "has a path with a drive letter";
  const segments = name.split("/");
  // A trailing slash marks a directory entry; its last segment is empty by design.
  const inner = name.endsWith("/") ? segments.slice(0, -1) : segments;
  for (const segment of inner) {
    if (segment === "..") return 'has ".." in its path';
    if (segment === ".") return 'has "." in its path';
    if (segment === "") return "has an empty folder name in its path";
    if (FORBIDDEN_JSON_KEYS.has(segment)) return `has the reserved name "${segment}" in its path`;
  }
  return undefined;
}

/** Zip directory entries (names ending in `/`) carry no data; project files need none. */
export function isDirectoryName(name: string): boolean {
  return name.endsWith("/");
}
