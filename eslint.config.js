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

// Keys from a capture (header names, JSON keys, zip entry names, query names) are untrusted:
// `constructor`, `__proto__` or `toString` looked up in a plain object find Object.prototype's
// members (issue 16: a trace body named `constructor` rejected the trace; a header named
// `constructor` printed `function Object()` in a report). Lookup tables are Maps (or
// null-prototype objects made with Object.create(null)); these patterns keep it so.
const LOOKUP =
  'a lookup by a runtime string key: use a Map (untrusted keys such as "constructor" find Object.prototype)';
const noPlainLookups = {
  files: ['lib/**/*.ts', 'cli/**/*.ts'],
  rules: {
    'no-restricted-syntax': [
      'error',
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
    ],
  },
};

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'bench/out/**', 'test-results/**', 'playwright-report/**'] },
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
  noPlainLookups,
);
