// lib/cors against its own tests only (test/unit/cors, via vitest.cors.config.ts): a lower bound
// on the score (a mutant only another layer's tests would kill counts as survived), without the
// hundreds of diagnose tests each mutant of evaluate.ts and unrecorded.ts otherwise runs.
// STRYKER_CONCURRENCY=1 npx stryker run stryker.cors.config.mjs --mutate 'lib/cors/infer.ts'
import base from './stryker.config.mjs';

export default {
  ...base,
  vitest: { configFile: 'vitest.cors.config.ts' },
  incrementalFile: 'reports/stryker-incremental-cors.json',
};
