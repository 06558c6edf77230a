/**
 * The Content-Security-Policy of the renderer, the same in the desktop shell
 * (sent with every app:// response) and in the browser build (sent by the
 * preview server and repeated in index.html). No remote origin, no
 * evaluated script, no inline style attributes, and no inline script but
 * the one the build puts in index.html (the first paint, allowed by its
 * SHA-256 hash: a page script that must not wait for a file fetch). The
 * browser build's web manifest and service worker come from the app's own
 * origin ('self').
 */
export function contentSecurityPolicy(scriptHashes: readonly string[] = []): string {
  return [
    "default-src 'self'",
    ["script-src 'self'", ...scriptHashes].join(" "),
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** The policy without inline scripts: for responses that are not the app's page (errors, files). */
export const CONTENT_SECURITY_POLICY = contentSecurityPolicy();

/** The policy as a <meta> of the page states it: all but frame-ancestors, which only a header can carry. */
export function metaPolicy(scriptHashes: readonly string[]): string {
  return contentSecurityPolicy(scriptHashes)
    .split("; ")
    .filter((d) => !d.startsWith("frame-ancestors"))
    .join("; ");
}

const SCRIPT_HASH = /'sha256-[A-Za-z0-9+/]+={0,2}'/g;

/**
 * The policy to send with a built page (dist/index.html): the app's policy
 * with the inline-script hashes its own <meta> policy names, and nothing
 * else from the page. Without a <meta> policy, none.
 */
export function pagePolicy(html: string): string {
  const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(html);
  const scriptSrc = meta?.[1]!.replace(/&#39;/g, "'").split(";").map((d) => d.trim()).find((d) => d.startsWith("script-src "));
  return contentSecurityPolicy(scriptSrc?.match(SCRIPT_HASH) ?? []);
}
