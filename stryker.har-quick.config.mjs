// lib/har against its own tests, less the CLI bomb run (via vitest.har-quick.config.ts): a lower
// bound on the score. Its own report and sandbox paths, so it can run beside another config.
// STRYKER_CONCURRENCY=1 npx stryker run stryker.har-quick.config.mjs --mutate 'lib/har/zip.ts'
import base from './stryker.config.mjs';

export default {
  ...base,
  vitest: { configFile: 'vitest.har-quick.config.ts' },
  incrementalFile: 'reports/stryker-incremental-har-quick.json',
  htmlReporter: { fileName: 'reports/mutation-har-quick/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation-har-quick/mutation.json' },
  tempDirName: '.stryker-tmp-har-quick',
  // Neither sandbox is copied into another.
  ignorePatterns: [...base.ignorePatterns, '.stryker-tmp', '.stryker-tmp-export-quick'],
};
