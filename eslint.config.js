import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

// lib/ is the shared engine (CLI, panel, tests): only web-standard APIs, no extension
// or DOM globals, no React, no Node built-ins. This is what keeps it runnable everywhere.
const engineOnly = {
  files: ['lib/**/*.ts'],
  rules: {
    'no-restricted-globals': [
      'error',
      ...[
        'browser',
        'chrome',
        'window',
        'document',
        'navigator',
        'localStorage',
        'sessionStorage',
        'process',
        'Buffer',
        'require',
        'global',
      ].map((name) => ({ name, message: `lib/ is the pure engine: no '${name}'.` })),
    ],
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          { group: ['react', 'react-*', 'react/*'], message: 'lib/ must not depend on React.' },
          {
            group: ['wxt', 'wxt/*', '#imports', 'webextension-polyfill', '@wxt-dev/*'],
            message: 'lib/ must not touch extension APIs.',
          },
          {
            group: ['node:*', 'fs', 'path', 'os', 'child_process', 'zustand', 'zustand/*'],
            message: 'lib/ uses web-standard APIs only.',
          },
          {
            group: ['**/components/**', '**/panel/**', '**/entrypoints/**', '**/cli/**', '**/test/**'],
            message: 'lib/ must not import from outside lib/.',
          },
        ],
      },
    ],
  },
};

// Keys from a capture (header names, JSON keys, zip entry names, query names) are untrusted:
// `constructor`, `__proto__` or `toString` looked up in a plain object find Object.prototype's
// members (issue 16: a trace body named `constructor` rejected the trace; a header named
// `constructor` printed `function Object()` in a report). Lookup tables are Maps (or
// null-prototype objects made with Object.create(null)); these patterns keep it so.
const LOOKUP =
  'a lookup by a runtime string key: use a Map (untrusted keys such as "constructor" find Object.prototype)';
// A selector list, not a config of its own: flat config replaces (never merges) a rule's options,
// so the lib/ configs that name confidence carry these too (namedConfidence, below).
const lookupSelectors = [
  // const TABLE: Record<string, T> = { … } and Readonly<Record<string, T>>: a string-keyed table.
  {
    selector:
      'VariableDeclarator[init.type="ObjectExpression"][id.typeAnnotation.typeAnnotation.typeName.name="Record"][id.typeAnnotation.typeAnnotation.typeArguments.params.0.type="TSStringKeyword"]',
    message: `A string-keyed Record built from an object literal is ${LOOKUP}.`,
  },
  {
    selector:
      'VariableDeclarator[init.type="ObjectExpression"][id.typeAnnotation.typeAnnotation.typeName.name="Readonly"][id.typeAnnotation.typeAnnotation.typeArguments.params.0.typeName.name="Record"][id.typeAnnotation.typeAnnotation.typeArguments.params.0.typeArguments.params.0.type="TSStringKeyword"]',
    message: `A string-keyed Record built from an object literal is ${LOOKUP}.`,
  },
  // const table: { [k: string]: T } = { … }: the same, spelled as an index signature.
  {
    selector:
      'VariableDeclarator[init.type="ObjectExpression"] > Identifier > TSTypeAnnotation > TSTypeLiteral > TSIndexSignature',
    message: `A string-indexed object literal is ${LOOKUP}.`,
  },
  // key in TABLE: true for "constructor" in any plain object.
  {
    selector: 'BinaryExpression[operator="in"][right.type="Identifier"][right.name=/^[A-Z][A-Z0-9_]+$/]',
    message: `key in TABLE is ${LOOKUP}.`,
  },
];

