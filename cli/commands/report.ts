import { REPORT_FORMATS } from '../../lib/front';
import { USAGE_ERROR, type CommandSpec } from '../command';
import { TRACE_OPTION } from '../io';
import { OUTPUT_OPTION } from '../output';
import { REDACT_OPTIONS } from '../redact-option';

export const reportCommand: CommandSpec = {
  name: 'report',
  synopsis: `<capture|-> [-e N] [-f ${REPORT_FORMATS.join('|')}] [--no-redact] [-o FILE]`,
  summary: 'Write a shareable diagnosis report (Markdown, self-contained HTML, JSON)',
  description: [
    'A report to share: what failed, the causes with evidence and fixes, the request and response headers,',
    'a diff against the last successful call when the log has one, and the redacted curl. Every flagged',
    'request, or only entry N. Redacted by default.',
  ],
  options: [
    { long: 'entry', short: 'e', value: 'N', help: 'Report only this entry', default: 'every flagged entry' },
    { long: 'format', short: 'f', value: 'FMT', help: `One of: ${REPORT_FORMATS.join(', ')}`, default: 'md' },
    OUTPUT_OPTION,
    ...REDACT_OPTIONS,
    TRACE_OPTION,
  ],
  exitCodes: [[0, 'success'], USAGE_ERROR],
  examples: ['why403 report capture.har -f html -o report.html', 'why403 report trace.zip -e 4'],
  // The engine loads only when the command runs: --help, --version and usage errors start as
  // fast as node itself (npm run bench: cli start-up).
  run: async (args, io) => (await import('./report-run')).runReport(args, io),
};
