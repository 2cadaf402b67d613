// ESLint over the site's own scripts and their Node tests: tests/test_javascript.py runs
// `eslint --config tools/js/eslint.config.mjs` from the repository's root. The recommended rules, and these
// because of what the scripts are: modules in a browser page under a strict Content-Security-Policy that put
// text written by others (YAML, the address, an opened file) on the page. Layout is left to the reader.
import js from "@eslint/js";
import globals from "globals";

const SCRIPTS = ["plugins/lpl/overrides/assets/*.js"];
const NODE = ["tests/js/**/*.mjs", "tools/js/*.mjs"];

export default [
  {
    ignores: [
      "plugins/lpl/overrides/assets/vendor/**", // third-party, as published
    ],
  },
  { files: [...SCRIPTS, ...NODE], ...js.configs.recommended },
  {
    files: [...SCRIPTS, ...NODE],
    languageOptions: { ecmaVersion: 2022, sourceType: "module" },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      // Block scope and constants: what the type check reasons with.
      "no-var": "error",
      "prefer-const": "error",
      // No type coercion by comparison (null == undefined, "1" == 1).
      eqeqeq: ["error", "always"],
      // The CSP forbids these anyway; fail here instead of in a reader's console.
      "no-eval": "error",
      "no-implied-eval": "error",
      "no-new-func": "error",
      "no-script-url": "error",
      // Text from others reaches the page through textContent, .value or escapeHtml: markup sinks are
      // allowed only with a disable comment that says why what goes in is safe.
      "no-restricted-properties": [
        "error",
        ...["innerHTML", "outerHTML", "insertAdjacentHTML"].map((property) => ({
          property,
          message: "Put text in with textContent or the DOM; markup only when every text in it is escaped (say so).",
        })),
        { object: "document", property: "write", message: "Never document.write." },
      ],
      // A page's globals with names that read like locals (window.name, window.status, window.event…).
      "no-restricted-globals": ["error", "event", "name", "status", "length", "top", "parent", "self", "origin", "close"],
      // Nothing left for a reader's console.
      "no-console": "error",
      // Errors as Error objects, so a test and a console show where they came from.
      "no-throw-literal": "error",
      "prefer-promise-reject-errors": "error",
      // One name, one thing, and none read before it is set (functions are hoisted, so may come later).
      "no-shadow": "error",
      "no-use-before-define": ["error", { functions: false, variables: false }],
      "no-unused-vars": ["error", { argsIgnorePattern: "^_", caughtErrors: "none" }],
      "no-implicit-coercion": ["error", { allow: ["!!"] }],
      "no-return-assign": "error",
      "no-sequences": "error",
    },
  },
  { files: SCRIPTS, languageOptions: { globals: globals.browser } },
  { files: NODE, languageOptions: { globals: globals.node } },
];
