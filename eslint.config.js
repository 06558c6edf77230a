import tseslint from "typescript-eslint";
import globals from "globals";

const nodeBuiltins = ["node:*", "fs", "fs/*", "path", "os", "child_process", "crypto", "stream", "url", "util", "zlib", "http", "https", "net", "worker_threads"];

const noImportsOf = (names, why) => ({
  "no-restricted-imports": [
    "error",
    { patterns: names.map((group) => ({ group: [group], message: why })) },
  ],
});

export default tseslint.config(
  { ignores: ["dist/", "dist-electron/", "dist-cli/", "node_modules/", "test-results/", "playwright-report/", "tmp/", "release/"] },
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // The domain is pure: it runs unchanged in the renderer, the shell and the CLI.
    files: ["shared/**/*.ts"],
    rules: noImportsOf(
      [...nodeBuiltins, "electron", "react", "react-dom", "react/*", "dexie", "dexie-*", "prosemirror-view", "**/renderer/**", "**/electron/**", "**/cli/**"],
      "shared/ is pure domain code: no Node, Electron, React, Dexie or DOM-bound imports.",
    ),
  },
  {
    // The renderer is untrusted and reaches the host only through renderer/platform.
    files: ["renderer/**/*.ts", "renderer/**/*.tsx"],
    languageOptions: { globals: globals.browser },
    rules: noImportsOf(
      [...nodeBuiltins, "electron", "**/electron/**", "**/cli/**"],
      "renderer/ must not import Node or Electron: go through renderer/platform.",
    ),
  },
  {
    files: ["electron/**/*.ts"],
    languageOptions: { globals: globals.node },
    rules: noImportsOf(["**/renderer/**", "react", "react-dom", "dexie"], "electron/ is a thin shell: no renderer code."),
  },
  {
    files: ["cli/**/*.ts", "scripts/**/*.mjs", "bench/**/*.{ts,mjs}", "tests/**/*.ts", "*.config.{ts,js}"],
    languageOptions: { globals: globals.node },
  },
);
