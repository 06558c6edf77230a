import { execFileSync } from "node:child_process";
import { readFileSync, statSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { clickSpanText, expectSaved, fixture, importFiles, menuItem, openDocument, selectWithMouse, spanRow, spanRows, startApp } from "./helpers";

interface ExportedSpan {
  id: string;
  start: number;
  end: number;
  label: string;
  text: string;
}
interface ExportedRecord {
  id: string;
  title: string;
  source?: string;
  text: string;
  spans: ExportedSpan[];
}

/** Python's text[start:end]: slicing by code points. */
/** summit.txt's headline, its title in the list. */
const SUMMIT = "Ministers meet in Geneva as talks resume";
const pySlice = (text: string, start: number, end: number) => Array.from(text).slice(start, end).join("");

test.beforeEach(async ({ page }) => {
  await startApp(page);
  await expect(page.getByText("Import documents to begin")).toBeVisible();
});

test("import, tag with mouse and keyboard, overlap, relabel, remove, undo, reload, export", async ({ page }) => {
  await importFiles(page, [fixture("summit.txt"), fixture("port-crlf.txt")]);
  const list = page.getByRole("navigation", { name: "Documents" });
  // Titled by their headlines, with the file names below.
  await expect(list.locator(".sw-doc-title")).toHaveText([SUMMIT, "Trade envoy visits port"]);
  await expect(list.locator(".sw-doc-source")).toHaveText(["summit.txt", "port-crlf.txt"]);
  await openDocument(page, "summit");
  // Paragraph breaks are kept: each line of the file is a paragraph.
  await expect(page.locator(".ProseMirror p")).toHaveCount(8);

  // Mouse: a sloppy selection snaps to whole words.
  await selectWithMouse(page, "oreign Minister Amara Okafo");
  await page.keyboard.press("1");
  await expectSaved(page);
  await expect.poll(() => spanRows(page)).toEqual(["Actor: Foreign Minister Amara Okafor"]);

  // Nested inside it, with the toolbar button.
  await selectWithMouse(page, "Amara Okafor");
  await page.getByRole("toolbar", { name: "Labels" }).getByRole("button", { name: "Actor", exact: true }).click();
  // Overlapping both: an event that starts inside the actor span.
  await selectWithMouse(page, "Okafor met her counterpart");
  await page.keyboard.press("2");
  await expect.poll(() => spanRows(page)).toEqual([
    "Actor: Foreign Minister Amara Okafor",
    "Actor: Amara Okafor",
    "Event: Okafor met her counterpart",
  ]);
  // Every span is drawn and keeps its badge.
  await expect(page.locator(".ProseMirror .sw-badge")).toHaveCount(3);

  // Keyboard only: put the caret at the start of the third paragraph's quote and extend by words.
  await page.locator(".ProseMirror").focus();
  await page.keyboard.press("Control+Home");
  await page.keyboard.press("Control+ArrowDown"); // the dateline paragraph
  await page.keyboard.press("Control+ArrowDown"); // the quote's paragraph
  await page.keyboard.press("Control+ArrowRight"); // past "We
  for (let i = 0; i < 5; i++) await page.keyboard.press("Control+Shift+ArrowRight");
  await page.keyboard.press("4");
  await expect.poll(() => spanRows(page)).toContain("Quote: will not accept another delay");
  await expectSaved(page);

  // Relabel: click the nested actor span, press 3 (Date), then fix it back with the button.
  await spanRow(page, "Amara Okafor", { exact: true }).click();
  await page.keyboard.press("3");
  await expect.poll(() => spanRows(page)).toContain("Date: Amara Okafor");
  await page.keyboard.press("Control+z");
  await expect.poll(() => spanRows(page)).toContain("Actor: Amara Okafor");

  // Remove by clicking the span's text, then undo and redo the removal.
  await page.keyboard.press("Escape");
  await clickSpanText(page, "counterpart");
  await expect(page.locator(".sw-span.sw-selected").first()).toHaveAttribute("data-label", "event");
  await page.keyboard.press("Delete");
  await expect.poll(() => spanRows(page)).not.toContain("Event: Okafor met her counterpart");
  await page.keyboard.press("Control+z");
  await expect.poll(() => spanRows(page)).toContain("Event: Okafor met her counterpart");
  await page.keyboard.press("Control+Shift+z");
  await expect.poll(() => spanRows(page)).not.toContain("Event: Okafor met her counterpart");
  await page.keyboard.press("Control+z");
  await expectSaved(page);
  const before = await spanRows(page);
  expect(before).toHaveLength(4);

  // Reload: the same document opens with exactly the same spans.
  await page.reload();
  await expect(page.locator(".sw-doctitle")).toHaveText(SUMMIT);
  await expect.poll(() => spanRows(page)).toEqual(before);

  // Tag in the CRLF document too.
  await openDocument(page, "port-crlf");
  await selectWithMouse(page, "Rotterdam");
  await page.keyboard.press("1");
  await expectSaved(page);

  // Export: every span's offsets slice its text, as Python would.
  const downloading = page.waitForEvent("download");
  await menuItem(page, "Export", "Export JSONL");
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("My project.jsonl");
  const path = await download.path();
  const lines = readFileSync(path, "utf8").trimEnd().split("\n");
  expect(lines).toHaveLength(2);
  // The lines went to files on disk as they were made (one per export worker), not into memory: together they are the download.
  const onDisk = await page.evaluate(async () => {
    const dir = await (await navigator.storage.getDirectory()).getDirectoryHandle("spanwise-exports");
    let bytes = 0;
    for await (const handle of (dir as unknown as { values(): AsyncIterable<FileSystemFileHandle> }).values()) bytes += (await handle.getFile()).size;
    return bytes;
  });
  expect(onDisk).toBe(statSync(path).size);
  const records = lines.map((l) => JSON.parse(l) as ExportedRecord);
  const summit = records.find((r) => r.source === "summit.txt")!;
  expect(summit.spans.map((s) => `${s.label}: ${s.text}`).sort()).toEqual(
    ["actor: Foreign Minister Amara Okafor", "actor: Amara Okafor", "event: Okafor met her counterpart", "quote: will not accept another delay"].sort(),
  );
  const port = records.find((r) => r.source === "port-crlf.txt")!;
  expect(port.text).not.toContain("\r");
  expect(port.spans).toHaveLength(1);
  for (const r of records) for (const s of r.spans) expect(pySlice(r.text, s.start, s.end)).toBe(s.text);
  const py = execFileSync("python3", [
    "-c",
    "import json,sys\nn=0\nfor line in open(sys.argv[1],encoding='utf-8'):\n r=json.loads(line)\n for s in r['spans']:\n  assert r['text'][s['start']:s['end']]==s['text'],(s,r['text'][s['start']:s['end']])\n  n+=1\nprint(n)",
    path,
  ]).toString();
  expect(py.trim()).toBe("5");
});

test("emoji, combining marks and Arabic keep exact code point offsets", async ({ page }) => {
  await importFiles(page, [fixture("multiscript.txt")]);
  await openDocument(page, "multiscript");
  await selectWithMouse(page, "Zoë Müller");
  await page.keyboard.press("1");
  await selectWithMouse(page, "Ismaʿil Haniyeh");
  await page.keyboard.press("1");
  await selectWithMouse(page, "المتحدث");
  await page.keyboard.press("1");
  await selectWithMouse(page, "re\u0301sume\u0301");
  await page.keyboard.press("2");
  await selectWithMouse(page, "Friday");
  await page.keyboard.press("3");
  await expectSaved(page);
  await expect.poll(async () => (await spanRows(page)).length).toBe(5);

  const downloading = page.waitForEvent("download");
  await menuItem(page, "Export", "Export JSONL");
  const record = JSON.parse(readFileSync(await (await downloading).path(), "utf8").trim()) as ExportedRecord;
  const texts = record.spans.map((s) => s.text);
  expect(texts).toEqual(["Zoë Müller", "Ismaʿil Haniyeh", "Friday", "المتحدث", "re\u0301sume\u0301"]);
  for (const s of record.spans) expect(pySlice(record.text, s.start, s.end)).toBe(s.text);
  // Code points, not UTF-16 units: "Friday" comes after an astral flag emoji.
  const friday = record.spans.find((s) => s.text === "Friday")!;
  const utf16 = record.text.indexOf("Friday");
  expect(friday.start).toBe(Array.from(record.text.slice(0, utf16)).length);
  expect(friday.start).toBeLessThan(utf16);
});

test("bad files are reported by name while the good ones go in", async ({ page }) => {
  await importFiles(page, [fixture("summit.txt")]);
  await openDocument(page, "summit");
  await selectWithMouse(page, "Jonas Lindqvist");
  await page.keyboard.press("1");
  await expectSaved(page);

  await importFiles(page, [
    { name: "latin1.txt", mimeType: "text/plain", buffer: Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x0a]) },
    { name: "empty.txt", mimeType: "text/plain", buffer: Buffer.alloc(0) },
    fixture("port-crlf.txt"),
    fixture("summit.txt"),
  ]);
  const alerts = page.getByRole("alert");
  await expect(alerts.filter({ hasText: '"latin1.txt" is not valid UTF-8' })).toBeVisible();
  await expect(alerts.filter({ hasText: '"empty.txt" is empty' })).toBeVisible();
  await expect(alerts.filter({ hasText: "summit" }).filter({ hasText: "already in this project" })).toBeVisible();
  const list = page.getByRole("navigation", { name: "Documents" });
  await expect(list.locator(".sw-doc-source")).toHaveText(["summit.txt", "port-crlf.txt"]);
  // What was stored before is untouched.
  await expect.poll(() => spanRows(page)).toEqual(["Actor: Jonas Lindqvist"]);
});
