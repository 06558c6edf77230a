/**
 * The app's Content-Security-Policy (shared/csp.ts): the one inline script
 * of the built page (the first paint) is allowed by its hash and nothing
 * else is loosened; a server takes only the hashes from the page's own
 * <meta> policy, so a page that asked for more would not get it.
 */
import { describe, expect, it } from "vitest";
import { CONTENT_SECURITY_POLICY, contentSecurityPolicy, metaPolicy, pagePolicy } from "../../shared/csp";

const HASH = "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='";
const STYLE_HASH = "'sha256-2jmj7l5rSw0yVb/vlWAYkK/YBwk='";
const HASHES = { scripts: [HASH], styles: [STYLE_HASH] };
const page = (content: string) => `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="${content.replace(/'/g, "&#39;")}"><title>Spanwise</title></head></html>`;
const directive = (policy: string, name: string) => policy.split("; ").find((d) => d.split(" ")[0] === name);

describe("the Content-Security-Policy", () => {
  it("allows scripts and styles from the app's origin, and inline only by hash", () => {
    expect(directive(CONTENT_SECURITY_POLICY, "script-src")).toBe("script-src 'self'");
    expect(directive(CONTENT_SECURITY_POLICY, "style-src")).toBe("style-src 'self'");
    expect(directive(contentSecurityPolicy(HASHES), "script-src")).toBe(`script-src 'self' ${HASH}`);
    expect(directive(contentSecurityPolicy(HASHES), "style-src")).toBe(`style-src 'self' ${STYLE_HASH}`);
    for (const policy of [CONTENT_SECURITY_POLICY, contentSecurityPolicy(HASHES)]) expect(policy).not.toMatch(/unsafe-inline|unsafe-eval|unsafe-hashes|\*/);
  });

  it("states in a page's <meta> everything but frame-ancestors, which only a header can carry", () => {
    const meta = metaPolicy(HASHES);
    expect(directive(meta, "frame-ancestors")).toBeUndefined();
    expect(`${meta}; frame-ancestors 'none'`).toBe(contentSecurityPolicy(HASHES));
  });

  it("sent with a built page: the app's policy with the hashes the page's <meta> names", () => {
    expect(pagePolicy(page(metaPolicy(HASHES)))).toBe(contentSecurityPolicy(HASHES));
    expect(pagePolicy(page(metaPolicy({ scripts: [HASH] })))).toBe(contentSecurityPolicy({ scripts: [HASH] }));
    expect(pagePolicy("<!doctype html><title>no policy</title>")).toBe(CONTENT_SECURITY_POLICY);
  });

  it("never takes anything but hashes from the page", () => {
    const greedy = page(`default-src *; script-src 'self' 'unsafe-inline' https://evil.example ${HASH}; style-src * 'unsafe-inline' ${STYLE_HASH}; img-src ${HASH}; frame-ancestors *`);
    expect(pagePolicy(greedy)).toBe(contentSecurityPolicy(HASHES));
  });
});
