/**
 * A static file server a test starts and stops itself, as any static host
 * would serve dist/: every response carries the app's CSP, with the hash of
 * the inline first paint that the served index.html names. `rewrite` lets a
 * test change what a file's bytes are (a new version of the app, say)
 * between two requests, which is how a browser meets an update.
 */
import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import path from "node:path";
import { CONTENT_SECURITY_POLICY, pagePolicy } from "../../shared/csp";

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".webmanifest": "application/manifest+json",
};

/** Serves `root` on 127.0.0.1:`port`; `rewrite(file, bytes)` may return other bytes for a file (path relative to root). */
export async function serveFolder(root: string, port: number, rewrite: (file: string, bytes: Buffer) => Buffer = (_f, b) => b): Promise<StaticServer> {
  const served = async (file: string) => rewrite(file, await readFile(path.join(root, ...file.split("/"))));
  const server: Server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? "/", "http://host").pathname);
    const file = path.normalize(pathname.endsWith("/") ? `${pathname}index.html` : pathname).replace(/^[/\\]+/, "");
    const type = CONTENT_TYPES[path.extname(file)];
    void served("index.html")
      .then(
        (html) => pagePolicy(html.toString("utf8")),
        () => CONTENT_SECURITY_POLICY,
      )
      .then(async (policy) => {
        if (file.startsWith("..") || type === undefined) {
          response.writeHead(404, { "Content-Security-Policy": policy }).end();
          return;
        }
        const bytes = await served(file.split(path.sep).join("/")).catch(() => null);
        if (!bytes) response.writeHead(404, { "Content-Security-Policy": policy }).end();
        else response.writeHead(200, { "Content-Type": type, "Cache-Control": "no-cache", "Content-Security-Policy": policy }).end(bytes);
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", resolve);
  });
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Keep-alive connections would hold the server open: a stopped host answers nothing.
        server.closeAllConnections();
      }),
  };
}
