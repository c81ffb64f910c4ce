// lib/report against its own tests and the golden files (via vitest.report.config.ts): a lower
// bound on the score. Its own report and sandbox paths, so it can run beside another config.
// STRYKER_CONCURRENCY=1 npx stryker run stryker.report.config.mjs --mutate 'lib/report/session-text.ts'
import base from './stryker.config.mjs';

// WHY403_MUTATE_TAG (e.g. "-b") gives a second run its own sandbox, report and incremental file.
const tag = process.env.WHY403_MUTATE_TAG ?? '';

export default {
  ...base,
  vitest: { configFile: 'vitest.report.config.ts' },
  incrementalFile: `reports/stryker-incremental-report${tag}.json`,
  htmlReporter: { fileName: `reports/mutation-report${tag}/mutation.html` },
  jsonReporter: { fileName: `reports/mutation-report${tag}/mutation.json` },
  // event-recorder writes each mutant's result as it is tested, so survivors can be read mid-run.
  reporters: [...base.reporters, 'event-recorder'],
  eventReporter: { baseDir: `reports/mutation-report${tag}/events` },
  tempDirName: `.stryker-tmp-report${tag}`,
  // No sandbox is copied into another.
  ignorePatterns: [
    ...base.ignorePatterns,
    '.stryker-tmp',
    '.stryker-tmp-export-quick*',
    '.stryker-tmp-har-quick',
    '.stryker-tmp-diagnose-quick*',
  ],
};
