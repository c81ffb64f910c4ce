import { defineConfig } from 'vitest/config';

// lib/report's own tests and the golden files (every report format for real entries), for
// stryker.report.config.mjs: a lower bound on the score (the CLI and panel tests reach it too).
// WHY403_MUTATE_TESTS (comma-separated files) narrows it further.
const only = (process.env.WHY403_MUTATE_TESTS ?? '').split(',').filter(Boolean);
export default defineConfig({
  test: {
    include: only.length > 0 ? only : ['test/unit/report/**/*.test.ts', 'test/unit/golden/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20000,
  },
});
