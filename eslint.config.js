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

// panel/ is the panel's model (store, capture wiring, import): it knows nothing of the views, so
// a view can be redesigned without touching it, and it stays testable without a DOM. Only its
// React binding (panel/store/use-panel.ts) may import React.
const panelModel = {
  files: ['panel/**/*.ts'],
  ignores: ['panel/store/use-panel.ts'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          { group: ['react', 'react-*', 'react/*'], message: 'panel/ is the model: views live in components/.' },
          {
            group: ['**/components/**', '**/entrypoints/**'],
            message: 'panel/ must not import the views or the adapter.',
          },
        ],
      },
    ],
  },
};

// components/ holds React views only: the model they read lives in panel/.
const viewsOnly = {
  files: ['components/**/*.{ts,tsx}'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [{ group: ['zustand', 'zustand/*'], message: 'Views read the store through panel/store/use-panel.' }],
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
  panelModel,
  viewsOnly,
);
