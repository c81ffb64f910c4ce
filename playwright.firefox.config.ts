import { defineConfig } from '@playwright/test';

// Firefox end to end (test/firefox): the real panel in real Firefox DevTools, driven over
// Marionette (test/firefox/harness.ts); no Playwright browser is used. One Firefox per file.
// The binary is $WHY403_FIREFOX, else /usr/bin/firefox-esr.
export default defineConfig({
  testDir: 'test/firefox',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results/firefox',
  workers: 1,
  fullyParallel: false,
  // No retries, in CI either: a flaky test gets fixed, not retried (a retry hides it).
  retries: 0,
  timeout: 90_000,
  reporter: 'list',
});
