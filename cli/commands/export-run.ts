import { EXPORT_FORMATS, exportEntry, type CiOutputKind, type ExportFormat } from '../../lib';
import { choice, type ParsedArgs } from '../args';
import { CliError } from '../errors';
import type { Io } from '../io';
import { entryIndex, loadHar, warningSummary } from '../load';
import { emit } from '../output';
import { redactOn } from '../redact-option';

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

export async function runExport({ positionals, values }: ParsedArgs, io: Io): Promise<number> {
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
}
