// Renders build/icon.svg to build/icon.png (1024 px), the image
// electron-builder turns into each platform's icon (.icns, .ico, Linux sizes).
// Run after changing the SVG: node build/render-icon.mjs
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "@playwright/test";
import { chromiumArgs, findChromium } from "../scripts/chromium.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const SIZE = 1024;

const svg = readFileSync(path.join(here, "icon.svg"), "utf8");
const browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs() });
try {
  const page = await browser.newPage({ viewport: { width: SIZE, height: SIZE } });
  await page.setContent(
    `<style>html,body{margin:0;background:transparent}svg{display:block;width:${SIZE}px;height:${SIZE}px}</style>${svg}`,
  );
  await page.locator("svg").screenshot({ path: path.join(here, "icon.png"), omitBackground: true });
} finally {
  await browser.close();
}
console.log("Wrote build/icon.png");
