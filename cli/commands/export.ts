import { EXPORT_FORMATS, exportEntry, isExportFormat } from '../../lib/export';
import { parseArgs } from '../args';
import { CliError } from '../errors';
import { entryIndex, loadHar, type Io } from '../io';
import { forTerminal, jsonForTerminal } from '../terminal';

export const exportUsage = `why403 export <har|-> --entry N --format <${EXPORT_FORMATS.join('|')}> [--redact]`;

function formatOf(raw: string | true | undefined): (typeof EXPORT_FORMATS)[number] {
  if (raw === undefined || raw === true) throw new CliError(`missing --format (one of: ${EXPORT_FORMATS.join(', ')})`);
  if (!isExportFormat(raw)) throw new CliError(`unknown export format "${raw}" (one of: ${EXPORT_FORMATS.join(', ')})`);
  return raw;
}

export async function runExport(argv: string[], io: Io): Promise<number> {
  const { positionals, flags } = parseArgs(argv, { entry: 'value', format: 'value', redact: 'bool' });
  if (positionals.length > 1)
    throw new CliError(`export takes one HAR file, got ${positionals.length}: ${exportUsage}`);
  // Arguments first: a wrong format should not wait for a large HAR to load.
  const format = formatOf(flags.get('format'));
  const rawEntry = flags.get('entry');
  if (rawEntry === undefined) throw new CliError('missing --entry N (0-based index into log.entries)');
  const { har, name } = await loadHar(positionals[0], io);
  const n = entryIndex(String(rawEntry), har, name);
  const out = exportEntry(har.log.entries[n]!, format, { redact: flags.has('redact'), index: n });
  // Exports hold no raw control character by construction (tested); this keeps it so.
  io.stdout(format === 'har' ? jsonForTerminal(out) : forTerminal(out));
  return 0;
}
