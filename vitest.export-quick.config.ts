import { defineConfig } from 'vitest/config';

// The exporters' tests without the two slow whole-corpus runs (fuzz-exec, hostile-classes), and
// the golden files, for stryker.export-quick.config.mjs: under the full set a surviving mutant
// runs the fuzz, minutes apiece on a loaded 2-core machine. A lower bound on the score.
// WHY403_MUTATE_TESTS (comma-separated files) narrows it to a file's own tests: the dry run of
// the whole set takes a quarter of an hour here, each exec test starting a program.
const only = (process.env.WHY403_MUTATE_TESTS ?? '').split(',').filter(Boolean);
export default defineConfig({
  test: {
    include: only.length > 0 ? only : ['test/unit/export/**/*.test.ts', 'test/unit/golden/**/*.test.ts'],
    exclude: ['test/unit/export/fuzz-exec.test.ts', 'test/unit/export/hostile-classes.test.ts'],
    environment: 'node',
    testTimeout: 20000,
  },
});
