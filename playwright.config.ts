import { defineConfig } from '@playwright/test';

// End-to-end tests run the real panel inside real DevTools (see test/e2e/harness.ts), one browser
// at a time: the machine and CI runners are small and each test owns its browser and server.
export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results',
  workers: 1,
  fullyParallel: false,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: 'list',
});
