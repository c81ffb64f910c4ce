import { defineConfig } from 'vitest/config';

// lib/inspect's own tests only, for stryker.inspect-own.config.mjs (a stricter lower bound).
export default defineConfig({
  test: {
    include: ['test/unit/inspect/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20000,
  },
});
