import { config, z } from "zod";

/**
 * zod, as every schema here uses it. In a page (the app's renderer, its
 * workers) the Content Security Policy forbids eval, and zod would probe
 * for it with Function("") on its first parse (logging a CSP violation
 * each start): there it is told not to try. Node (the CLI, tests) keeps
 * zod's faster compiled validators. Set here, where zod is first loaded,
 * so that the renderer loads zod only when it needs it (not at start).
 */
if ("window" in globalThis || "importScripts" in globalThis) config({ jitless: true });

export { z };
