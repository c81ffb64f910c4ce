// lib/export against its own tests only (test/unit/export and the golden files, via
// vitest.export.config.ts): a lower bound on the score (a mutant only another layer's tests would
// kill counts as survived), at a fraction of the whole unit suite's time per mutant.
// STRYKER_CONCURRENCY=1 npx stryker run stryker.export.config.mjs --mutate 'lib/export/httpie.ts'
import base from './stryker.config.mjs';

export default {
  ...base,
  vitest: { configFile: 'vitest.export.config.ts' },
  incrementalFile: 'reports/stryker-incremental-export.json',
};
