import { defineConfig } from 'vitest/config';

// The diagnosis engine's own tests, for stryker.diagnose.config.mjs. test/unit/realworld (the
// corpus) is left out: it is slow per mutant, so the score is a lower bound.
export default defineConfig({
  test: { include: ['test/unit/diagnose/**/*.test.ts'], environment: 'node', testTimeout: 20000 },
});
