/** The attribute that marks the first paint's inline <script> in the built index.html (vite.config.ts): the page's one inline script, allowed by its hash. */
export const FIRST_PAINT_SCRIPT = "data-sw-first-paint-script";
