import { defineConfig } from 'vitest/config';

// The exporters' own tests and the golden files (test/unit/export, test/unit/golden), for stryker.export.config.mjs.
export default defineConfig({
  test: {
    include: ['test/unit/export/**/*.test.ts', 'test/unit/golden/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20000,
  },
});
