/**
 * Serves the built renderer (dist/) on app://spanwise with the
 * Content-Security-Policy on every response, including errors: the app's
 * own, with the hash of the page's inline first-paint script as the built
 * index.html names it (shared/csp.ts).
 */
import { protocol } from "electron";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { CONTENT_SECURITY_POLICY, pagePolicy } from "../shared/csp";
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
  const policy = readFile(path.join(distRoot, "index.html"), "utf8").then(pagePolicy, () => CONTENT_SECURITY_POLICY);
  protocol.handle(APP_SCHEME, async (request) => {
    const securityHeaders = securityHeadersWith(await policy);
    const textResponse = (status: number, text: string) => new Response(text, { status, headers: securityHeaders({ "Content-Type": "text/plain; charset=utf-8" }) });
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

const securityHeadersWith = (policy: string) => (extra: Record<string, string>): Headers =>
  new Headers({
    ...extra,
    "Content-Security-Policy": policy,
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "no-cache",
  });
