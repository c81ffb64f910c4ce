// Mutation testing of the engine (issue 22): StrykerJS plants plausible one-line bugs in lib/
// and runs the unit suite against each; a mutant that no test kills is a behaviour nobody
// states. `npm run mutate` runs it all (hours on 2 cores); `npm run mutate -- --mutate
// 'lib/export/**/*.ts'` one layer; `npm run mutate:changed` only files changed since main
// (incremental: results for unchanged code and tests are reused from reports/stryker-incremental.json).
// `node scripts/mutation-scores.mjs` prints the score per layer beside its goal.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'vitest.config.ts' },
  coverageAnalysis: 'perTest',
  // A static mutant (a module-level constant: a regex, a table) runs in every test file that
  // imports the module, i.e. the whole suite, per mutant: measured at ~91 % of the mutants of
  // lib/diagnose/{flag,merge}.ts and 100 % of the time. They are skipped by default (Stryker
  // reports them as Ignored); `npm run mutate -- --ignoreStatic false` includes them.
  ignoreStatic: true,
  mutate: [
    'lib/**/*.ts',
    // Data rows are not logic: a mutated doc URL or sample string is not a bug a test should state.
    '!lib/vendors/samples/**',
    '!lib/**/index.ts',
    '!lib/har/types.ts',
  ],
  // Stryker writes `// @ts-nocheck` atop (and strips other `// @ts-` directives from) every file
  // this matches, in its sandbox copy. Its default, `{test,src,lib}/**/*.{js,ts,…}`, also rewrote
  // the golden files test/golden/export/*/*.js, so the golden tests failed in the dry run while
  // passing under plain vitest. Only lib/ is mutated, so only lib/ needs it.
  disableTypeChecks: 'lib/**/*.{js,ts,jsx,tsx,mjs,cjs,mts,cts}',
  ignorePatterns: ['.output', 'test-results', 'bench/out', 'reports', 'web-ext-artifacts'],
  concurrency: Number(process.env.STRYKER_CONCURRENCY ?? 2),
  timeoutMS: 20000,
  // The dry run (the whole unit suite with coverage) passes Stryker's 5-minute default on a loaded 2-core machine.
  dryRunTimeoutMinutes: 25,
  incrementalFile: 'reports/stryker-incremental.json',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 90, low: 80, break: null },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
