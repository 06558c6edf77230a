// Renders build/icon.svg to the PNG icons the app ships, with Chromium (the
// same browser the tests drive), and writes them where they are used:
// - build/icon.png (1024 px), which electron-builder turns into each
//   platform's icon (.icns, .ico, Linux sizes);
// - renderer/public/icons/, the web app's icons that its manifest
//   (renderer/pwa/manifest.ts) lists: 192 and 512 px as drawn, and
//   "maskable" ones whose artwork sits inside the central 80% safe zone on a
//   full-bleed tile, so a launcher may crop them to a circle or a squircle.
// Run after changing the SVG: node build/render-icon.mjs
import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "@playwright/test";
import { chromiumArgs, findChromium } from "../scripts/chromium.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const webIcons = path.join(here, "..", "renderer", "public", "icons");

/** Where each icon goes, its size in pixels, and whether it is drawn full-bleed for masking. */
const TARGETS = [
  { file: path.join(here, "icon.png"), size: 1024, maskable: false },
  { file: path.join(webIcons, "icon-192.png"), size: 192, maskable: false },
  { file: path.join(webIcons, "icon-512.png"), size: 512, maskable: false },
  { file: path.join(webIcons, "maskable-192.png"), size: 192, maskable: true },
  { file: path.join(webIcons, "maskable-512.png"), size: 512, maskable: true },
  // iOS rounds the corners of a home-screen icon itself, so it gets the full-bleed tile too.
  { file: path.join(webIcons, "apple-touch-icon-180.png"), size: 180, maskable: true },
];
/** The share of a maskable icon's width that a launcher never crops (the W3C manifest's safe zone). */
const SAFE_ZONE = 0.8;

const svg = readFileSync(path.join(here, "icon.svg"), "utf8");
// The tile behind the page is the SVG's first filled rectangle; a maskable icon extends it to the edges.
const tileColour = /<rect[^>]*\sfill="(#[0-9a-fA-F]{3,8})"/.exec(svg)?.[1];
if (!tileColour) throw new Error("build/icon.svg: no filled <rect> to take the maskable icon's background colour from");

/** The SVG with its viewBox widened so that its drawing fills only the safe zone. */
function maskableSvg() {
  const [x, y, width, height] = /viewBox="([^"]+)"/.exec(svg)[1].split(/\s+/).map(Number);
  const margin = ((1 / SAFE_ZONE - 1) * width) / 2;
  return svg.replace(/viewBox="[^"]+"/, `viewBox="${x - margin} ${y - margin} ${width + 2 * margin} ${height + 2 * margin}"`);
}

const browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs() });
try {
  mkdirSync(webIcons, { recursive: true });
  for (const { file, size, maskable } of TARGETS) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    const background = maskable ? tileColour : "transparent";
    await page.setContent(
      `<style>html,body{margin:0;background:${background}}svg{display:block;width:${size}px;height:${size}px}</style>${maskable ? maskableSvg() : svg}`,
    );
    await page.screenshot({ path: file, omitBackground: !maskable, clip: { x: 0, y: 0, width: size, height: size } });
    await page.close();
    console.log(`Wrote ${path.relative(path.join(here, ".."), file)}`);
  }
} finally {
  await browser.close();
}
