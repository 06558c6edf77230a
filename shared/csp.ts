/**
 * The Content-Security-Policy of the renderer, the same in the desktop shell
 * (sent with every app:// response) and in the browser build (sent by the
 * preview server and stated in index.html). No remote origin, no evaluated
 * script, no inline style attributes, and nothing inline but what the build
 * puts in index.html, each allowed by its SHA-256 hash: the first paint's
 * script and the app's stylesheet, which must not wait for a file fetch
 * before the first screen is drawn. The browser build's web manifest and
 * service worker come from the app's own origin ('self').
 */

/** Hashes ('sha256-…', quoted) of the page's inline scripts and <style> elements. */
export interface InlineHashes {
  scripts?: readonly string[];
  styles?: readonly string[];
}

export function contentSecurityPolicy({ scripts = [], styles = [] }: InlineHashes = {}): string {
  return [
    "default-src 'self'",
    ["script-src 'self'", ...scripts].join(" "),
    ["style-src 'self'", ...styles].join(" "),
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

/** The policy without anything inline: for responses that are not the app's page (errors, files), and where no page was built. */
export const CONTENT_SECURITY_POLICY = contentSecurityPolicy();

/** The policy as a <meta> of the page states it: all but frame-ancestors, which only a header can carry. */
export function metaPolicy(hashes: InlineHashes): string {
  return contentSecurityPolicy(hashes)
    .split("; ")
    .filter((d) => !d.startsWith("frame-ancestors"))
    .join("; ");
}

const HASH = /'sha256-[A-Za-z0-9+/]+={0,2}'/g;

/**
 * The policy to send with a built page (dist/index.html): the app's policy
 * with the inline hashes its own <meta> policy names, and nothing else from
 * the page. Without a <meta> policy, the app's.
 */
export function pagePolicy(html: string): string {
  const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(html);
  const directives = (meta?.[1] ?? "")
    .replace(/&#39;/g, "'")
    .split(";")
    .map((d) => d.trim());
  const hashesOf = (name: string) => directives.find((d) => d.startsWith(`${name} `))?.match(HASH) ?? [];
  return contentSecurityPolicy({ scripts: hashesOf("script-src"), styles: hashesOf("style-src") });
}
