import path from "node:path";
import { describe, expect, it } from "vitest";
import { contentTypeFor, resolveAppFile } from "../../electron/appProtocol";

const root = path.resolve("/srv/spanwise/dist");
const inRoot = (...parts: string[]) => path.join(root, ...parts);

function resolved(url: string) {
  const result = resolveAppFile(url, root);
  if (!result.ok) throw new Error(`expected ${url} to resolve, got ${result.status} ${result.reason}`);
  return result;
}

describe("resolveAppFile", () => {
  it("serves files under the root with their content type", () => {
    expect(resolved("app://spanwise/index.html")).toEqual({ ok: true, filePath: inRoot("index.html"), contentType: "text/html; charset=utf-8" });
    expect(resolved("app://spanwise/assets/main-1a2b.js")).toMatchObject({ filePath: inRoot("assets", "main-1a2b.js"), contentType: "text/javascript; charset=utf-8" });
    expect(resolved("app://spanwise/assets/a%20b.css").filePath).toBe(inRoot("assets", "a b.css"));
  });

  it("ignores the query and the fragment", () => {
    expect(resolved("app://spanwise/assets/x.js?v=2#top").filePath).toBe(inRoot("assets", "x.js"));
  });

  it("falls back to index.html only for paths without an extension", () => {
    for (const url of ["app://spanwise", "app://spanwise/", "app://spanwise/documents/42", "app://spanwise/projects/"]) {
      expect(resolved(url).filePath).toBe(inRoot("index.html"));
    }
    expect(resolved("app://spanwise/missing.png").filePath).toBe(inRoot("missing.png"));
  });

  it.each([
    "app://spanwise/..%2f..%2fetc/passwd",
    "app://spanwise/assets/..%2F..%2Fsecret.txt",
    "app://spanwise/%2e%2e%2fsecret.txt",
    "app://spanwise/assets%2f..%2f..%2fsecret.txt",
    "app://spanwise/..%5c..%5csecret.txt",
    "app://spanwise/%2Fetc%2Fpasswd",
    "app://spanwise/C:%5CWindows%5Cwin.ini",
    "app://spanwise/C:/Windows/win.ini",
    "app://spanwise/index.html%00.png",
    "app://spanwise/a%0Ab.js",
  ])("refuses traversal and odd characters: %s", (url) => {
    expect(resolveAppFile(url, root)).toMatchObject({ ok: false, status: 403 });
  });

  it("stays inside the root for dot segments the URL parser already removed", () => {
    // WHATWG URL parsing folds "..", "%2e%2e" and "." before we see the path.
    for (const url of ["app://spanwise/../../etc/passwd.txt", "app://spanwise/%2e%2e/%2e%2e/etc/passwd.txt", "app://spanwise/./a/../b.js"]) {
      const result = resolveAppFile(url, root);
      if (result.ok) expect(path.relative(root, result.filePath).startsWith("..")).toBe(false);
    }
  });

  it("refuses malformed percent-encoding", () => {
    expect(resolveAppFile("app://spanwise/%E0%A4%A.js", root)).toMatchObject({ ok: false, status: 403 });
  });

  it("answers only its own origin", () => {
    expect(resolveAppFile("app://other/index.html", root)).toMatchObject({ ok: false, status: 404 });
    expect(resolveAppFile("file:///etc/passwd", root)).toMatchObject({ ok: false, status: 404 });
    expect(resolveAppFile("not a url", root)).toMatchObject({ ok: false, status: 400 });
  });

  it("applies the same rules with Windows paths", () => {
    const winRoot = "C:\\Program Files\\Spanwise\\resources\\app\\dist";
    const ok = resolveAppFile("app://spanwise/assets/x.js", winRoot, path.win32);
    expect(ok).toEqual({ ok: true, filePath: `${winRoot}\\assets\\x.js`, contentType: "text/javascript; charset=utf-8" });
    expect(resolveAppFile("app://spanwise/..%5C..%5Cx.js", winRoot, path.win32)).toMatchObject({ ok: false });
    expect(resolveAppFile("app://spanwise/D:%5Cx.js", winRoot, path.win32)).toMatchObject({ ok: false });
    expect(resolveAppFile("app://spanwise/%5C%5Cserver%5Cshare%5Cx.js", winRoot, path.win32)).toMatchObject({ ok: false });
  });
});

describe("contentTypeFor", () => {
  it("knows the renderer's file types and treats the rest as bytes", () => {
    expect(contentTypeFor("a/b.WOFF2")).toBe("font/woff2");
    expect(contentTypeFor("a/b.svg")).toBe("image/svg+xml");
    expect(contentTypeFor("a/b.map")).toBe("application/json; charset=utf-8");
    expect(contentTypeFor("a/b.exe")).toBe("application/octet-stream");
    expect(contentTypeFor("a/README")).toBe("application/octet-stream");
  });
});
