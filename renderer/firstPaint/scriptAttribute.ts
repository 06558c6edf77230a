/** The attribute of the first paint's <script> element in the built index.html (vite.config.ts): the app waits for that script while it is on the page (gate.ts). */
export const FIRST_PAINT_SCRIPT = "data-sw-first-paint-script";
