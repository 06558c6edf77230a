/**
 * Maps an app:// request to a file inside the built renderer (dist/). Pure:
 * it decides which file to read; main.ts reads it and answers.
 */
import nodePath from "node:path";
import { APP_HOST, APP_SCHEME, parseUrl } from "./origin";

/** The subset of node:path used here, so tests can check both posix and win32 rules. */
export type PathApi = Pick<typeof nodePath, "resolve" | "relative" | "isAbsolute" | "extname" | "sep">;

export type AppFileResolution =
  | { ok: true; filePath: string; contentType: string }
  | { ok: false; status: 400 | 403 | 404; reason: string };

const INDEX_FILE = "index.html";
const FORBIDDEN_IN_SEGMENT = /[\\/:\u0000-\u001f\u007f]/;

/**
 * Resolves `requestUrl` to a file under `root`. Paths without an extension
 * fall back to index.html (the renderer routes them itself); paths that try
 * to leave `root` in any spelling are refused.
 */
export function resolveAppFile(requestUrl: string, root: string, path: PathApi = nodePath): AppFileResolution {
  const url = parseUrl(requestUrl);
  if (url === undefined) return refuse(400, "malformed URL");
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return refuse(404, `unknown origin ${url.protocol}//${url.host}`);

  const segments = decodeSegments(url.pathname);
  if (typeof segments === "string") return refuse(403, segments);

  const last = segments.at(-1) ?? "";
  const relative = last === "" || path.extname(last) === "" ? [INDEX_FILE] : segments;

  const absoluteRoot = path.resolve(root);
  const filePath = path.resolve(absoluteRoot, ...relative);
  const inside = path.relative(absoluteRoot, filePath);
  if (inside === "" || inside.startsWith("..") || path.isAbsolute(inside)) return refuse(403, "path outside the app folder");

  return { ok: true, filePath, contentType: contentTypeFor(filePath, path) };
}

/** Decoded, non-empty path segments, or the reason they are refused. */
function decodeSegments(pathname: string): string[] | string {
  const decoded: string[] = [];
  const raw = pathname.split("/");
  for (const [index, segment] of raw.entries()) {
    let value: string;
    try {
      value = decodeURIComponent(segment);
    } catch {
      return "malformed percent-encoding";
    }
    // Empty segments come from the leading slash, a trailing slash or `//`.
    if (value === "") {
      if (index === raw.length - 1) decoded.push("");
      continue;
    }
    if (value === "." || value === "..") return "dot segment in path";
    if (FORBIDDEN_IN_SEGMENT.test(value)) return "separator, drive or control character in path segment";
    decoded.push(value);
  }
  return decoded;
}

function refuse(status: 400 | 403 | 404, reason: string): AppFileResolution {
  return { ok: false, status, reason };
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".ttf": "font/ttf",
  ".wasm": "application/wasm",
};

/** The Content-Type for a file served to the renderer; unknown types are opaque bytes. */
export function contentTypeFor(filePath: string, path: PathApi = nodePath): string {
  return CONTENT_TYPES[path.extname(filePath).toLowerCase()] ?? "application/octet-stream";
}
