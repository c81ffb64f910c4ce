import { EXPORT_FORMATS } from '../../lib/front';
import { USAGE_ERROR, type CommandSpec } from '../command';
import { TRACE_OPTION } from '../io';
import { OUTPUT_OPTION } from '../output';
import { REDACT_OPTIONS } from '../redact-option';

export const exportCommand: CommandSpec = {
  name: 'export',
  synopsis: `<capture|-> -e N -f ${EXPORT_FORMATS.join('|')} [--no-redact] [-o FILE]`,
  summary: 'Print one request as curl, curl-cmd, PowerShell, fetch, Node, HTTPie or HAR',
  description: [
    'Prints entry N (0-based, as in diagnose) of a HAR file or a Playwright trace as a command or code.',
    'Redacted by default: each secret becomes an environment variable the output lists, so it still runs',
    'once they are set. --no-redact reproduces the request exactly: method, URL, every header and body byte.',
  ],
  options: [
    { long: 'entry', short: 'e', value: 'N', help: 'The entry to export (0-based index into log.entries)' },
    { long: 'format', short: 'f', value: 'FMT', help: `One of: ${EXPORT_FORMATS.join(', ')}` },
    OUTPUT_OPTION,
    ...REDACT_OPTIONS,
    TRACE_OPTION,
  ],
  exitCodes: [[0, 'success'], USAGE_ERROR],
  examples: [
    'why403 export capture.har -e 3 -f curl',
    'why403 export trace.zip -e 0 -f httpie --no-redact -o replay.sh',
  ],
  // The engine loads only when the command runs: --help, --version and usage errors start as
  // fast as node itself (npm run bench: cli start-up).
  run: async (args, io) => (await import('./export-run')).runExport(args, io),
};
