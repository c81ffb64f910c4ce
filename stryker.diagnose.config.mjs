// lib/diagnose against its own tests only (test/unit/diagnose, via vitest.diagnose.config.ts): a
// lower bound on the score (a mutant only another layer's tests, or test/unit/realworld's corpus,
// would kill counts as survived), in a fraction of the time of the whole unit suite per mutant on
// the shared 2-core machine.
// STRYKER_CONCURRENCY=1 npx stryker run stryker.diagnose.config.mjs --mutate 'lib/diagnose/rules/auth/missing.ts'
import base from './stryker.config.mjs';

export default {
  ...base,
  vitest: { configFile: 'vitest.diagnose.config.ts' },
  incrementalFile: 'reports/stryker-incremental-diagnose.json',
};
