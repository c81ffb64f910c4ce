import { EXPORT_FORMATS, exportEntry, type CiOutputKind, type ExportFormat } from '../../lib';
import { choice } from '../args';
import { USAGE_ERROR, type CommandSpec } from '../command';
import { CliError } from '../errors';
import { entryIndex, loadHar, warningSummary, TRACE_OPTION } from '../io';
import { emit, OUTPUT_OPTION } from '../output';
import { REDACT_OPTIONS, redactOn } from '../redact-option';

// What each format is, for CI-safe printing (cli/io.ts ciSafeIo); exhaustive, so a new format must say.
// Commands and code are text: on standard output a `##[` in them gets an invisible U+2060 (-o FILE
// writes the exact bytes); the HAR is JSON, where the split is an escape that parses to the same value.
const KIND: { readonly [F in ExportFormat]: CiOutputKind } = {
  curl: 'text',
  'curl-cmd': 'text',
  powershell: 'text',
  fetch: 'text',
  node: 'text',
  httpie: 'text',
  har: 'json',
};

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
  async run({ positionals, values }, io) {
    if (positionals.length > 1) throw new CliError(`export takes one capture, got ${positionals.length}`);
    const format = choice(values.get('format'), EXPORT_FORMATS, 'export format');
    const rawEntry = values.get('entry');
    if (rawEntry === undefined) throw new CliError('missing --entry N (0-based index into log.entries)');
    const { har, name, warnings } = await loadHar(positionals[0], io, values);
    const summary = warningSummary(name, warnings);
    if (summary) io.stderr(summary + '\n');
    const n = entryIndex(rawEntry, har, name);
    emit(
      exportEntry(har.log.entries[n]!, format, { redact: redactOn(values), index: n, log: har.log.entries }),
      KIND[format],
      values.get('output'),
      io,
    );
    return 0;
  },
};
