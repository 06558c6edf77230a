/**
 * Serves the built renderer (dist/) on app://spanwise with the
 * Content-Security-Policy on every response, including errors.
 */
import { protocol } from "electron";
import { readFile } from "node:fs/promises";
import { CONTENT_SECURITY_POLICY } from "../shared/csp";
import { resolveAppFile } from "./appProtocol";
import { APP_SCHEME } from "./origin";

/**
 * Must run before `app` is ready. Standard + secure makes app:// a real
 * origin, which IndexedDB, storage and fetch need.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Answers app:// requests from files under `distRoot`. Run once `app` is ready. */
export function serveAppScheme(distRoot: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== "GET" && request.method !== "HEAD") return textResponse(405, "Method not allowed");
    const resolved = resolveAppFile(request.url, distRoot);
    if (!resolved.ok) return textResponse(resolved.status, resolved.reason);
    try {
      const body = await readFile(resolved.filePath);
      return new Response(request.method === "HEAD" ? null : new Uint8Array(body), {
        status: 200,
        headers: securityHeaders({ "Content-Type": resolved.contentType }),
      });
    } catch (error) {
      const code = (error as { code?: unknown } | null)?.code;
      return code === "ENOENT" || code === "EISDIR" ? textResponse(404, "Not found") : textResponse(500, "Cannot read file");
    }
  });
}

function textResponse(status: number, text: string): Response {
  return new Response(text, { status, headers: securityHeaders({ "Content-Type": "text/plain; charset=utf-8" }) });
}

function securityHeaders(extra: Record<string, string>): Headers {
  return new Headers({
    ...extra,
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "no-cache",
  });
}
