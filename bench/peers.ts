/**
 * The pages Spanwise is measured against at start-up: the same document in
 * @recogito/text-annotator (a peer annotation tool for the web), and the
 * floor, a blank page with only the text in a <pre>. Both are written to a
 * folder under the benchmark's cache and served by a small static server of
 * their own (the app's server sends Spanwise's CSP, which is not theirs).
 *
 * The Recogito page does what its documentation shows a host page doing:
 * the text is in the served HTML, the annotations come from a JSON file,
 * and `createTextAnnotator` draws them with its default span renderer.
 */
import { createReadStream, mkdirSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import path from "node:path";
import { build } from "esbuild";
import type { CorpusDocument } from "./corpus";

const PAGE_STYLE = "body{margin:0;font:16px/1.6 system-ui,sans-serif}#doc{max-width:760px;margin:0 auto;padding:24px}#doc p{margin:0 0 0.6em}pre{margin:0;padding:24px;white-space:pre-wrap;font:16px/1.6 system-ui,sans-serif}";

const LABEL_COLOURS: Record<string, string> = { actor: "#2f6fdd", event: "#d23f31", date: "#2a9d55", quote: "#8e44ad" };

/** The script of the Recogito page: reads the annotations and hands them to the annotator. */
const RECOGITO_ENTRY = `
import { createTextAnnotator } from "@recogito/text-annotator";
import "@recogito/text-annotator/text-annotator.css";
const colours = ${JSON.stringify(LABEL_COLOURS)};
const container = document.getElementById("doc");
const annotator = createTextAnnotator(container, {
  style: (a) => ({ fill: colours[a.bodies[0] && a.bodies[0].value] || "#888", fillOpacity: 0.25 }),
});
// replace = false: in 4.1.1 a replacing setAnnotations skips anchoring the
// selectors' offsets to the page's text, and nothing is drawn.
fetch(container.dataset.annotations)
  .then((r) => r.json())
  .then((annotations) => annotator.setAnnotations(annotations, false));
`;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Writes the Recogito bundle once and, for each document, `recogito-<key>.html`
 * with its annotations and `floor-<key>.html`. Spans never cross a line, so a
 * span's offset in the page's text (the lines without their "\n", one <p>
 * each, nothing between them) is its offset in its line plus where the line
 * starts there.
 */
export async function writePeerPages(root: string, dir: string, documents: Record<string, CorpusDocument>): Promise<void> {
  mkdirSync(dir, { recursive: true });
  await build({
    stdin: { contents: RECOGITO_ENTRY, resolveDir: root, loader: "js" },
    bundle: true,
    minify: true,
    format: "iife",
    target: "es2022",
    outfile: path.join(dir, "recogito.js"),
    logLevel: "warning",
  });
  for (const [key, doc] of Object.entries(documents)) {
    const lines = doc.text.split("\n");
    const lineStarts: number[] = [];
    const pageStarts: number[] = [];
    let at = 0;
    let pageAt = 0;
    for (const line of lines) {
      lineStarts.push(at);
      pageStarts.push(pageAt);
      at += line.length + 1;
      pageAt += line.length;
    }
    const lineOf = (offset: number) => {
      let lo = 0;
      let hi = lineStarts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (lineStarts[mid]! <= offset) lo = mid;
        else hi = mid - 1;
      }
      return lo;
    };
    const annotations = doc.spans.map((s) => {
      const line = lineOf(s.start);
      const start = s.start - lineStarts[line]! + pageStarts[line]!;
      return {
        id: s.id,
        bodies: [{ id: `${s.id}-label`, annotation: s.id, purpose: "tagging", value: s.label }],
        target: { annotation: s.id, selector: [{ quote: doc.text.slice(s.start, s.end), start, end: start + (s.end - s.start) }] },
      };
    });
    writeFileSync(path.join(dir, `recogito-${key}.json`), JSON.stringify(annotations));
    const paragraphs = lines.map((line, i) => (line ? `<p data-line="${i}">${escapeHtml(line)}</p>` : "")).join("");
    writeFileSync(
      path.join(dir, `recogito-${key}.html`),
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>${escapeHtml(doc.title)}</title><link rel="stylesheet" href="recogito.css"><style>${PAGE_STYLE}</style></head>` +
        `<body><div id="doc" data-annotations="recogito-${key}.json">${paragraphs}</div><script src="recogito.js"></script></body></html>`,
    );
    writeFileSync(
      path.join(dir, `floor-${key}.html`),
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>${escapeHtml(doc.title)}</title><style>${PAGE_STYLE}</style></head><body><pre>${escapeHtml(doc.text)}</pre></body></html>`,
    );
  }
}

const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css", ".json": "application/json" };

/** Serves the files of `dir` (no listing, nothing outside it) on 127.0.0.1:`port`. */
export async function servePeerPages(dir: string, port: number): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    const name = path.basename(decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname));
    const file = path.join(dir, name);
    let size: number;
    try {
      size = statSync(file).size;
    } catch {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": TYPES[path.extname(name)] ?? "application/octet-stream", "content-length": size, "cache-control": "no-cache" });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
