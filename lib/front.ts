// What a front end needs before it loads the engine: the version, the statuses the engine reads, the
// formats it writes, the trace limit and the CI-safe printer. Each lives in a module that imports
// nothing heavy, so the CLI's entry (cli/main.ts and the command specs) imports only this file and
// `why403 --version`, `--help` and a usage error start without loading the engine; bundlers split
// by file, and lib/index.ts would bring every module with it (test/unit/cli/entry-weight.test.ts).
export { VERSION } from './core/version';
export { REFUSAL_STATUSES } from './core/statuses';
export { ciSafe, type CiOutputKind } from './core/ci-safe';
export { EXPORT_FORMATS } from './export/types';
export { REPORT_FORMATS } from './report/formats';
export { DEFAULT_MAX_BYTES } from './har/limits';
