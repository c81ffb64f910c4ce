// lib/redact against its own tests only (test/unit/redact, via vitest.redact.config.ts): a lower
// bound on the score (a mutant only another layer's tests would kill counts as survived), without
// the corpus-wide tests that run every redaction mutant for seconds each.
// STRYKER_CONCURRENCY=1 npx stryker run stryker.redact.config.mjs --mutate 'lib/redact/finder.ts'
import base from './stryker.config.mjs';

export default {
  ...base,
  vitest: { configFile: 'vitest.redact.config.ts' },
  incrementalFile: 'reports/stryker-incremental-redact.json',
};
