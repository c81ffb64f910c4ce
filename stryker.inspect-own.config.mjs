// lib/inspect against test/unit/inspect only: a stricter lower bound than stryker.inspect.config.mjs
// (which adds the diagnosis tests), at a fraction of its cost per mutant. Under the load of several
// Stryker runs on the shared 2-core machine, the diagnosis tests made each structured-error.ts mutant
// take ~9 s (684 mutants: 100 min); the readers' own tests state what they read.
// STRYKER_CONCURRENCY=1 npx stryker run stryker.inspect-own.config.mjs --mutate 'lib/inspect/envelope.ts'
import inspect from './stryker.inspect.config.mjs';

export default {
  ...inspect,
  vitest: { configFile: 'vitest.inspect-own.config.ts' },
  incrementalFile: 'reports/stryker-incremental-inspect-own.json',
};
