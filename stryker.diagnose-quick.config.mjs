// lib/diagnose against the tests named in WHY403_MUTATE_TESTS (via vitest.diagnose-quick.config.ts):
// a lower bound on the score, in a fraction of the time of test/unit/diagnose per mutant. Its own
// report and sandbox paths, so it can run beside another config.
// WHY403_MUTATE_TESTS='test/unit/diagnose/rules/auth/**/*.test.ts' STRYKER_CONCURRENCY=1 \
//   npx stryker run stryker.diagnose-quick.config.mjs --mutate 'lib/diagnose/rules/auth/clock-skew.ts'
import base from './stryker.config.mjs';

// WHY403_MUTATE_TAG (e.g. "-b") gives a second run its own sandbox, report and incremental file.
const tag = process.env.WHY403_MUTATE_TAG ?? '';

export default {
  ...base,
  vitest: { configFile: 'vitest.diagnose-quick.config.ts' },
  incrementalFile: `reports/stryker-incremental-diagnose-quick${tag}.json`,
  htmlReporter: { fileName: `reports/mutation-diagnose-quick${tag}/mutation.html` },
  jsonReporter: { fileName: `reports/mutation-diagnose-quick${tag}/mutation.json` },
  // event-recorder writes each mutant's result as it is tested (reports/mutation-diagnose-quick/events),
  // so survivors can be read while a long run goes on.
  reporters: [...base.reporters, 'event-recorder'],
  eventReporter: { baseDir: `reports/mutation-diagnose-quick${tag}/events` },
  tempDirName: `.stryker-tmp-diagnose-quick${tag}`,
  ignorePatterns: [
    ...base.ignorePatterns,
    '.stryker-tmp',
    '.stryker-tmp-har-quick',
    '.stryker-tmp-export-quick',
    '.stryker-tmp-diagnose-quick*',
  ],
};
