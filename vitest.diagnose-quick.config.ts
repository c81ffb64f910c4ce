import { defineConfig } from 'vitest/config';

// A narrower set of the diagnosis engine's tests, for stryker.diagnose-quick.config.mjs: every
// diagnose() call reaches every rule, so under the whole of test/unit/diagnose each mutant of a
// rule runs hundreds of tests. WHY403_MUTATE_TESTS (comma-separated files or globs) narrows it to
// a rule's own tests; a lower bound on the score.
const only = (process.env.WHY403_MUTATE_TESTS ?? '').split(',').filter(Boolean);
export default defineConfig({
  test: {
    include: only.length > 0 ? only : ['test/unit/diagnose/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20000,
  },
});
