// lib/redact against its own tests only (test/unit/redact, via vitest.redact.config.ts): a lower
// bound on the score (a mutant only another layer's tests would kill counts as survived), without
// the corpus-wide tests that run every redaction mutant for seconds each.
// STRYKER_CONCURRENCY=1 npx stryker run stryker.redact.config.mjs --mutate 'lib/redact/finder.ts'
import base from './stryker.config.mjs';

// WHY403_MUTATE_TAG (e.g. "-b") gives a second run its own sandbox, report and incremental file.
const tag = process.env.WHY403_MUTATE_TAG ?? '';
const suffix = tag ? `-${tag.replace(/^-/, '')}` : '';

export default {
  ...base,
  vitest: { configFile: 'vitest.redact.config.ts' },
  incrementalFile: `reports/stryker-incremental-redact${suffix}.json`,
  htmlReporter: { fileName: `reports/mutation-redact${suffix}/mutation.html` },
  jsonReporter: { fileName: `reports/mutation-redact${suffix}/mutation.json` },
  // event-recorder writes each mutant's result as it is tested, so survivors can be read mid-run.
  reporters: [...base.reporters, 'event-recorder'],
  eventReporter: { baseDir: `reports/mutation-redact${suffix}/events` },
  tempDirName: `.stryker-tmp-redact${suffix}`,
  // No sandbox is copied into another.
  ignorePatterns: [...base.ignorePatterns, '.stryker-tmp*'],
};
