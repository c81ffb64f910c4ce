// lib/export against its own tests without the fuzz and hostile-classes runs (via
// vitest.export-quick.config.ts): a lower bound on the score, minutes per file where the full
// export set takes an hour. Its own report and sandbox paths, so it can run beside another config.
// STRYKER_CONCURRENCY=1 npx stryker run stryker.export-quick.config.mjs --mutate 'lib/export/node.ts'
import base from './stryker.config.mjs';

export default {
  ...base,
  vitest: { configFile: 'vitest.export-quick.config.ts' },
  incrementalFile: 'reports/stryker-incremental-export-quick.json',
  htmlReporter: { fileName: 'reports/mutation-export-quick/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation-export-quick/mutation.json' },
  tempDirName: '.stryker-tmp-export-quick',
  // Neither sandbox is copied into the other.
  ignorePatterns: [...base.ignorePatterns, '.stryker-tmp', '.stryker-tmp-har-quick', '.stryker-tmp-report'],
};
