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
            group: ['**/components/**', '**/entrypoints/**', '**/cli/**', '**/test/**'],
            message: 'lib/ must not import from outside lib/.',
          },
        ],
      },
    ],
  },
};

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
    rules: { 'no-restricted-syntax': ['error', ...confidenceProperty] },
  },
  {
    files: ['lib/diagnose/**/*.ts', 'lib/cors/**/*.ts', 'lib/vendors/**/*.ts'],
    ignores: ['lib/vendors/samples/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...confidenceProperty,
        { selector: 'Literal[raw=/^\\d*\\.\\d+$/]', message: NAME_IT },
      ],
    },
  },
];

// The front ends (the panel: components/, entrypoints/, panel/; the CLI: cli/) use the engine
// through its public surface only: lib/index.ts, or a layer's index it re-exports (the import
// worker takes lib/har to stay small). A path below a layer's index is a private module.
const frontEnds = {
  files: ['components/**/*.{ts,tsx}', 'entrypoints/**/*.{ts,tsx}', 'panel/**/*.{ts,tsx}', 'cli/**/*.ts'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            regex: '(^|/)lib/[^/]+/.',
            message: "Import the engine from lib (lib/index.ts) or a layer's index, not a module inside a layer.",
          },
        ],
      },
    ],
  },
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
  },
  engineOnly,
  ...namedConfidence,
  frontEnds,
);
