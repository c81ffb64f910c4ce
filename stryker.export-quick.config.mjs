// lib/export against its own tests without the fuzz and hostile-classes runs (via
// vitest.export-quick.config.ts): a lower bound on the score, minutes per file where the full
// export set takes an hour. Its own report and sandbox paths, so it can run beside another config.
// STRYKER_CONCURRENCY=1 npx stryker run stryker.export-quick.config.mjs --mutate 'lib/export/node.ts'
import base from './stryker.config.mjs';

// WHY403_MUTATE_TAG (e.g. "-b") gives a second run its own sandbox, report and incremental file.
const tag = process.env.WHY403_MUTATE_TAG ?? '';

export default {
  ...base,
  vitest: { configFile: 'vitest.export-quick.config.ts' },
  incrementalFile: `reports/stryker-incremental-export-quick${tag}.json`,
  htmlReporter: { fileName: `reports/mutation-export-quick${tag}/mutation.html` },
  jsonReporter: { fileName: `reports/mutation-export-quick${tag}/mutation.json` },
  // event-recorder writes each mutant's result as it is tested, so survivors can be read mid-run.
  reporters: [...base.reporters, 'event-recorder'],
  eventReporter: { baseDir: `reports/mutation-export-quick${tag}/events` },
  tempDirName: `.stryker-tmp-export-quick${tag}`,
  // Neither sandbox is copied into the other.
  ignorePatterns: [
    ...base.ignorePatterns,
    '.stryker-tmp',
    '.stryker-tmp-har-quick',
    '.stryker-tmp-report*',
    '.stryker-tmp-diagnose-quick*',
  ],
};
