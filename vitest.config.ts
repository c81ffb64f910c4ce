import { defineConfig } from 'vitest/config';

// Unit tests cover lib/, cli/ and the store; the real-DevTools end-to-end tests live in
// test/e2e and run under Playwright (see playwright.config.ts).
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/unit/**/*.test.tsx'],
    environment: 'node',
    testTimeout: 20000,
  },
});
