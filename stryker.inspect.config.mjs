// lib/inspect against its own tests and the diagnosis tests (vitest.inspect.config.ts): a lower
// bound on the score (a mutant only the corpus would kill counts as survived), in a fraction of
// the time of the whole unit suite per mutant on the shared 2-core machine.
// STRYKER_CONCURRENCY=1 npx stryker run stryker.inspect.config.mjs --mutate 'lib/inspect/jwt.ts'
import base from './stryker.config.mjs';

export default {
  ...base,
  vitest: { configFile: 'vitest.inspect.config.ts' },
  incrementalFile: 'reports/stryker-incremental-inspect.json',
};
