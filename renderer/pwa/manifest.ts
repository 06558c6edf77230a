/**
 * The web app manifest of the browser build: what Chromium needs to offer
 * "Install Spanwise" and to open it in its own window. vite.config.ts hands
 * it to vite-plugin-pwa, which writes dist/manifest.webmanifest.
 *
 * Every URL is relative to the manifest itself, so the same build works at
 * the root of a host or under any path (https://lab.example/tools/spanwise/).
 * The icons are PNGs rendered from build/icon.svg by build/render-icon.mjs.
 */

/** One icon entry of a web app manifest. */
export interface ManifestIcon {
  src: string;
  sizes: string;
  type: "image/png";
  purpose: "any" | "maskable";
}

/** The manifest members Spanwise sets. */
export interface WebAppManifest {
  id: string;
  name: string;
  short_name: string;
  description: string;
  lang: string;
  start_url: string;
  scope: string;
  display: "standalone";
  theme_color: string;
  background_color: string;
  categories: string[];
  icons: ManifestIcon[];
}

/** The dark slate of the icon's tile: the installed window's title bar. */
export const THEME_COLOR = "#1e293b";
/** The app's page background (styles.css --sw-bg), so the splash screen blends into the loading screen. */
export const BACKGROUND_COLOR = "#f8f7f4";

/** The apple-touch-icon, for Safari's "Add to Home Screen" (it reads no manifest icons). */
export const APPLE_TOUCH_ICON = "icons/apple-touch-icon-180.png";

export const webAppManifest: WebAppManifest = {
  id: "./",
  name: "Spanwise",
  short_name: "Spanwise",
  description: "Read documents and tag actors, events, dates and quotes; everything stays on your machine.",
  lang: "en",
  start_url: "./",
  scope: "./",
  display: "standalone",
  theme_color: THEME_COLOR,
  background_color: BACKGROUND_COLOR,
  categories: ["productivity", "education"],
  icons: [
    { src: "icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
    { src: "icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
    { src: "icons/maskable-192.png", sizes: "192x192", type: "image/png", purpose: "maskable" },
    { src: "icons/maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
  ],
};
