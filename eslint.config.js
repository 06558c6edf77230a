import tseslint from "typescript-eslint";
import globals from "globals";
import { importX, createNodeResolver } from "eslint-plugin-import-x";

const nodeBuiltins = ["node:*", "fs", "fs/*", "path", "os", "child_process", "crypto", "stream", "url", "util", "zlib", "http", "https", "net", "worker_threads"];

/**
 * typescript-eslint's parser, reporting every import and re-export as a value
 * one. import-x/no-cycle skips `import type` edges and has no option to count
 * them; we count them because a type-only circle still means a contract type
 * lives in an implementation file. Only `importKind`/`exportKind` change, after
 * the scope analysis, so no other rule sees a difference.
 */
const parserCountingTypeImports = {
  meta: { name: "typescript-eslint-parser-counting-type-imports" },
  parseForESLint(code, options) {
    const parsed = tseslint.parser.parseForESLint(code, options);
    for (const node of parsed.ast.body) {
      if (node.type === "ImportDeclaration") {
        node.importKind = "value";
        for (const specifier of node.specifiers) if ("importKind" in specifier) specifier.importKind = "value";
      } else if ((node.type === "ExportNamedDeclaration" && node.source) || node.type === "ExportAllDeclaration") {
        node.exportKind = "value";
        for (const specifier of node.specifiers ?? []) if ("exportKind" in specifier) specifier.exportKind = "value";
      }
    }
    return parsed;
  },
};

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
    // No import circles, type-only imports included: a circle means a contract
    // type lives in an implementation file (issue 19 §6). Resolved like the
    // bundler does, so extensionless TypeScript imports are followed.
    files: ["**/*.{ts,tsx,mjs,js}"],
    languageOptions: { parser: parserCountingTypeImports },
    plugins: { "import-x": importX },
    settings: {
      // Without this, import-x reads only .js files and sees no TypeScript import at all.
      // The files imported are parsed with the linted file's parser (above).
      "import-x/extensions": [".ts", ".tsx", ".mjs", ".js"],
      "import-x/resolver-next": [createNodeResolver({ extensions: [".ts", ".tsx", ".mjs", ".js", ".json"] })],
    },
    rules: {
      "import-x/no-cycle": ["error", { allowUnsafeDynamicCyclicDependency: false, ignoreExternal: true }],
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
