// lib/report against its own tests and the golden files (via vitest.report.config.ts): a lower
// bound on the score. Its own report and sandbox paths, so it can run beside another config.
// STRYKER_CONCURRENCY=1 npx stryker run stryker.report.config.mjs --mutate 'lib/report/session-text.ts'
import base from './stryker.config.mjs';

export default {
  ...base,
  vitest: { configFile: 'vitest.report.config.ts' },
  incrementalFile: 'reports/stryker-incremental-report.json',
  htmlReporter: { fileName: 'reports/mutation-report/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation-report/mutation.json' },
  tempDirName: '.stryker-tmp-report',
  // No sandbox is copied into another.
  ignorePatterns: [...base.ignorePatterns, '.stryker-tmp', '.stryker-tmp-export-quick', '.stryker-tmp-har-quick'],
};
