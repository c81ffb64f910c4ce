// How CI runners find commands in a job's log, to check output against (sources cited in
// lib/core/ci-safe.ts): GitHub's `::name` at a line's start after .NET white space
// (ActionCommand.TryParseV2), its legacy `##[name` anywhere (ActionCommand.TryParse), Azure's
// `##vso[` (case-insensitive) and TeamCity's `##teamcity[`. Lines end as .NET ReadLine ends them.

// .NET Char.IsWhiteSpace: JavaScript's \s (a superset but for these) plus U+001C–U+001F and U+0085.
// eslint-disable-next-line no-control-regex -- .NET white space includes these controls
const LEADING = /^[\s\u001c-\u001f\u0085]+/;

/** Every command a runner would act on in `log`, as its opener (`::error`, `##[error`, `##vso[`). */
export function runnerCommands(log: string): string[] {
  const found: string[] = [];
  for (const line of log.split(/\r\n|\r|\n/)) {
    const v2 = /^::([A-Za-z-]*)/.exec(line.replace(LEADING, ''));
    if (v2) found.push(`::${v2[1]}`);
    for (const m of line.matchAll(/##([a-z0-9._-]*)\[/gi)) found.push(`##${m[1]}[`);
  }
  return found;
}
