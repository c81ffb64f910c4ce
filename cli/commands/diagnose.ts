import { REFUSAL_STATUSES } from '../../lib/front';
import { USAGE_ERROR, type CommandSpec } from '../command';
import { TRACE_OPTION } from '../io';
import { OUTPUT_OPTION } from '../output';
import { REDACT_OPTIONS } from '../redact-option';

export const DIAGNOSE_FORMATS = ['text', 'json', 'junit', 'github'] as const;

export const diagnoseCommand: CommandSpec = {
  name: 'diagnose',
  synopsis: '<capture|-> [-f text|json|junit|github] [--all] [--fail-on-flagged] [-o FILE]',
  summary: 'Explain every refused request of a capture (text, JSON, JUnit, GitHub annotations)',
  description: [
    `Diagnoses every flagged request (refused: ${REFUSAL_STATUSES.join(', ')}, CORS, a refusal hidden in a 200)`,
    'of a HAR file or a Playwright trace (trace.zip), using the whole log as context. - reads standard input.',
    'Secrets in URLs and evidence are redacted unless --no-redact.',
  ],
  options: [
    {
      long: 'format',
      short: 'f',
      value: 'FMT',
      help: 'text, json, junit (one test case per flagged request) or github (workflow annotations)',
      default: 'text',
    },
    { long: 'json', help: 'Same as --format json', sets: { option: 'format', value: 'json' } },
    { long: 'all', help: 'List every entry, not only flagged ones' },
    { long: 'fail-on-flagged', help: 'Exit 1 when any request was flagged (for CI)' },
    OUTPUT_OPTION,
    ...REDACT_OPTIONS,
    TRACE_OPTION,
  ],
  exitCodes: [[0, 'success'], [1, '--fail-on-flagged and a request was flagged'], USAGE_ERROR],
  examples: [
    'why403 diagnose capture.har',
    'why403 diagnose test-results/trace.zip -f junit -o why403-junit.xml --fail-on-flagged',
  ],
  // The engine loads only when the command runs: --help, --version and usage errors start as
  // fast as node itself (npm run bench: cli start-up).
  run: async (args, io) => (await import('./diagnose-run')).runDiagnose(args, io),
};
