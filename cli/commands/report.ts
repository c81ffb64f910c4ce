import { basename } from 'node:path';
import { diagnoseExchange, LogIndex, type EntryDiagnosis } from '../../lib';
import { buildReport, isReportFormat, renderReport, REPORT_FORMATS, type ReportFormat } from '../../lib/report';
import { parseArgs } from '../args';
import { CliError } from '../errors';
import { entryIndex, loadHar, type Io } from '../io';
import { forTerminal, jsonForTerminal } from '../terminal';

export const reportUsage = `why403 report <har|-> [--entry N] [--format ${REPORT_FORMATS.join('|')}] [--no-redact]`;

function formatOf(raw: string | true | undefined): ReportFormat {
  if (raw === undefined) return 'md';
  if (raw === true || !isReportFormat(raw))
    throw new CliError(`unknown report format "${String(raw)}" (one of: ${REPORT_FORMATS.join(', ')})`);
  return raw;
}

export async function runReport(argv: string[], io: Io): Promise<number> {
  const { positionals, flags } = parseArgs(argv, { entry: 'value', format: 'value', 'no-redact': 'bool' });
  if (positionals.length > 1)
    throw new CliError(`report takes one HAR file, got ${positionals.length}: ${reportUsage}`);
  const format = formatOf(flags.get('format'));
  const { har, name } = await loadHar(positionals[0], io);
  const rawEntry = flags.get('entry');
  const log = new LogIndex(har);
  let diagnoses: EntryDiagnosis[];
  if (rawEntry !== undefined) {
    const n = entryIndex(String(rawEntry), har, name);
    diagnoses = [diagnoseExchange(log, log.at(n)!)];
  } else {
    diagnoses = log.exchanges
      .filter((x) => !x.isPreflight)
      .map((x) => diagnoseExchange(log, x))
      .filter((d) => d.flagged);
  }
  // Only the file's name: a full path would share the user's directories.
  const source = positionals[0] === '-' ? 'standard input' : basename(name);
  const report = buildReport(log, diagnoses, {
    redact: !flags.has('no-redact'),
    source,
    generatedAt: new Date().toISOString(),
  });
  const text = renderReport(report, format);
  io.stdout(format === 'json' ? jsonForTerminal(text) : forTerminal(text));
  return 0;
}
