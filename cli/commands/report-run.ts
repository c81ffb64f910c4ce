import { basename } from 'node:path';
import {
  diagnoseExchange,
  LogIndex,
  type EntryDiagnosis,
  buildReport,
  renderReport,
  REPORT_FORMATS,
  type CiOutputKind,
  type ReportFormat,
} from '../../lib';
import { choice, type ParsedArgs } from '../args';
import { CliError } from '../errors';
import type { Io } from '../io';
import { entryIndex, loadHar, warningSummary } from '../load';
import { emit } from '../output';
import { redactOn } from '../redact-option';

// What each format is, for CI-safe printing (cli/io.ts ciSafeIo); exhaustive, so a new format must say.
const KIND: { readonly [F in ReportFormat]: CiOutputKind } = { md: 'text', html: 'xml', json: 'json' };

export async function runReport({ positionals, values }: ParsedArgs, io: Io): Promise<number> {
  if (positionals.length > 1) throw new CliError(`report takes one capture, got ${positionals.length}`);
  const format = choice(values.get('format'), REPORT_FORMATS, 'report format', 'md');
  const { har, name, warnings } = await loadHar(positionals[0], io, values);
  const summary = warningSummary(name, warnings);
  if (summary) io.stderr(summary + '\n');
  const rawEntry = values.get('entry');
  const log = new LogIndex(har);
  let diagnoses: EntryDiagnosis[];
  if (rawEntry !== undefined) {
    const n = entryIndex(rawEntry, har, name);
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
    redact: redactOn(values),
    source,
    generatedAt: new Date().toISOString(),
  });
  emit(renderReport(report, format), KIND[format], values.get('output'), io);
  return 0;
}
