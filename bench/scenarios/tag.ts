/**
 * Scenario 2: tagging in the long document with its 10,000 spans present.
 * At varied places, a few words are selected and a label key pressed; the
 * figure is the time from the key press to the new (pending) highlight
 * painted. Each tag is let save before the next, so tags do not queue. Two
 * more figures split it: the wait for the frame that shows the highlight,
 * and that frame's own work.
 */
import { profiled } from "../app";
import { corpusKit } from "../corpus";
import type { Scenario } from "../scenario";
import { figure } from "../stats";
import { LONG_TITLE, openFromList, openLongDocument } from "./open";

export const tagScenario: Scenario = {
  name: "tag",
  async run(ctx) {
    const tags = ctx.smoke ? 5 : 200;
    const session = await openLongDocument(ctx);
    const { page } = session;
    const pick = corpusKit(2);
    const painted: number[] = [];
    const toFrame: number[] = [];
    const saved: number[] = [];
    try {
      await openFromList(page, LONG_TITLE);
      const textLines = await page.evaluate(() => window.__reader.textLines.length);
      for (let i = 0; i < tags; i++) {
        const where = { lineAt: pick.random(), wordAt: pick.random(), words: 1 + pick.int(3) };
        // Setup, not measured: bring the place into view and select words in it.
        await page.evaluate(async ({ lineAt, wordAt, words }) => {
          const reader = window.__reader;
          const line = reader.textLines[Math.floor(lineAt * reader.textLines.length)]!;
          const p = reader.paragraph(line);
          if (!p) throw new Error(`line ${line} is not in the reader`);
          p.scrollIntoView({ block: "center" });
          await window.__probe.paintedWhen(reader.spansInView, 30_000);
          const text = reader.lines[line]!;
          const found = [...text.matchAll(/[^\s.,?]+/gu)];
          const first = Math.floor(wordAt * found.length);
          const last = Math.min(found.length - 1, first + words - 1);
          const start = found[first]!.index;
          const end = found[last]!.index + found[last]![0].length;
          // DOM positions of text offsets, skipping badges.
          const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT, {
            acceptNode: (n) => (n.parentElement?.closest(".sw-badge, .sw-caret") ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
          });
          const locate = (offset: number, atEnd: boolean) => {
            let seen = 0;
            for (let n = walker.nextNode(); n; n = walker.nextNode()) {
              const len = (n as Text).data.length;
              if (offset < seen + len || (atEnd && offset === seen + len)) return { node: n, offset: offset - seen };
              seen += len;
            }
            throw new Error(`offset ${offset} is not in line ${line}`);
          };
          const a = locate(start, false);
          walker.currentNode = p;
          const b = locate(end, true);
          const range = document.createRange();
          range.setStart(a.node, a.offset);
          range.setEnd(b.node, b.offset);
          const sel = getSelection()!;
          sel.removeAllRanges();
          sel.addRange(range);
          await window.__probe.frames(2);
          // The new span is the one whose id was not drawn in this paragraph before the key press.
          const ids = (el: Element | null) => [...(el?.querySelectorAll<HTMLElement>(".sw-span[data-span-id]") ?? [])].map((e) => e.dataset.spanId!);
          const before = new Set(ids(p));
          const fresh = () => [...(reader.paragraph(line)?.querySelectorAll<HTMLElement>(".sw-span[data-span-id]") ?? [])].filter((e) => !before.has(e.dataset.spanId!));
          const w = window as unknown as { __tagged: Promise<[number, number, number]> };
          w.__tagged = window.__probe.paintedWhen(() => fresh().length > 0, 30_000).then(async (shown) => {
            const frame = window.__probe.lastPaintedFrame();
            return [shown, await window.__probe.paintedWhen(() => fresh().some((e) => !e.classList.contains("sw-pending")), 30_000), frame];
          });
        }, where);
        const key = String(1 + pick.int(4));
        // The setup above ends in an animation frame, so a key sent at once would always
        // arrive just after a frame began and wait a whole frame for the next: a person's
        // key presses fall anywhere in a frame. Wait a random part of a 60 Hz frame first.
        await new Promise((resolve) => setTimeout(resolve, pick.random() * 16.7));
        const [toPainted, toSaved, toItsFrame] = await profiled(session, i % 50 === 10 ? ctx.profileDir : undefined, `tag-${i + 1}`, async () => {
          await page.keyboard.press(key);
          return page.evaluate(async () => {
            const [shown, done, frame] = await (window as unknown as { __tagged: Promise<[number, number, number]> }).__tagged;
            const key = window.__probe.lastEvent("keydown");
            return [shown - key, done - key, frame - key];
          });
        });
        painted.push(toPainted);
        toFrame.push(toItsFrame);
        saved.push(toSaved);
        if ((i + 1) % 50 === 0 || i + 1 === tags) ctx.log(`${i + 1} of ${tags} tags (${textLines} lines with text)`);
      }
      return [
        figure("tag.keyToHighlight", "2. key press → new highlight painted", "ms", painted, { target: 16, targetP95: 33 }),
        figure("tag.keyToFrame", "2. of which: key press → the frame that shows it starts", "ms", toFrame),
        figure("tag.frameRender", "2. of which: that frame's style, layout and paint", "ms", painted.map((p, i) => p - toFrame[i]!)),
        figure("tag.keyToSaved", "2. key press → highlight drawn as saved", "ms", saved),
      ];
    } finally {
      await session.close();
    }
  },
};
