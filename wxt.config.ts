import { defineConfig } from 'wxt';

// Why403 asks for no host access at install: the panel reads traffic through
// devtools.network, which needs no permission. Direct replay asks for host access
// to one origin at the moment it is used (optional host permissions).
export default defineConfig({
  // No webextension-polyfill: `wxt/browser` is the native namespace (browser, else chrome) and the
  // panel's adapter calls chrome.devtools with callbacks (docs/browser-apis.md: measured).
  modules: ['@wxt-dev/module-react'],
  // Explicit imports keep it obvious which files touch extension APIs.
  imports: false,
  // Rolldown inlines an imported constant at every use: the Public Suffix List's 68 KB label
  // string (tldts, lib/inspect/site.ts) then appeared three times in the panel (+276 KB instead of
  // +140 KB). Off, each constant is stored once (rolldown/rolldown#10656; measured in issue 18).
  vite: () => ({
    build: {
      rolldownOptions: { optimization: { inlineConst: false } },
      // WHY403_PROFILE=1: readable names in a CPU profile of the panel (bench/panel-import.mjs --profile).
      ...(process.env.WHY403_PROFILE ? { minify: false } : {}),
    },
  }),
  // The add-on store's reviewers rebuild from the sources zip: what builds the extension goes
  // in; tests, benchmarks, docs and the store listing (store/, its own zip: scripts/zip-store.mjs)
  // do not. assets/icon.svg stays: public/icon/*.png are rendered from it (scripts/make-icons.mjs).
  zip: {
    excludeSources: [
      'test/**',
      'bench/**',
      'docs/**',
      '.ci/**',
      'test-results/**',
      'store/**',
      'assets/icon-preview.png',
    ],
  },
  manifest: ({ browser }) => ({
    name: 'Why403',
    description: 'Explains why a request was refused: 401, 403, 429 and CORS errors, with evidence and fixes.',
    // declarativeNetRequestWithHostAccess grants nothing by itself: it only acts on origins
    // the user granted for a direct replay (to set Cookie/Origin/Referer on that one request).
    permissions: ['declarativeNetRequestWithHostAccess'],
    // Minimum versions are the oldest the e2e suite runs in (npm test: Chromium 150 and 156,
    // Firefox ESR 140 and 153), not the oldest that might work.
    ...(browser === 'firefox'
      ? {
          // Firefox MV2 lists optional host patterns among optional_permissions.
          optional_permissions: ['http://*/*', 'https://*/*'],
          browser_specific_settings: {
            gecko: {
              id: 'why403@why403.dev',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : { optional_host_permissions: ['http://*/*', 'https://*/*'], minimum_chrome_version: '150' }),
  }),
});
