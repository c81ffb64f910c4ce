// lib/har against its own tests only (test/unit/har, via vitest.har.config.ts): a lower bound on
// the score (a mutant only another layer's tests would kill counts as survived), in about a tenth
// of the time of the whole unit suite per mutant on the shared 2-core machine.
// STRYKER_CONCURRENCY=1 npx stryker run stryker.har.config.mjs --mutate 'lib/har/repair.ts'
import base from './stryker.config.mjs';

export default {
  ...base,
  vitest: { configFile: 'vitest.har.config.ts' },
  incrementalFile: 'reports/stryker-incremental-har.json',
};
