import { defineConfig } from 'vitest/config';

// lib/inspect's readers, for stryker.inspect.config.mjs: their own tests and the diagnosis tests
// that reach them through the rules (most of what inspect reads is stated as a cause there).
// test/unit/realworld (the corpus) is left out: it is slow per mutant, so the score is a lower bound.
export default defineConfig({
  test: {
    include: ['test/unit/inspect/**/*.test.ts', 'test/unit/diagnose/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20000,
  },
});
