/**
 * The Content-Security-Policy of the renderer, the same in the desktop shell
 * (sent with every app:// response) and in the browser build (sent by the
 * preview server and repeated in index.html). No remote origin, no inline or
 * evaluated script, no inline style attributes. The browser build's web
 * manifest and service worker come from the app's own origin ('self').
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
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
