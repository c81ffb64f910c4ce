// lib/replay and lib/model against their own tests (test/unit/replay, test/unit/model, via
// vitest.replay.config.ts): a lower bound on the score (a mutant only another layer's tests would
// kill counts as survived), in seconds on the shared 2-core machine.
// STRYKER_CONCURRENCY=1 npx stryker run stryker.replay.config.mjs --mutate 'lib/replay/presets.ts'
import base from './stryker.config.mjs';

export default {
  ...base,
  vitest: { configFile: 'vitest.replay.config.ts' },
  incrementalFile: 'reports/stryker-incremental-replay.json',
};
