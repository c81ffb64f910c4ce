import { defineConfig } from 'vitest/config';

// lib/replay and lib/model, for stryker.replay.config.mjs: the replay tests and the model's own
// tests. lib/model is read by every layer, so the rest of the suite kills more of its mutants than
// these do: the score is a lower bound, measured in seconds per mutant instead of minutes.
export default defineConfig({
  test: {
    include: ['test/unit/replay/**/*.test.ts', 'test/unit/model/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20000,
  },
});
