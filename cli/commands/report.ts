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
import { choice } from '../args';
import { USAGE_ERROR, type CommandSpec } from '../command';
import { CliError } from '../errors';
import { entryIndex, loadHar, warningSummary, TRACE_OPTION } from '../io';
import { emit, OUTPUT_OPTION } from '../output';
import { REDACT_OPTIONS, redactOn } from '../redact-option';

// What each format is, for CI-safe printing (cli/io.ts ciSafeIo); exhaustive, so a new format must say.
const KIND: { readonly [F in ReportFormat]: CiOutputKind } = { md: 'text', html: 'xml', json: 'json' };

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
  async run({ positionals, values }, io) {
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
  },
};
