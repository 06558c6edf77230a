import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { expectSaved, fixture, importFiles, openDocument, selectWithMouse, spanRows, startApp } from "./helpers";

interface ExportedRecord {
  title: string;
  text: string;
  spans: { start: number; end: number; label: string; text: string }[];
}

/**
 * The layout of the reader's paragraph that holds `needle`: its direction,
 * and the screen boxes of its first letter and its last character (label
 * badges left out, as a reader sees the text).
 */
async function paragraphLayout(page: Page, needle: string) {
  return page.evaluate((needle) => {
    const paragraph = [...document.querySelectorAll(".ProseMirror p")].find((p) => (p.textContent ?? "").includes(needle));
    if (!paragraph) throw new Error(`no paragraph holds "${needle}"`);
    const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT, {
      acceptNode: (n) => (n.parentElement?.closest(".sw-badge, .sw-caret") ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
    });
    const nodes: Text[] = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) if ((n as Text).data.length) nodes.push(n as Text);
    const box = (node: Text, offset: number) => {
      const range = document.createRange();
      range.setStart(node, offset);
      range.setEnd(node, offset + 1);
      const r = range.getBoundingClientRect();
      return { left: r.left, right: r.right, top: r.top };
    };
    const firstNode = nodes[0]!;
    const lastNode = nodes.at(-1)!;
    return {
      direction: getComputedStyle(paragraph).direction,
      first: box(firstNode, 0),
      last: box(lastNode, lastNode.data.length - 1),
      lastChar: lastNode.data.at(-1),
    };
  }, needle);
}

/** The saved JSONL export of the project, one record per document. */
async function exportRecords(page: Page): Promise<ExportedRecord[]> {
  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export JSONL" }).click();
  return readFileSync(await (await downloading).path(), "utf8")
    .trimEnd()
    .split("\n")
    .map((l) => JSON.parse(l) as ExportedRecord);
}

/** Checks in Python that every span's offsets slice its text out of the document's. */
function checkInPython(records: ExportedRecord[]): string[] {
  const script = "import json,sys\nfor r in json.loads(sys.stdin.read()):\n for s in r['spans']:\n  print(r['text'][s['start']:s['end']])";
  return execFileSync("python3", ["-c", script], { input: JSON.stringify(records) }).toString("utf8").trimEnd().split("\n");
}

test.beforeEach(async ({ page }) => {
  await startApp(page);
});

test("an Arabic article reads right to left, and tagging by mouse and keyboard gives exact offsets", async ({ page }) => {
  await importFiles(page, [fixture("doha-ar.txt")]);
  await openDocument(page, "doha-ar");

  // Each paragraph is laid out right to left: the final full stop lies left of the first letter.
  for (const needle of ["وصل وزير", "وقال المتحدث", "وأضاف"]) {
    const layout = await paragraphLayout(page, needle);
    expect(layout.direction).toBe("rtl");
    expect(layout.lastChar).toBe(".");
    expect(layout.last.right).toBeLessThan(layout.first.left);
  }

  // The mouse: a drag over "المتحدث" (from its right end to its left) tags exactly that word.
  await selectWithMouse(page, "المتحدث");
  await page.keyboard.press("1");
  await expectSaved(page);

  // The keyboard: in an Arabic paragraph ArrowLeft moves on through the text (visually left).
  await page.locator(".ProseMirror").focus();
  await page.keyboard.press("Control+End");
  await page.keyboard.press("Control+ArrowUp"); // the start of the last paragraph: its right end
  await page.keyboard.press("Control+Shift+ArrowLeft"); // one word on: "وأضاف"
  await page.keyboard.press("2");
  await expectSaved(page);
  await page.keyboard.press("Escape");
  await page.keyboard.press("ArrowLeft"); // past the space after "وأضاف"
  await page.keyboard.press("Shift+ArrowLeft");
  await page.keyboard.press("Shift+ArrowLeft"); // "أن"
  await page.keyboard.press("4");
  await expectSaved(page);
  await expect.poll(() => spanRows(page)).toEqual(["Actor: المتحدث", "Event: وأضاف", "Quote: أن"]);

  // The tagged first word keeps its paragraph right to left (its badge's Latin name does not turn it).
  expect((await paragraphLayout(page, "وأضاف")).direction).toBe("rtl");
  // The badge sits where the span's reading starts: its right end.
  const [span, badge] = await Promise.all(
    [".sw-span", ".sw-badge"].map((sel) =>
      page.locator(`.ProseMirror p:has-text("وأضاف") ${sel}`).first().evaluate((el) => {
        const r = el.getBoundingClientRect();
        return { left: r.left, right: r.right };
      }),
    ),
  );
  expect(badge!.left).toBeGreaterThanOrEqual(span!.right - 1);
  // The span list shows Arabic text right to left too.
  await expect(page.locator(".sw-spanlist .sw-spantext").first()).toHaveJSProperty("dir", "auto");

  const [record] = await exportRecords(page);
  const texts = record!.spans.map((s) => s.text);
  expect(texts).toEqual(["المتحدث", "وأضاف", "أن"]);
  expect(checkInPython([record!])).toEqual(texts);
  // Code point offsets, counted from the text's start (the dateline's digits included).
  const text = fixture("doha-ar.txt").buffer.toString("utf8");
  const quote = record!.spans.find((s) => s.text === "أن")!;
  expect(quote.start).toBe(Array.from(text.slice(0, text.indexOf("أن المحادثات"))).length);
});

test("a mixed article keeps each paragraph in its own direction", async ({ page }) => {
  await importFiles(page, [fixture("statement-mixed.txt")]);
  await openDocument(page, "statement-mixed");

  for (const needle of ["The ministry", "Observers said"]) {
    const layout = await paragraphLayout(page, needle);
    expect(layout.direction).toBe("ltr");
    expect(layout.last.left).toBeGreaterThan(layout.first.right);
  }
  const arabic = await paragraphLayout(page, "قال المتحدث");
  expect(arabic.direction).toBe("rtl");
  expect(arabic.last.right).toBeLessThan(arabic.first.left);

  // Tagging across the English and the Arabic paragraph's words gives exact offsets.
  await selectWithMouse(page, "قال");
  await page.keyboard.press("2");
  await selectWithMouse(page, "spokesman");
  await page.keyboard.press("1");
  await expectSaved(page);
  expect((await paragraphLayout(page, "قال المتحدث")).direction).toBe("rtl");
  const [record] = await exportRecords(page);
  expect(checkInPython([record!])).toEqual(["spokesman", "قال"]);
});