// Confidence is named on one scale (lib/core/confidence.ts, docs/causes.md "Confidence and
// ranking"): a bare number would sit off the scale where nobody sees its neighbours. A
// `confidence` written as a number, directly or as a branch of a conditional, fails anywhere in
// lib/; in the folders of rules and signature rows any fractional literal does (positional rows,
// kind tables, adjustments). scripts/codemods/named-confidence.mjs fixes most of them.
const NAME_IT = 'Name the confidence: a rung of CONFIDENCE or a NUDGE in lib/core/confidence.ts.';
const confidenceProperty = [
  "Property[key.name='confidence'] > Literal[value=type(number)]",
  "Property[key.name='confidence'] ConditionalExpression > Literal.consequent[value=type(number)]",
  "Property[key.name='confidence'] ConditionalExpression > Literal.alternate[value=type(number)]",
  "VariableDeclarator[id.name='confidence'] > Literal.init[value=type(number)]",
  "AssignmentExpression[left.name='confidence'] > Literal.right[value=type(number)]",
].map((selector) => ({ selector, message: NAME_IT }));
const namedConfidence = [
  {
    files: ['lib/**/*.ts'],
    ignores: ['lib/core/confidence.ts'],
    rules: { 'no-restricted-syntax': ['error', ...confidenceProperty, ...lookupSelectors] },
  },
  {
    files: ['lib/diagnose/**/*.ts', 'lib/cors/**/*.ts', 'lib/vendors/**/*.ts'],
    ignores: ['lib/vendors/samples/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...confidenceProperty,
        ...lookupSelectors,
        { selector: 'Literal[raw=/^\\d*\\.\\d+$/]', message: NAME_IT },
      ],
    },
  },
];

// The front ends (the panel: components/, entrypoints/, panel/; the CLI: cli/) use the engine
// through its public surface only: lib/index.ts, or a layer's index it re-exports (the import
// worker takes lib/har to stay small), or lib/front.ts (the CLI's entry, which must start without
// loading the engine). A path below a layer's index is a private module.
// Flat config replaces a rule's options rather than merging them, so each folder's config below
// carries every import pattern that applies to it.
const LIB_SURFACE = {
  regex: '(^|/)lib/[^/]+/.',
  message: "Import the engine from lib (lib/index.ts) or a layer's index, not a module inside a layer.",
};
// panel/ is the panel's model (store, capture wiring, import): it knows nothing of the views, so
// a view can be redesigned without touching it, and it stays testable without a DOM. Only its
// React binding (panel/store/use-panel.ts) may import React.
const PANEL_MODEL = [
  { group: ['react', 'react-*', 'react/*'], message: 'panel/ is the model: views live in components/.' },
  { group: ['**/components/**', '**/entrypoints/**'], message: 'panel/ must not import the views or the adapter.' },
];
// components/ holds React views only: the model they read lives in panel/.
const VIEWS_ONLY = { group: ['zustand', 'zustand/*'], message: 'Views read the store through panel/store/use-panel.' };
const importRules = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });
const frontEnds = [
  {
    files: ['entrypoints/**/*.{ts,tsx}', 'panel/**/*.{ts,tsx}', 'cli/**/*.ts', 'playwright/**/*.ts'],
    rules: importRules([LIB_SURFACE]),
  },
  {
    files: ['panel/**/*.ts'],
    ignores: ['panel/store/use-panel.ts'],
    rules: importRules([LIB_SURFACE, ...PANEL_MODEL]),
  },
  { files: ['components/**/*.{ts,tsx}'], rules: importRules([LIB_SURFACE, VIEWS_ONLY]) },
];

const noPlainLookups = {
  files: ['cli/**/*.ts'],
  rules: { 'no-restricted-syntax': ['error', ...lookupSelectors] },
};

export default tseslint.config(
  {
    ignores: [
      '.output/**',
      '.wxt/**',
      'node_modules/**',
      'bench/out/**',
      'test-results/**',
      'playwright-report/**',
      'test/golden/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // We do not use the React Compiler; TanStack Virtual's API is fine without memoisation.
      'react-hooks/incompatible-library': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.{js,mjs}'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        fetch: 'readonly',
        performance: 'readonly',
        TextEncoder: 'readonly',
        TextDecoder: 'readonly',
        AbortController: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
      },
    },
    // An Express error handler is known by its four parameters: `_next` is required and unused.
    rules: { '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }] },
  },
  {
    // The lab's Egg.js and Sails apps are CommonJS, as their frameworks load them (test/lab/conf/egg,
    // test/lab/conf/sails).
    files: ['test/lab/conf/**/*.js'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { module: 'writable', exports: 'writable', require: 'readonly', __dirname: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Sails hands its app to controllers, hooks and responses as the global `sails`.
    files: ['test/lab/conf/sails/api/**/*.js'],
    languageOptions: { globals: { sails: 'readonly' } },
  },
  engineOnly,
  ...namedConfidence,
  ...frontEnds,
  noPlainLookups,
);
